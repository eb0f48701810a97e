using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

/// <summary>
/// Playwright's HTML report: the data a real report embedded (Fixtures/playwright-html, from the sample's renamed-selector
/// run with @playwright/test 1.65.1) wrapped back into a page the way the reporter writes it.
/// </summary>
public sealed class PlaywrightHtmlReportTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("html-report");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Parse_RealReportData_FailuresNamedAndPlacedAsTheJsonReporterWould()
    {
        var index = WriteReport(_temp.Combine("playwright-report"), RealEntries());

        var sut = PlaywrightHtmlReport.Parse(index, "playwright-report/index.html", CancellationToken.None);

        sut.Format.Should().Be(LogFormat.PlaywrightHtml);
        sut.Failures.Select(f => f.Test).Should().BeEquivalentTo(
            "cart.spec.ts › removes an item after confirming",
            "catalogue.spec.ts › adds a product to the cart",
            "checkout.spec.ts › places an order",
            "checkout.spec.ts › shows validation errors for empty fields");
        sut.Passed.Should().Be(8, "report.json's stats count 8 expected tests");
        var failure = sut.Failures.Single(f => f.Test.StartsWith("cart.spec.ts", StringComparison.Ordinal));
        failure.Message.Should().StartWith("TimeoutError: locator.click: Timeout 5000ms exceeded.");
        failure.Selector.Should().Be("locator('#add-to-cart')");
        failure.Action.Should().Be("locator.click");
        failure.File.Should().Be("pages/product-page.ts", "the test folder is where the stack's absolute frame ends in the test's file");
        failure.Line.Should().Be(22);
        failure.TestFile.Should().Be("cart.spec.ts");
        failure.TestLine.Should().Be(7);
        failure.Attachments.Should().Contain(a => a.EndsWith(".zip", StringComparison.Ordinal))
            .And.OnlyContain(a => a.StartsWith("playwright-report/data/", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OlderPageAndErrorsAsStrings_SameFailures()
    {
        // Reports before 1.4x: the data in a script assignment, each error kept as a string.
        var entries = RealEntries();
        foreach (var name in entries.Keys.Where(n => n != "report.json").ToList())
        {
            var file = JsonNode.Parse(entries[name])!;
            foreach (var result in file["tests"]!.AsArray().SelectMany(t => t!["results"]!.AsArray()))
            {
                var errors = result!["errors"]!.AsArray();
                result["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)JsonValue.Create(e!["message"]!.GetValue<string>())!)]);
            }

            entries[name] = file.ToJsonString();
        }

        var index = WriteReport(_temp.Combine("old"), entries, scriptStyle: true);

        var sut = PlaywrightHtmlReport.Parse(index, "old/index.html", CancellationToken.None);

        sut.Failures.Should().HaveCount(4);
        sut.Failures.Should().OnlyContain(f => f.Selector == "locator('#add-to-cart')" && f.Line == 22);
    }

    [Fact]
    public void Parse_AttachmentsOutsideTheReport_AreNotReturned()
    {
        var entries = RealEntries();
        var name = entries.Keys.First(n => n != "report.json" && entries[n].Contains("\"unexpected\"", StringComparison.Ordinal));
        var file = JsonNode.Parse(entries[name])!;
        var attachments = file["tests"]!.AsArray().First(t => t!["outcome"]!.GetValue<string>() == "unexpected")!["results"]![0]!["attachments"]!.AsArray();
        attachments.Add(new JsonObject { ["name"] = "trace", ["contentType"] = "application/zip", ["path"] = "../../etc/trace.zip" });
        attachments.Add(new JsonObject { ["name"] = "trace", ["contentType"] = "application/zip", ["path"] = "/etc/trace.zip" });
        entries[name] = file.ToJsonString();
        var index = WriteReport(_temp.Combine("r"), entries);

        var sut = PlaywrightHtmlReport.Parse(index, "r/index.html", CancellationToken.None);

        sut.Failures.SelectMany(f => f.Attachments).Should().OnlyContain(a => a.StartsWith("r/data/", StringComparison.Ordinal) && !a.Contains("..", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("truncated", "not valid base64")]
    [InlineData("no-report-json", "holds no report.json")]
    [InlineData("malformed-json", "report.json is not valid JSON")]
    [InlineData("no-files", "has no list of files")]
    [InlineData("not-a-zip", "Cannot read the Playwright HTML report")]
    [InlineData("no-data", "carries no Playwright report data")]
    public void Parse_BrokenReport_OneLineNamingThePage(string damage, string expected)
    {
        var folder = _temp.Combine(damage);
        var entries = RealEntries();
        string index;
        switch (damage)
        {
            case "truncated":
                index = WriteReport(folder, entries);
                var page = File.ReadAllText(index);
                var cut = page.IndexOf("</template>", StringComparison.Ordinal);
                File.WriteAllText(index, page[..(cut - 7)] + "=" + page[cut..]);
                break;
            case "no-report-json":
                entries.Remove("report.json");
                index = WriteReport(folder, entries);
                break;
            case "malformed-json":
                entries["report.json"] = entries["report.json"][..100];
                index = WriteReport(folder, entries);
                break;
            case "no-files":
                entries["report.json"] = "{\"stats\":{}}";
                index = WriteReport(folder, entries);
                break;
            case "not-a-zip":
                index = WritePage(folder, "data:application/zip;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("not a zip at all")));
                break;
            default:
                index = WritePage(folder, null);
                break;
        }

        var act = () => PlaywrightHtmlReport.Parse(index, damage + "/index.html", CancellationToken.None);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain(expected).And.NotContain("\n").And.Contain("index.html");
    }

    [Fact]
    public void Parse_ZipBombInTheData_Refused()
    {
        var folder = Directory.CreateDirectory(_temp.Combine("bomb")).FullName;
        using var data = new MemoryStream();
        using (var zip = new ZipArchive(data, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("report.json", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 8; i++)
            {
                stream.Write(zeros);
            }
        }

        var index = WritePage(folder, "data:application/zip;base64," + Convert.ToBase64String(data.ToArray()));

        var act = () => PlaywrightHtmlReport.Parse(index, "bomb/index.html", CancellationToken.None, maxExpandedBytes: 4 * 1024 * 1024);

        act.Should().Throw<FixEngineException>().WithMessage("*zip bomb*");
    }

    [Fact]
    public void IsReport_MarkerAcrossTheReadBoundary_StillFound()
    {
        var folder = Directory.CreateDirectory(_temp.Combine("boundary")).FullName;
        var index = Path.Combine(folder, "index.html");
        var padding = new string(' ', (1024 * 1024) - 10);
        File.WriteAllText(index, "<html>" + padding[6..] + "<template id=\"playwrightReportBase64\">data:application/zip;base64,</template>");
        var plain = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "site")).FullName, "index.html");
        File.WriteAllText(plain, "<html><body>a site</body></html>");

        PlaywrightHtmlReport.IsReport(index).Should().BeTrue();
        PlaywrightHtmlReport.IsReport(plain).Should().BeFalse();
    }

    [Fact]
    public void Read_FolderWithAReportUnderAnyName_ReadsTheReportNotItsAttachmentsAsLogs()
    {
        var root = _temp.Subfolder("artifacts");
        WriteReport(Path.Combine(root, "html-report"), RealEntries());
        File.WriteAllText(Path.Combine(root, "html-report", "data", "58a2e29595e1b7b17d1082acaec288f7804bb2f8.md"),
            "# Test info\n\n- Name: x\n\n# Error details\n\n```\nError: something else entirely failed\n```\n");

        var logs = new ArtifactReader(new NoBlockScorer()).Read(root, CancellationToken.None);

        logs.Should().ContainSingle().Which.Format.Should().Be(LogFormat.PlaywrightHtml);
        logs[0].Source.Should().Be("html-report/index.html");
        logs[0].Failures.Should().HaveCount(4);
    }

    [Fact]
    public void Analyze_ReportBesideTheSameRunsResultsJson_EachFailureOnceWithBothReportsAttachments()
    {
        var root = _temp.Subfolder("both");
        WriteReport(Path.Combine(root, "playwright-report"), RealEntries());
        File.Copy(Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "renamed-selector", "results.json"), Path.Combine(root, "results.json"));

        var report = new FailureAnalyzer(new AnalysisOptions { RunId = "both" }).Analyze(root);

        report.Sources.Select(s => s.Format).Should().BeEquivalentTo([LogFormat.PlaywrightHtml, LogFormat.PlaywrightJson]);
        report.Classification.ErrorType.Should().Be(ErrorType.SelectorNotFound);
        report.Classification.Failures.Should().HaveCount(4, "both reports name the same four failed tests");
        report.Classification.Failures.Should().OnlyContain(f =>
            f.Attachments.Any(a => a.StartsWith("playwright-report/data/", StringComparison.Ordinal))
            && f.Attachments.Any(a => a.Contains("test-results/", StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> RealEntries() =>
        Directory.EnumerateFiles(TestPaths.Fixtures("playwright-html", "report-data"))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>Writes index.html as the reporter does: the viewer's script (which names the template too), then the data.</summary>
    private static string WriteReport(string folder, Dictionary<string, string> entries, bool scriptStyle = false)
    {
        using var data = new MemoryStream();
        using (var zip = new ZipArchive(data, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        Directory.CreateDirectory(Path.Combine(folder, "data"));
        return WritePage(folder, "data:application/zip;base64," + Convert.ToBase64String(data.ToArray()), scriptStyle);
    }

    private static string WritePage(string folder, string? dataUrl, bool scriptStyle = false)
    {
        Directory.CreateDirectory(folder);
        var page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Playwright Test Report</title>")
            .Append("<script type=\"module\">var e=new Hs;e.load().then(()=>{document.getElementById(`playwrightReportBase64`)?.remove()});</script>")
            .Append("</head><body><div id=\"root\"></div></body></html>");
        if (dataUrl is not null)
        {
            page.Append(scriptStyle
                ? $"<script>\nwindow.playwrightReportBase64 = \"{dataUrl}\";</script>"
                : $"\n<template id=\"playwrightReportBase64\">{dataUrl}</template>");
        }

        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, page.ToString());
        return index;
    }
}
