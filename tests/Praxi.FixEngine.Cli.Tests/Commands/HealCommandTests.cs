using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Praxi.FixEngine.Cli.Tests.Commands;

/// <summary>
/// <c>praxi heal</c> in-process on the committed sample runs, against a git copy of the three sample suites so that
/// <c>--apply</c> never touches the checkout; the baseline is recorded by <c>praxi baseline record</c> in the test.
/// </summary>
public sealed class HealCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Suites = ["e2e-ts", "e2e-dotnet", "e2e-selenium"];

    private static readonly Lazy<Task<string>> RecordedBaseline = new(RecordBaselineAsync);

    [Fact]
    public async Task Heal_RenamedSelectorWithBaseline_WritesEveryStageAndAPatchGitAccepts()
    {
        var (repo, work) = NewRepo(_temp);
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", Artifacts("renamed-selector"), "--repo", repo, "--baseline", await RecordedBaseline.Value, "--out", outDir, "--run-id", "rs-1");

        code.Should().Be(ExitCodes.Success, stderr);
        stderr.Should().BeEmpty();
        var lines = stdout.TrimEnd().Split('\n');
        lines[0].Should().StartWith("selector_not_found (");
        lines.Where(l => l.TrimStart().StartsWith("healed ", StringComparison.Ordinal)).Should().HaveCount(3)
            .And.Contain(l => l.Contains("healed   locator('#add-to-cart') → locator('#add-to-basket') (css, 0.97)", StringComparison.Ordinal), "a script's locator is printed as the spec writes it")
            .And.Contain(l => l.Contains("healed   Locator(\"#add-to-cart\") → Locator(\"#add-to-basket\") (css, 0.97)", StringComparison.Ordinal), "a C# test's locator is printed as C# writes it")
            .And.OnlyContain(l => l.Contains("→ ", StringComparison.Ordinal) && l.Contains("#add-to-basket", StringComparison.Ordinal) && !l.Contains("not patched", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("patch: 3 edit(s) in 3 file(s), risk test-only", StringComparison.Ordinal));
        stdout.Should().NotContain("needs manual review");

        using (var analysis = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "analysis.json"))))
        {
            AssertSchemaValid("analysis.schema.json", File.ReadAllText(Path.Combine(outDir, "analysis.json")));
            var instructions = analysis.RootElement.GetProperty("fix_agent_instructions").EnumerateArray().ToList();
            instructions.Should().HaveCount(3).And.OnlyContain(i => i.GetProperty("new").GetProperty("value").GetString() == "#add-to-basket");
        }

        AssertSchemaValid("heal.schema.json", File.ReadAllText(Path.Combine(outDir, "heal.json")));
        using (var heal = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "heal.json"))))
        {
            heal.RootElement.GetProperty("schema_version").GetInt32().Should().Be(1);
            heal.RootElement.GetProperty("run_id").GetString().Should().Be("rs-1");
            var outcomes = heal.RootElement.GetProperty("outcomes").EnumerateArray().ToList();
            outcomes.Should().HaveCount(3).And.OnlyContain(o => o.GetProperty("status").GetString() == "healed");
            outcomes.Select(o => o.GetProperty("evidence").GetProperty("fingerprint").GetString()).Should().Contain("baseline");
            heal.RootElement.GetProperty("instructions").GetArrayLength().Should().Be(3);
        }

        var patch = Path.Combine(outDir, "fix-agent", "patch-rs-1.diff");
        var diff = File.ReadAllText(patch);
        FileDiff(diff, "samples/e2e-ts/tests/pages/product-page.ts").Should().Contain("-    readonly addToCart = page.locator('#add-to-cart'),")
            .And.Contain("+    readonly addToCart = page.locator('#add-to-basket'),");
        FileDiff(diff, "samples/e2e-dotnet/Selectors.cs").Should().Contain("-    public const string AddToCart = \"#add-to-cart\";")
            .And.Contain("+    public const string AddToCart = \"#add-to-basket\";");
        FileDiff(diff, "samples/e2e-selenium/Tests/ShopTests.cs").Should().Contain("-        driver.FindElement(By.Id(\"add-to-cart\")).Click();")
            .And.Contain("+        driver.FindElement(By.Id(\"add-to-basket\")).Click();");
        diff.Split('\n').Count(l => l.StartsWith("+++ ", StringComparison.Ordinal)).Should().Be(3);
        GitRunner.Run(repo, "apply", "--check", patch).ExitCode.Should().Be(0, "the patch must apply to the repository it was planned on");

        var metadataJson = File.ReadAllText(Path.Combine(outDir, "fix-agent", "metadata-rs-1.json"));
        AssertSchemaValid("fix-metadata.schema.json", metadataJson);
        using (var metadata = JsonDocument.Parse(metadataJson))
        {
            metadata.RootElement.GetProperty("needs_manual_review").GetBoolean().Should().BeFalse();
            metadata.RootElement.GetProperty("guardrails").GetProperty("allowed").GetBoolean().Should().BeTrue();
            metadata.RootElement.GetProperty("edits").GetArrayLength().Should().Be(3);
        }

        GitRunner.Run(repo, "diff", "--quiet").ExitCode.Should().Be(0, "without --apply the repository is not touched");
    }

    [Fact]
    public async Task Heal_HealThatCannotBecomeAnEdit_SaysWhyOnTheHealsLine()
    {
        var (repo, work) = NewRepo(_temp);
        var pageObject = Path.Combine(repo, "samples", "e2e-ts", "tests", "pages", "product-page.ts");
        File.WriteAllText(pageObject, File.ReadAllText(pageObject).Replace("page.locator('#add-to-cart')", "page.locator(`#add-to-${'cart'}`)", StringComparison.Ordinal));
        GitRunner.Run(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qam", "computed selector").ExitCode.Should().Be(0);
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", Artifacts("renamed-selector"), "--repo", repo, "--baseline", await RecordedBaseline.Value, "--out", outDir, "--run-id", "np-1");

        code.Should().Be(ExitCodes.Success, stderr);
        var script = stdout.Split('\n').Should().ContainSingle(l => l.StartsWith("  healed   locator('#add-to-cart')", StringComparison.Ordinal)).Subject;
        script.Should().Contain(" — not patched: ").And.Contain("product-page.ts", "the reason the rewriter gave is on the heal's own line");
        stdout.Split('\n').Where(l => l.StartsWith("  healed   ", StringComparison.Ordinal) && l != script).Should().HaveCount(2)
            .And.OnlyContain(l => !l.Contains("not patched", StringComparison.Ordinal), "the C# and Selenium heals became edits");
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "fix-agent", "metadata-np-1.json")));
        var review = metadata.RootElement.GetProperty("manual_review").EnumerateArray().Should().ContainSingle().Subject;
        script.Should().EndWith(review.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Heal_TestResultsFolderAlone_HealsFromErrorContextAndTheTraces()
    {
        // What a CI that uploads only test-results/ keeps: traces and error-context.md, no console log, no JSON report.
        var (repo, work) = NewRepo(_temp);
        var artifacts = Path.Combine(work, "artifacts");
        CopyFolder(Path.Combine(Artifacts("renamed-selector"), "test-results"), Path.Combine(artifacts, "test-results"));
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", artifacts, "--repo", repo, "--out", outDir, "--run-id", "tr-1");

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().StartWith("selector_not_found (");
        stdout.Should().Contain("locator('#add-to-cart') → locator('#add-to-basket')");
        var diff = File.ReadAllText(Path.Combine(outDir, "fix-agent", "patch-tr-1.diff"));
        FileDiff(diff, "samples/e2e-ts/tests/pages/product-page.ts").Should().Contain("+    readonly addToCart = page.locator('#add-to-basket'),",
            "the failing call's place came from the runner's trace (a page object the error-context does not name)");
        using var analysis = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "analysis.json")));
        analysis.RootElement.GetProperty("sources").EnumerateArray().Should().OnlyContain(s => s.GetProperty("format").GetString() == "playwright_error_context");

        // The same folder as the zip a CI artifact download gives: unpacked (bounded), read, and the same patch.
        var zip = Path.Combine(work, "playwright-results.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(artifacts, zip);
        var zipOut = Path.Combine(work, "zip-out");
        var (zipCode, _, zipError) = await AnalyzeCommandTests.RunAsync("heal", zip, "--repo", repo, "--out", zipOut, "--run-id", "tr-1");
        zipCode.Should().Be(ExitCodes.Success, zipError);
        File.ReadAllText(Path.Combine(zipOut, "fix-agent", "patch-tr-1.diff")).Should().Be(diff);
    }

    [Fact]
    public async Task Heal_PlaywrightRunWithoutTracesOrDumps_HealsFromTheErrorContextAndSaysSo()
    {
        // A CI with trace: 'off': the runner's reports and test-results/ with error-context.md, no trace, no DOM dump.
        var (repo, work) = NewRepo(_temp);
        var artifacts = Path.Combine(work, "artifacts");
        foreach (var report in (string[])["playwright.log", "results.json"])
        {
            Directory.CreateDirectory(artifacts);
            File.Copy(Path.Combine(Artifacts("renamed-selector"), report), Path.Combine(artifacts, report));
        }

        CopyFolder(Path.Combine(Artifacts("renamed-selector"), "test-results"), Path.Combine(artifacts, "test-results"));
        foreach (var dom in Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is "trace.zip" or "dom.html"))
        {
            File.Delete(dom);
        }

        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", artifacts, "--repo", repo, "--baseline", await RecordedBaseline.Value, "--out", outDir, "--run-id", "ar-1");

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("healed   locator('#add-to-cart') → getByRole('button', { name: 'Add to cart' }) (role, 0.87, from an ARIA snapshot only)");
        AssertSchemaValid("heal.schema.json", File.ReadAllText(Path.Combine(outDir, "heal.json")));
        var diff = File.ReadAllText(Path.Combine(outDir, "fix-agent", "patch-ar-1.diff"));
        FileDiff(diff, "samples/e2e-ts/tests/pages/product-page.ts").Should().Contain("+    readonly addToCart = page.getByRole('button', { name: 'Add to cart' }),");
        GitRunner.Run(repo, "apply", "--check", Path.Combine(outDir, "fix-agent", "patch-ar-1.diff")).ExitCode.Should().Be(0);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task Heal_RemovedElement_AbstainsWithAnEmptyPatchForManualReview()
    {
        var (repo, work) = NewRepo(_temp);
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", Artifacts("removed-element"), "--repo", repo, "--baseline", await RecordedBaseline.Value, "--out", outDir, "--run-id", "re-1");

        code.Should().Be(ExitCodes.Success, stderr);
        var lines = stdout.TrimEnd().Split('\n');
        lines[0].Should().StartWith("selector_not_found (");
        lines.Where(l => l.TrimStart().StartsWith("element_gone ", StringComparison.Ordinal)).Should().HaveCount(3);
        stdout.Should().NotContain(" healed ").And.Contain("no code change").And.Contain("needs manual review: 3 instruction(s)");
        File.ReadAllText(Path.Combine(outDir, "fix-agent", "patch-re-1.diff")).Should().BeEmpty();
        AssertSchemaValid("heal.schema.json", File.ReadAllText(Path.Combine(outDir, "heal.json")));
        using (var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "fix-agent", "metadata-re-1.json"))))
        {
            metadata.RootElement.GetProperty("needs_manual_review").GetBoolean().Should().BeTrue();
            metadata.RootElement.GetProperty("edits").GetArrayLength().Should().Be(0);
        }

        using var analysis = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "analysis.json")));
        var instructions = analysis.RootElement.GetProperty("fix_agent_instructions").EnumerateArray().ToList();
        instructions.Should().HaveCount(3);
        instructions.Where(i => i.TryGetProperty("new", out var n) && n.ValueKind != JsonValueKind.Null).Should().BeEmpty("nothing was healed");
    }

    [Fact]
    public async Task Heal_Apply_WritesTheEditsAndASecondRunChangesNothing()
    {
        var (repo, work) = NewRepo(_temp);
        var baseline = await RecordedBaseline.Value;
        var productPage = Path.Combine(repo, "samples", "e2e-ts", "tests", "pages", "product-page.ts");
        var original = File.ReadAllText(productPage);

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", Artifacts("renamed-selector"), "--repo", repo, "--baseline", baseline, "--out", Path.Combine(work, "first"), "--apply");

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("applied: ").And.Contain("samples/e2e-ts/tests/pages/product-page.ts")
            .And.Contain("samples/e2e-dotnet/Selectors.cs").And.Contain("samples/e2e-selenium/Tests/ShopTests.cs");
        File.ReadAllText(productPage).Should().Be(original.Replace("page.locator('#add-to-cart')", "page.locator('#add-to-basket')", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(repo, "samples", "e2e-dotnet", "Selectors.cs")).Should().Contain("AddToCart = \"#add-to-basket\"").And.NotContain("#add-to-cart\"");
        File.ReadAllText(Path.Combine(repo, "samples", "e2e-selenium", "Tests", "ShopTests.cs")).Should().Contain("By.Id(\"add-to-basket\")").And.NotContain("By.Id(\"add-to-cart\")");
        var applied = Snapshot(repo);

        var (again, secondOut, secondErr) = await AnalyzeCommandTests.RunAsync("heal", Artifacts("renamed-selector"), "--repo", repo, "--baseline", baseline, "--out", Path.Combine(work, "second"), "--apply", "--run-id", "again");

        again.Should().Be(ExitCodes.Success, secondErr);
        secondOut.Should().Contain("no code change").And.Contain("applied: nothing to write").And.NotContain("needs manual review");
        File.ReadAllText(Path.Combine(work, "second", "fix-agent", "patch-again.diff")).Should().BeEmpty("the applied patch left nothing to change");
        using (var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "second", "fix-agent", "metadata-again.json"))))
        {
            metadata.RootElement.GetProperty("edits").GetArrayLength().Should().Be(0);
            metadata.RootElement.GetProperty("needs_manual_review").GetBoolean().Should().BeFalse("the rewriter sees its own edit already in place");
        }

        Snapshot(repo).Should().Equal(applied);
    }

    [Fact]
    public async Task Heal_DefaultBaselineInTheRepository_IsUsedWhenNoneIsGiven()
    {
        var (repo, work) = NewRepo(_temp);
        Directory.CreateDirectory(Path.Combine(repo, ".praxi"));
        File.Copy(await RecordedBaseline.Value, Path.Combine(repo, ".praxi", "baseline.json"));
        var outDir = Path.Combine(work, "out");

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("heal", Artifacts("duplicated-element"), "--repo", repo, "--out", outDir);

        code.Should().Be(ExitCodes.Success, stderr);
        using var heal = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "heal.json")));
        var outcomes = heal.RootElement.GetProperty("outcomes").EnumerateArray().ToList();
        outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.GetProperty("evidence").GetProperty("fingerprint").GetString() == "baseline");
        outcomes.Should().OnlyContain(o => o.GetProperty("status").GetString() == "healed", "without the baseline the two Place order buttons are ambiguous");
    }

    [Theory]
    [InlineData("missing-artifacts", "artifacts '")]
    [InlineData("missing-repo", "repository '")]
    [InlineData("missing-baseline", "does not exist")]
    [InlineData("baseline-folder", "is a folder")]
    [InlineData("malformed-baseline", "not valid JSON")]
    [InlineData("malformed-default-baseline", "not valid JSON")]
    [InlineData("foreign-baseline", "format 'other/2'")]
    public async Task Heal_BadInput_ExitsTwoWithOneLineAndWritesNothing(string kind, string message)
    {
        var work = NewDir();
        var repo = Path.Combine(work, "repo");
        Directory.CreateDirectory(repo);
        var artifacts = Artifacts("renamed-selector");
        var baseline = Path.Combine(work, "baseline.json");
        var args = new List<string>();
        switch (kind)
        {
            case "missing-artifacts":
                artifacts = Path.Combine(work, "nope");
                break;
            case "missing-repo":
                repo = Path.Combine(work, "no-repo");
                break;
            case "missing-baseline":
                args.AddRange(["--baseline", baseline]);
                break;
            case "baseline-folder":
                args.AddRange(["--baseline", work]);
                break;
            case "malformed-baseline":
                File.WriteAllText(baseline, "{ \"format\": \"praxi-baseline/1\", \"entries\": [ { ");
                args.AddRange(["--baseline", baseline]);
                break;
            case "malformed-default-baseline":
                Directory.CreateDirectory(Path.Combine(repo, ".praxi"));
                File.WriteAllText(Path.Combine(repo, ".praxi", "baseline.json"), "not json");
                break;
            default:
                File.WriteAllText(baseline, """{ "format": "other/2", "entries": [] }""");
                args.AddRange(["--baseline", baseline]);
                break;
        }

        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync(["heal", artifacts, "--repo", repo, "--out", outDir, .. args]);

        code.Should().Be(ExitCodes.BadInput);
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("praxi: ").And.Contain(message).And.NotContain("   at ");
        stdout.Should().BeEmpty();
        Directory.Exists(outDir).Should().BeFalse("nothing partial is written");
    }

    [Fact]
    public async Task Heal_WithoutRepo_IsAUsageError()
    {
        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("heal", Artifacts("renamed-selector"));

        code.Should().Be(ExitCodes.BadInput);
        stderr.Should().StartWith("praxi: ").And.Contain("--repo");
    }

    private static string Artifacts(string scenario) => Path.Combine(RepositoryRoot.Path, "samples", "artifacts", scenario);

    /// <summary>The part of a unified diff that edits one file.</summary>
    private static string FileDiff(string diff, string file)
    {
        var start = diff.IndexOf($"+++ b/{file}\n", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the patch edits {file}");
        var next = diff.IndexOf("\ndiff --git ", start, StringComparison.Ordinal);
        return next < 0 ? diff[start..] : diff[start..next];
    }

    private static Dictionary<string, string> Snapshot(string repo) =>
        Suites.SelectMany(s => Directory.EnumerateFiles(Path.Combine(repo, "samples", s), "*", SearchOption.AllDirectories))
            .ToDictionary(f => f, File.ReadAllText, StringComparer.Ordinal);

    private static async Task<string> RecordBaselineAsync()
    {
        // Recorded once and shared by every test of the process: removed with the process's temp root after the last test.
        var store = TempFolder.Create("baseline").Combine("baseline.json");
        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("baseline", "record", Artifacts("baseline"), "--out", store);
        code.Should().Be(ExitCodes.Success, stderr);
        return store;
    }

    /// <summary>A git repository holding a copy of the three sample suites' sources, committed.</summary>
    internal static (string Repo, string Work) NewRepo(TempFolder temp)
    {
        var work = temp.Subfolder();
        var repo = Path.Combine(work, "repo");
        foreach (var suite in Suites)
        {
            var from = Path.Combine(RepositoryRoot.Path, "samples", suite);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(from, file);
                if (rel.Split(Path.DirectorySeparatorChar).Any(p => p is "node_modules" or "bin" or "obj" or "test-results" or "playwright-report"))
                {
                    continue;
                }

                var to = Path.Combine(repo, "samples", suite, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        GitRunner.Run(repo, "init", "-q").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "add", "-A").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "suites").ExitCode.Should().Be(0);
        return (repo, work);
    }

    private string NewDir() => _temp.Subfolder();

    private static void AssertSchemaValid(string schemaFile, string json)
    {
        // heal.schema.json refers to analysis.schema.json's locator and instruction definitions.
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        options.SchemaRegistry.Register(JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "analysis.schema.json")));
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", schemaFile));
        var result = schema.Evaluate(JsonNode.Parse(json), options);
        result.IsValid.Should().BeTrue(json);
    }
}
