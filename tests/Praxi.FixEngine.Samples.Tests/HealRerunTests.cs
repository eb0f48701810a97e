using System.Diagnostics;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Samples.Tests.Running;
using Xunit.Abstractions;

namespace Praxi.FixEngine.Samples.Tests;

/// <summary>
/// The healing pipeline end to end on the samples' committed evidence: analyze a scenario's artifacts, heal its selectors
/// against the baseline recorded from the committed green run, plan the fix in a copy of the samples, apply the patch
/// with real <c>git apply</c>, and rerun the suites that failed in real Chromium with the breakage still switched on.
/// That the unpatched suites fail is <see cref="SamplesCopyTests"/>' and <see cref="ScenarioTests"/>' business.
/// </summary>
[Collection(ScenarioRunner.Name)]
public sealed class HealRerunTests(HealRerunTests.Setup setup, ITestOutputHelper output) : IClassFixture<HealRerunTests.Setup>
{
    /// <summary>The repository the fix agent plans in: the copy's samples folder, so the patch's paths start there.</summary>
    private const string Samples = "samples";

    /// <summary>Each suite's folder under samples/, for "the patch reaches every suite that failed".</summary>
    private static readonly Dictionary<string, string> SuiteFolders = new(StringComparer.Ordinal)
    {
        ["ts"] = "e2e-ts/",
        ["dotnet"] = "e2e-dotnet/",
        ["selenium"] = "e2e-selenium/",
    };

