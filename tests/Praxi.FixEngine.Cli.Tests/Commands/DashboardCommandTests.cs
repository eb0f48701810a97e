using AngleSharp.Html.Parser;

namespace Praxi.FixEngine.Cli.Tests.Commands;

public sealed class DashboardCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Dashboard_TwoHealOutputsAndABareAnalysis_WritesThePageSummaryAndComment()
    {
        var runs = await DashboardRuns.RootAsync();
        var work = NewDir();
        var summary = Path.Combine(work, "summary.md");
        File.WriteAllText(summary, "earlier step\n");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("dashboard", Path.Combine(runs, "renamed"), Path.Combine(runs, "removed"), Path.Combine(runs, "bare"),
            "--out", Path.Combine(work, "dash"), "--summary", summary, "--pr-comment", Path.Combine(work, "comment.md"), "--title", "CI <main>");

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().StartWith("dashboard: 3 run(s)").And.Contain("1 patch offered").And.Contain("1 needs review").And.Contain("1 failed");
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(work, "dash", "index.html")));
        doc.Title.Should().Be("CI <main>");
        doc.QuerySelectorAll("tr.run-row").Select(r => r.QuerySelector(".chip")!.TextContent).Should().BeEquivalentTo(["patch offered", "needs review", "failed"]);
        doc.QuerySelectorAll("#run-1 tr.test-row, #run-2 tr.test-row, #run-3 tr.test-row").Should().HaveCount(8 + 3 + 14);
        doc.QuerySelectorAll(".diff .dl.add").Should().HaveCount(3, "renamed-selector's patch changes three lines");
        var summaryText = File.ReadAllText(summary);
        summaryText.Should().StartWith("earlier step\n### CI &lt;main> — 3 run(s)").And.Contain("| `renamed` | patch offered | `selector_not_found` (0.81) | 8 |");
        File.ReadAllText(Path.Combine(work, "comment.md")).Should().StartWith("<!-- praxi-dashboard -->").And.Contain("proposed patch `praxi: heal 3 selectors in 3 files (CI run renamed-1)`");
    }

    [Fact]
    public async Task Dashboard_SummaryDefaultsToGithubStepSummary_Appends()
    {
        var runs = await DashboardRuns.RootAsync();
        var work = NewDir();
        var summary = Path.Combine(work, "step-summary.md");
        File.WriteAllText(summary, "# build\n");
        var services = CliServices.Default with { Environment = name => name == "GITHUB_STEP_SUMMARY" ? summary : null };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await PraxiCli.RunAsync(["dashboard", Path.Combine(runs, "bare"), "--out", Path.Combine(work, "dash")], stdout, stderr, services);

        code.Should().Be(ExitCodes.Success, stderr.ToString());
        File.ReadAllText(summary).Should().StartWith("# build\n### praxi dashboard — 1 run(s): 1 failed").And.Contain("| `bare` | failed | `server_unavailable`");
    }

    [Fact]
    public async Task Dashboard_MissingFolder_OneLineExitTwoAndNothingWritten()
    {
        var runs = await DashboardRuns.RootAsync();
        var work = NewDir();
        var summary = Path.Combine(work, "summary.md");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("dashboard", Path.Combine(runs, "bare"), Path.Combine(work, "missing"),
            "--out", Path.Combine(work, "dash"), "--summary", summary, "--pr-comment", Path.Combine(work, "comment.md"));

        code.Should().Be(ExitCodes.BadInput);
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("praxi: ").And.Contain("missing' does not exist");
        stdout.Should().BeEmpty();
        Directory.EnumerateFileSystemEntries(work).Should().BeEmpty();
    }

    [Fact]
    public async Task Dashboard_FolderWithABrokenFile_ShowsTheRunAsUnreadable()
    {
        var work = NewDir();
        var broken = Path.Combine(work, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "analysis.json"), "{\"classification\": [");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("dashboard", broken, "--out", Path.Combine(work, "dash"));

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("1 unreadable");
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(work, "dash", "index.html")));
        doc.QuerySelector("#run-1 .unreadable")!.TextContent.Should().StartWith("unreadable: analysis.json: not valid JSON");
    }

    private string NewDir() => _temp.Subfolder();
}
