using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Running;
using Praxi.FixEngine.Samples.Tests.Running;
using Xunit.Abstractions;

namespace Praxi.FixEngine.Samples.Tests;

/// <summary>
/// The loop of <c>praxi heal --self-heal --validate</c> on the live sample app in real Chromium, through the library as the
/// CLI chains it, with samples/praxi.json as it is committed (its runners and actions call samples/scenarios/env.sh):
/// a scenario is brought up, its tests fail, the collected artifacts are analysed; then either self-heal's policy allows
/// the remediation and its rerun passes, or (selector drift) self-heal refuses and the fix agent's patch is proven by a
/// real rerun of the affected tests on a patched git worktree — or withheld when it is wrong.
/// </summary>
[Collection(ScenarioRunner.Name)]
public sealed class HealLoopTests(HealLoopTests.DriftedApp drifted, ITestOutputHelper output) : IClassFixture<HealLoopTests.DriftedApp>
{
    [Theory]
    [InlineData("unseeded-database", "tests/login.spec.ts", "reseed")]
    [InlineData("expired-auth", "tests/admin.spec.ts", "regenerate_storage_state")]
    [InlineData("server-down", "tests/login.spec.ts", "restart")]
    public async Task SelfHeal_LiveScenario_ThePolicyRunsTheRemediationAndTheRerunPasses(string scenario, string spec, string action)
    {
        Chromium.Require();
        var status = GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain");
        var clock = Stopwatch.StartNew();
        using var env = SampleEnvironment.Create();
        using var temp = TempFolder.Create("loop");
        var outDir = temp.Subfolder("out");
        var (report, artifacts) = await BreakAsync(env, scenario, ["test", "ts", spec], outDir);
        report.Classification.ErrorType.ToName().Should().Be(ScenarioManifest.Load(scenario).ErrorType);

        // First a pure rerun (a plan that only reruns): the tests still fail, so the failure is not flaky.
        var type = report.Classification.ErrorType.ToName();
        var pure = await new SelfHealPipeline().RunAsync(Request(report, artifacts, LiveConfig(env, temp.Subfolder("rerun"), rerunOnly: type), outDir));
        output.WriteLine($"{scenario}, pure rerun: {pure.Summary}");
        pure.Allowed.Should().BeTrue(pure.Reason);
        pure.Actions.Should().Equal("rerun");
        pure.Status.Should().NotBe("healed", "{0} is broken, not flaky: a rerun alone does not fix it", scenario);
        pure.Verdicts.Should().NotBeEmpty().And.OnlyContain(v => v.Verdict == "still_failing");

        var result = await new SelfHealPipeline().RunAsync(Request(report, artifacts, LiveConfig(env, outDir), outDir));
        output.WriteLine($"{scenario}: {result.Summary} ({clock.Elapsed.TotalSeconds:F1} s in all)");

        result.Allowed.Should().BeTrue(result.Reason);
        result.Rule.Should().Be("eligible");
        result.Actions.Should().Equal(action, "rerun");
        result.Status.Should().Be("healed", "{0} heals {1}: {2}\n{3}", action, scenario, result.Summary, File.ReadAllText(result.OutputFile));
        result.ChangedFiles.Should().BeEmpty();
        var failed = TestTarget.From(report).Where(t => t.IsTest).ToList();
        result.Verdicts.Should().HaveCount(failed.Count).And.OnlyContain(v => v.Verdict == "healed", "each test passed after {0}, where a pure rerun did not", action);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "self-heal", $"report-{report.RunId}.json"))))
        {
            var actions = json.RootElement.GetProperty("actions").EnumerateArray().ToList();
            actions.Should().ContainSingle().Which.GetProperty("name").GetString().Should().Be(action);
            actions[0].GetProperty("exit_code").GetInt32().Should().Be(0);
            actions[0].GetProperty("command").EnumerateArray().Select(a => a.GetString()).Should().Contain("scenarios/env.sh");
            json.RootElement.GetProperty("tree").GetProperty("verified").GetBoolean().Should().BeTrue();
        }

        GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain").Should().Be(status, "self-heal never edits code");
    }

    [Fact]
    public async Task SelectorDrift_SelfHealRefusesAndTheFixAgentsPatchPassesARealRerun()
    {
        Chromium.Require();
        var status = GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain");
        var worktrees = GitRunner.Check(RepositoryRoot.Path, "worktree", "list");
        using var temp = TempFolder.Create("loop");
        var outDir = temp.Path;
        var config = LiveConfig(drifted.Environment, outDir);

        var selfHeal = await new SelfHealPipeline().RunAsync(new SelfHealRequest
        {
            RepositoryRoot = SampleEnvironment.Samples,
            OutputFolder = outDir,
            Analysis = drifted.Report,
            Config = config,
            TriggerSource = "workflow_dispatch",
        });
        var clock = Stopwatch.StartNew();
        var (fix, instructions) = await drifted.PlanAsync(config, i => i);
        var validated = await PatchValidator.ValidateAsync(SampleEnvironment.Samples, fix, drifted.Report with { FixAgentInstructions = instructions }, config, CancellationToken.None);
        var v = validated.Validation;
        output.WriteLine($"self-heal: {selfHeal.Rule}: {selfHeal.Reason}");
        output.WriteLine($"validation {v.Status}: {v.Command} in {clock.Elapsed.TotalSeconds:F1} s; {v.Reason}");

        selfHeal.Allowed.Should().BeFalse();
        selfHeal.Rule.Should().Be("ineligible_type");
        selfHeal.Status.Should().BeNull("a refused heal executes nothing");
        fix.Metadata.Edits.Should().NotBeEmpty();
        fix.Patch.Should().Contain("#add-to-basket");
        validated.Withheld.Should().BeFalse("the healed locator makes the tests pass: {0}\n{1}", v.Reason, v.OutputTail);
        v.Status.Should().Be(FixValidation.Passed);
        v.Command.Should().Contain("env.sh").And.Contain(".spec.ts:", "the affected tests are run by file:line");
        v.Checks.Should().NotBeEmpty().And.OnlyContain(c => c.Passed);
        v.Tests.Should().NotBeEmpty().And.OnlyContain(t => t.Status == TestResult.Passed);
        validated.Fix.Patch.Should().Be(fix.Patch);
        GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain").Should().Be(status, "validation patches a copy, never the checkout");
        GitRunner.Check(RepositoryRoot.Path, "worktree", "list").Should().Be(worktrees, "the temporary worktree is removed");
    }

    [Fact]
    public async Task HtmlReport_OfTheFailedRunAloneAndZipped_IsAnalysedAndHealedLikeTheWholeArtifacts()
    {
        Chromium.Require();
        using var temp = TempFolder.Create("html-report");
        var report = Path.Combine(drifted.Artifacts, "playwright-report");
        Directory.Exists(Path.Combine(report, "data")).Should().BeTrue("the suite ran with the HTML reporter on");

        // What a user downloads: the report folder alone, and the zip an artifact upload of it gives.
        var alone = temp.Subfolder("alone");
        CopyFolder(report, Path.Combine(alone, "playwright-report"));
        var zip = temp.Combine("playwright-report.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(alone, zip);

        var expected = await new SelectorHealer(FixAgentOptions.From(PraxiConfig.Load(Path.Combine(SampleEnvironment.Samples, "praxi.json"))).Selectors)
            .HealAsync(drifted.Report, drifted.Artifacts, drifted.Baseline);
        expected.Outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.Status == HealStatus.Healed);
        foreach (var path in new[] { alone, zip })
        {
            var outDir = temp.Subfolder(Path.GetFileName(path) + "-out");
            var result = await new HealLoop().RunAsync(new HealLoopRequest
            {
                ArtifactsPath = path,
                RepositoryRoot = SampleEnvironment.Samples,
                BaselinePath = drifted.Baseline,
                OutputFolder = outDir,
                RunId = "html-report",
            });

            result.Analysis.Sources.Should().ContainSingle().Which.Format.Should().Be(LogFormat.PlaywrightHtml);
            result.Analysis.Classification.ErrorType.Should().Be(drifted.Report.Classification.ErrorType);
            result.Analysis.Classification.Failures.Select(f => f.Test).Should().BeEquivalentTo(drifted.Report.Classification.Failures.Select(f => f.Test));
            result.Heal.Should().NotBeNull();
            result.Heal!.Outcomes.Select(o => (o.Status, o.New?.Value)).Should().Equal(expected.Outcomes.Select(o => (o.Status, o.New?.Value)),
                "{0}: each test's own trace in data/ is its evidence", Path.GetFileName(path));
            result.Fix.Should().NotBeNull();
            result.Fix!.Metadata.Edits.Should().NotBeEmpty();
            output.WriteLine($"{Path.GetFileName(path)}: {result.Heal.Outcomes.Count} outcome(s), {result.Fix.Metadata.Edits.Count} edit(s)");
        }
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
    public async Task SelectorDrift_AWrongPatchStillFailsAtTheSameCallAndIsWithheld()
    {
        Chromium.Require();
        var status = GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain");
        using var temp = TempFolder.Create("loop");
        var outDir = temp.Path;
        var config = LiveConfig(drifted.Environment, outDir);

        // A fix agent that got the element wrong: the same edits, pointing at an element the page does not have.
        var (fix, instructions) = await drifted.PlanAsync(config, i => i.New is { By: LocatorKind.Css } n ? i with { New = n with { Value = "#add-to-wishlist" } } : i);
        var validated = await PatchValidator.ValidateAsync(SampleEnvironment.Samples, fix, drifted.Report with { FixAgentInstructions = instructions }, config, CancellationToken.None);
        var written = await ValidationFiles.WriteAsync(validated, Path.Combine(outDir, "fix-agent"));
        var v = validated.Validation;
        output.WriteLine($"validation {v.Status}: {v.Reason}");

        fix.Patch.Should().Contain("#add-to-wishlist");
        validated.Withheld.Should().BeTrue();
        v.Status.Should().Be(FixValidation.StillFailing, "the wrong selector fails at the very call the analysis saw failing");
        v.Checks.Should().Contain(c => c.Name == "target_passes" && !c.Passed);
        validated.Fix.Metadata.NeedsManualReview.Should().BeTrue();
        var runId = fix.Metadata.RunId;
        File.ReadAllText(Path.Combine(outDir, "fix-agent", $"patch-{runId}.diff")).Should().BeEmpty("a withheld patch is not offered");
        File.ReadAllText(Path.Combine(outDir, "fix-agent", $"patch-{runId}.rejected.diff")).Should().Be(fix.Patch);
        written.Should().Contain(Path.Combine(outDir, "fix-agent", $"metadata-{runId}.json"));
        GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain").Should().Be(status);
    }

    /// <summary>The loop's self-heal request for a failed run, as <c>praxi heal --self-heal --require-manual-trigger</c> makes it on a dispatch.</summary>
    private static SelfHealRequest Request(AnalysisReport report, string artifacts, PraxiConfig config, string outDir) => new()
    {
        RepositoryRoot = SampleEnvironment.Samples,
        OutputFolder = outDir,
        Analysis = report,
        ArtifactsPath = artifacts,
        Config = config,
        TriggerSource = "workflow_dispatch",
        RequireManualTrigger = true,
    };

    /// <summary>up <paramref name="scenario"/>, run <paramref name="firstRun"/> (it fails), collect and analyse the artifacts.</summary>
    private static async Task<(AnalysisReport Report, string Artifacts)> BreakAsync(SampleEnvironment env, string scenario, string[] firstRun, string work)
    {
        var up = await env.RunAsync("up", scenario);
        up.Succeeded.Should().BeTrue("env.sh up {0}: {1}", scenario, up.OutputTail);
        var first = await env.RunAsync(firstRun);
        first.ExitCode.Should().Be(1, "{0} breaks {1}: {2}", scenario, string.Join(' ', firstRun), first.OutputTail);
        var artifacts = Path.Combine(work, "artifacts");
        var collect = await env.RunAsync("collect", artifacts);
        collect.Succeeded.Should().BeTrue(collect.OutputTail);
        return (new FailureAnalyzer(new AnalysisOptions { RunId = scenario }).Analyze(artifacts), artifacts);
    }

    /// <summary>
    /// samples/praxi.json as committed, with the environment's folder in each runner's and action's <c>env</c> (what a CI
    /// job would export as PRAXI_ENV_DIR), written to <paramref name="folder"/>.
    /// </summary>
    /// <param name="env">The live environment.</param>
    /// <param name="folder">Where the file goes.</param>
    /// <param name="rerunOnly">An error type whose plan becomes a pure rerun, or null for the committed plans.</param>
    private static PraxiConfig LiveConfig(SampleEnvironment env, string folder, string? rerunOnly = null)
    {
        var node = JsonNode.Parse(
            File.ReadAllText(Path.Combine(SampleEnvironment.Samples, "praxi.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var withEnv = node["tests"]!.AsArray().Concat(node["self_heal"]!["actions"]!.AsObject().Select(a => a.Value));
        foreach (var entry in withEnv)
        {
            entry!["env"] = new JsonObject { ["PRAXI_ENV_DIR"] = env.Folder };
        }

        if (rerunOnly is not null)
        {
            node["self_heal"]!["plans"] = new JsonObject { [rerunOnly] = new JsonArray("rerun") };
        }

        var path = Path.Combine(folder, "praxi.json");
        File.WriteAllText(path, node.ToJsonString());
        return PraxiConfig.Load(path);
    }

    /// <summary>
    /// The renamed-selector scenario brought up once for the class: the TypeScript suite has failed against it, its
    /// artifacts are analysed, and the baseline is recorded from the committed green run (as <c>praxi baseline record</c>).
    /// </summary>
    public sealed class DriftedApp : IAsyncLifetime
    {
        private readonly TempFolder _work = TempFolder.Create("drifted");
        private string _baseline = string.Empty;
        private string _artifacts = string.Empty;

        internal SampleEnvironment Environment { get; } = SampleEnvironment.Create(htmlReport: true);

        /// <summary>The failed run's collected artifacts (results.json, test-results/, playwright-report/, logs).</summary>
        internal string Artifacts => _artifacts;

        /// <summary>The baseline recorded from the committed green run.</summary>
        internal string Baseline => _baseline;

        internal AnalysisReport Report { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            if (!File.Exists(Chromium.Path))
            {
                return; // Chromium.Require() fails each test with the reason.
            }

            (Report, _artifacts) = await BreakAsync(Environment, "renamed-selector", ["test", "ts"], _work.Path);
            _baseline = _work.Combine("baseline.json");
            var recording = BaselineRecorder.Record(
                Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "baseline"),
                FingerprintOptions.For([.. new SelectorOptions().TestIdAttributes]));
            await BaselineStore.Empty.Merge(recording.Entries).SaveAsync(_baseline);
        }

        /// <summary>Heals the selectors, lets <paramref name="edit"/> change the instructions, and plans the fix in samples/.</summary>
        internal async Task<(FixResult Fix, IReadOnlyList<FixInstruction> Instructions)> PlanAsync(PraxiConfig config, Func<FixInstruction, FixInstruction> edit)
        {
            var options = FixAgentOptions.From(config);
            var heal = await new SelectorHealer(options.Selectors).HealAsync(Report, _artifacts, _baseline);
            heal.Outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.Status == HealStatus.Healed);
            IReadOnlyList<FixInstruction> instructions = [.. heal.Instructions.Select(edit)];
            var fix = await new FixAgent(options).PlanAsync(FixInput.From(Report with { FixAgentInstructions = instructions }), SampleEnvironment.Samples);
            fix.Allowed.Should().BeTrue();
            return (fix, instructions);
        }

        public Task DisposeAsync()
        {
            Environment.Dispose();
            _work.Dispose();

            return Task.CompletedTask;
        }
    }
}