    [Theory]
    [InlineData("renamed-selector", "e2e-dotnet/Selectors.cs", "e2e-selenium/Tests/ShopTests.cs", "e2e-ts/tests/pages/product-page.ts")]
    [InlineData("changed-text", "e2e-dotnet/Pages/LoginPage.cs", "e2e-selenium/WebDriverTest.cs", "e2e-ts/tests/pages/login-page.ts")]
    [InlineData("moved-element", "e2e-dotnet/Tests/CatalogueTests.cs", "e2e-selenium/Tests/ShopTests.cs", "e2e-ts/tests/catalogue.spec.ts")]
    [InlineData("duplicated-element", "e2e-dotnet/Pages/CheckoutPage.cs", "e2e-ts/tests/pages/checkout-page.ts")]
    public async Task Heal_CommittedArtifactsOfABreakage_PatchAppliesAndTheFailedSuitesPassWithTheBreakageOn(string scenario, params string[] files)
    {
        Chromium.Require();
        var manifest = ScenarioManifest.Load(scenario);
        var failedSuites = FailedSuites(manifest);
        var copy = setup.Copy;
        copy.Reset();
        var clock = Stopwatch.StartNew();

        var (_, heal, fix) = await HealAsync(scenario, copy);
        var healTime = clock.Elapsed;

        heal.Outcomes.Should().NotBeEmpty("the analysis of {0} has selector instructions", scenario);
        heal.Outcomes.Should().OnlyContain(o => o.Status == HealStatus.Healed, "every broken locator of {0} can be healed:\n{1}", scenario, Describe(heal));
        fix.Allowed.Should().BeTrue("the guardrails allow a test-only selector patch: {0}", fix.Metadata.Guardrails);
        fix.Metadata.NeedsManualReview.Should().BeFalse("every healed instruction should find its call: {0}",
            string.Join("; ", fix.Metadata.ManualReview.Select(m => $"{m.File}:{m.Line} {m.Status}: {m.Reason}")));
        fix.Patch.Should().NotBeNullOrWhiteSpace();
        fix.Metadata.Edits.Should().OnlyContain(e => e.Before != e.After);
        var patched = fix.Metadata.Edits.Select(e => e.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        patched.Should().Equal(files);
        foreach (var suite in failedSuites)
        {
            patched.Should().Contain(f => f.StartsWith(SuiteFolders[suite], StringComparison.Ordinal), "the {0} suite failed in {1}, so the patch must reach it", suite, scenario);
        }

        clock.Restart();
        copy.Apply(fix.Patch, directory: Samples);
        var applyTime = clock.Elapsed;
        GitRunner.Check(copy.Root, "diff", "--name-only").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should().BeEquivalentTo(files.Select(f => $"{Samples}/{f}"));
        foreach (var edit in fix.Metadata.Edits)
        {
            File.ReadAllText(copy.PathOf(Path.Combine(Samples, edit.File))).Should().Contain(edit.After.Trim());
        }

        var suiteOption = SuiteOption(failedSuites);
        clock.Restart();
        using var rerun = await copy.RunAsync(scenario, suiteOption, RunExpectation.Pass);
        var rerunTime = clock.Elapsed;
        output.WriteLine(setup.Summary);
        output.WriteLine($"{scenario}: {heal.Outcomes.Count} locator(s) healed, {fix.Metadata.Edits.Count} edit(s) in {patched.Count} file(s)");
        foreach (var o in heal.Outcomes)
        {
            output.WriteLine($"  {SelectorHealer.Describe(o.Old)} → {SelectorHealer.Describe(o.New!)} ({o.Strategy}, {o.Confidence:0.00})");
        }

        output.WriteLine($"  analyze + heal + plan {healTime.TotalSeconds:F1} s, apply {applyTime.TotalSeconds:F2} s, rerun --suite {suiteOption} {rerunTime.TotalSeconds:F1} s");
        LogSteps(rerun);

        rerun.ExitCode.Should().Be(0, "the patched suites pass with the breakage on; failures:\n{0}\npatch:\n{1}\nrun.sh said:\n{2}", rerun.FailureSummary, fix.Patch, rerun.Output);
        rerun.Verdict.Should().Be("ok");
        rerun.Read("server.log").Should().Contain($"PRAXISHOP_BREAK={scenario}", "the breakage is still switched on");
        foreach (var (suite, expected) in failedSuites.Select(s => (s, ExpectedOf(manifest, s))))
        {
            var result = rerun.SuiteNamed(suite);
            result.Passed.Should().BeTrue("{0} should pass after the patch: {1}", suite, rerun.FailureSummary);
            foreach (var test in expected.Select(e => e.Test).Where(t => t != "(global)"))
            {
                result.Tests.Should().Contain(t => t.Test == test && !t.Failed, "{0} failed in the committed run of {1} and must pass now", test, scenario);
            }
        }
    }

    [Fact]
    public async Task Heal_CommittedArtifactsOfARemovedElement_AbstainsAndPlansNoEdit()
    {
        const string scenario = "removed-element";
        var copy = setup.Copy;
        copy.Reset();
        var clock = Stopwatch.StartNew();

        var (report, heal, fix) = await HealAsync(scenario, copy);
        output.WriteLine(setup.Summary);
        output.WriteLine($"{scenario}: analyze + heal + plan {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var o in heal.Outcomes)
        {
            output.WriteLine($"  {o.Status} {SelectorHealer.Describe(o.Old)}: {o.Reason}");
        }

        heal.Outcomes.Should().NotBeEmpty();
        heal.Outcomes.Should().OnlyContain(o => o.Status == HealStatus.ElementGone && o.New == null, "the badge is gone and nothing replaces it:\n{0}", Describe(heal));
        heal.Instructions.Where(i => i.Kind is FixKind.ReplaceSelector or FixKind.NarrowSelector).Should().OnlyContain(i => i.New == null);
        fix.Patch.Should().BeEmpty();
        fix.Metadata.Edits.Should().BeEmpty();
        fix.Metadata.NeedsManualReview.Should().BeTrue();
        fix.Metadata.ManualReview.Select(m => m.Instruction).Should().BeEquivalentTo(heal.Outcomes.Select(o => o.Instruction), "each abstained locator goes to a reviewer");
        var manifest = ScenarioManifest.Load(scenario);
        report.Classification.Failures.Should().HaveCount(manifest.Ts.Count + manifest.Dotnet.Count + manifest.Selenium.Count, "the analysis sees each failure the manifest names");
        GitRunner.Check(copy.Root, "status", "--porcelain").Should().BeEmpty("planning writes nothing");
    }

    /// <summary>analyze → heal (with the recorded baseline) → plan, as <c>praxi heal</c> chains them, in the copy's samples folder.</summary>
    private async Task<(AnalysisReport Report, HealReport Heal, FixResult Fix)> HealAsync(string scenario, SamplesCopy copy)
    {
        var artifacts = Path.Combine(RepositoryRoot.Path, "samples", "artifacts", scenario);
        var report = await new FailureAnalyzer(new AnalysisOptions { RunId = scenario }).AnalyzeAsync(artifacts);
        var heal = await new SelectorHealer().HealAsync(report, artifacts, setup.BaselinePath);
        var healed = report with { FixAgentInstructions = heal.Instructions };
        var fix = await new FixAgent().PlanAsync(FixInput.From(healed), copy.PathOf(Samples));
        return (report, heal, fix);
    }

    /// <summary>The suites the scenario's manifest says fail, in run.sh's order.</summary>
    private static List<string> FailedSuites(ScenarioManifest manifest) =>
        [.. SuiteFolders.Keys.Where(s => ExpectedOf(manifest, s).Count > 0)];

    private static IReadOnlyList<ExpectedFailure> ExpectedOf(ScenarioManifest manifest, string suite) => suite switch
    {
        "ts" => manifest.Ts,
        "dotnet" => manifest.Dotnet,
        _ => manifest.Selenium,
    };

    /// <summary>The narrowest <c>run.sh --suite</c> value that runs every failed suite (a suite that passed anyway must still pass).</summary>
    private static string SuiteOption(List<string> suites) => suites switch
    {
        [] => throw new InvalidOperationException("the scenario's manifest lists no failures"),
        [var one] => one,
        ["ts", "dotnet"] => "both",
        _ => "all",
    };

    private static string Describe(HealReport heal) =>
        string.Join('\n', heal.Outcomes.Select(o => $"  {o.Status} {SelectorHealer.Describe(o.Old)}{(o.New is null ? string.Empty : " → " + SelectorHealer.Describe(o.New))}: {o.Reason}"));

    private void LogSteps(ScenarioRun run)
    {
        foreach (var line in run.Output.Split('\n').Where(l => l.StartsWith("[run.sh ", StringComparison.Ordinal)))
        {
            output.WriteLine("    " + line.TrimEnd());
        }
    }

    /// <summary>
    /// Made once for the class: the baseline recorded from the committed green run (samples/artifacts/baseline) into a
    /// temp store, as <c>praxi baseline record</c> does, and one samples copy the scenarios take turns in (each resets it
    /// first; build outputs stay, so only the first rerun builds the app and the suites from scratch).
    /// </summary>
    public sealed class Setup : IDisposable
    {
        private readonly TempFolder _folder = TempFolder.Create("heal-rerun");

        public Setup()
        {
            var clock = Stopwatch.StartNew();
            BaselinePath = _folder.Combine("baseline.json");
            var options = FingerprintOptions.For([.. new SelectorOptions().TestIdAttributes]);
            var recording = BaselineRecorder.Record(Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "baseline"), options);
            if (recording.Entries.Count == 0)
            {
                throw new InvalidOperationException($"The committed baseline run gave no fingerprints ({recording.Summary()}); regenerate samples/artifacts/baseline.");
            }

            BaselineStore.Empty.Merge(recording.Entries).SaveAsync(BaselinePath).GetAwaiter().GetResult();
            var recordTime = clock.Elapsed;
            Copy = SamplesCopy.Create();
            Summary = $"baseline: {recording.Summary()} in {recordTime.TotalSeconds:F1} s; samples copy in {Copy.CopyTime.TotalSeconds:F1} s at {Copy.Root}";
        }

        /// <summary>What setting up recorded and how long it took (logged by each test: a fixture has no test output).</summary>
        internal string Summary { get; }

        internal string BaselinePath { get; }

        internal SamplesCopy Copy { get; }

        public void Dispose()
        {
            Copy.Dispose();
            _folder.Dispose();
        }
    }
}
