using System.Diagnostics;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Running;
using Praxi.FixEngine.Samples.Tests.Reports;
using Praxi.FixEngine.Samples.Tests.Running;
using Xunit.Abstractions;

namespace Praxi.FixEngine.Samples.Tests;

/// <summary>
/// The live environment self-heal acts on (samples/scenarios/env.sh), end to end as self-heal would drive it, in real
/// Chromium: a scenario is brought up, its failing tests fail, the collected artifacts are classified, the failed tests
/// are rerun through samples/praxi.json's <c>tests</c> runners (still failing), the remediation that praxi.json's
/// <c>self_heal.actions</c> configures runs, and the same rerun passes. The repository's git status never changes.
/// (expired-auth and server-down go through the self-heal pipeline itself in <see cref="HealLoopTests"/>.)
/// </summary>
[Collection(ScenarioRunner.Name)]
public sealed class SelfHealEnvironmentTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UnseededDatabase_ReseedAction_HealsBothSuitesWithoutARestart()
    {
        await HealAsync(
            "unseeded-database",
            "reseed",
            [
                ["test", "ts", "tests/login.spec.ts:8"],
                ["test", "dotnet", "--filter", "FullyQualifiedName=PraxiShop.E2E.Tests.LoginTests.SignsInWithValidCredentials"],
            ],
            ["ts", "dotnet"],
            (env, report, artifacts) =>
            {
                AssertFailsAsTheManifestSays(artifacts, "unseeded-database", failures: 1);
                File.ReadAllText(Path.Combine(artifacts, "server.log")).Should().Contain("no such table: users");
                env.State("seeded").Should().Be("false");
            },
            env => env.State("seeded").Should().Be("true"));
    }

    [Fact]
    public async Task UnseededDatabase_ResetEnvironmentAction_GivesASeededSignedInAppThatAWorktreeCopyCanTestToo()
    {
        Chromium.Require();
        var status = GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain");
        var reset = SelfHealAction.Load("reset_environment");
        using var env = SampleEnvironment.Create();
        var up = await env.RunAsync("up", "unseeded-database");
        Step("up unseeded-database", up);
        up.Succeeded.Should().BeTrue(up.OutputTail);
        var firstStart = env.State("started_at");

        var again = await env.RunAsync("up", "unseeded-database");
        var outcome = await ProcessRunner.RunAsync(reset.Command, SampleEnvironment.Samples, reset.Timeout, env.Variables);
        Step($"reset_environment: {string.Join(' ', reset.Command)}", outcome);
        var admin = await env.RunAsync("test", "ts", "tests/admin.spec.ts:6");
        Step("test ts tests/admin.spec.ts:6", admin);

        again.ExitCode.Should().Be(2);
        OneLine(again).Should().Contain("already up").And.Contain("env.sh down");
        outcome.Succeeded.Should().BeTrue(outcome.OutputTail);
        env.State("scenario").Should().Be("unseeded-database");
        env.State("seeded").Should().Be("true", "a reset seeds, whatever the scenario broke");
        env.State("break_armed").Should().Be("false");
        env.State("app_up").Should().Be("true");
        env.State("started_at").Should().NotBe(firstStart, "a reset is a fresh up (it builds, seeds and signs in: seconds)");
        File.Exists(env.State("ts_storage_state")).Should().BeTrue("a reset signs the admin in afresh");
        File.Exists(env.State("dotnet_storage_state")).Should().BeTrue();
        admin.ExitCode.Should().Be(0, "the signed-in admin spec passes against the reset environment: {0}", admin.OutputTail);
        admin.OutputTail.Should().Contain("--no-deps", "the storage state the reset saved is the one the test uses");
        (await env.RunAsync("status")).ExitCode.Should().Be(0);
        GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain").Should().Be(status);
        await AssertAWorktreeCopyTestsTheSameEnvironmentAsync(env);
    }

    /// <summary>
    /// Patch validation reruns tests in a git worktree copy: that copy's env.sh runs its own suite against the same live
    /// environment, links the environment's node_modules, writes its results in the copy, and leaves the copy clean.
    /// </summary>
    private async Task AssertAWorktreeCopyTestsTheSameEnvironmentAsync(SampleEnvironment env)
    {
        using var folder = TempFolder.Create("env-worktree");
        var copy = folder.Combine("repo");
        GitRunner.Check(RepositoryRoot.Path, "worktree", "add", "--detach", copy, "HEAD");
        try
        {
            var run = await ProcessRunner.RunAsync(
                ["bash", Path.Combine("scenarios", "env.sh"), "test", "ts", "tests/admin.spec.ts:6"], Path.Combine(copy, "samples"), TimeSpan.FromMinutes(5), env.Variables);
            Step("test ts tests/admin.spec.ts:6 from a worktree copy", run);

            run.ExitCode.Should().Be(0, run.OutputTail);
            var report = PlaywrightJsonReport.Read(Path.Combine(copy, "samples", "e2e-ts", "results.json"));
            report.Tests.Should().ContainSingle(t => t.Test == "lists recent orders" && !t.Failed);
            new FileInfo(Path.Combine(copy, "samples", "e2e-ts", "node_modules")).LinkTarget.Should().Be(Path.Combine(RepositoryRoot.Path, "samples", "e2e-ts", "node_modules"));
            GitRunner.Check(copy, "status", "--porcelain").Should().BeEmpty("the copy's results and the node_modules link are ignored");
        }
        finally
        {
            GitRunner.Check(RepositoryRoot.Path, "worktree", "remove", "--force", copy);
        }
    }

    [Fact]
    public async Task EnvSh_WithoutEnvDirUnknownVerbOrNoEnvironment_ExitsTwoWithOneLine()
    {
        using var env = SampleEnvironment.Create();

        var noDir = await SampleEnvironment.RunAsync(new Dictionary<string, string?>(StringComparer.Ordinal) { ["PRAXI_ENV_DIR"] = null }, "status");
        var unknown = await env.RunAsync("heal-everything");
        var notUp = await env.RunAsync("reseed");

        noDir.ExitCode.Should().Be(2);
        OneLine(noDir).Should().Contain("PRAXI_ENV_DIR is not set");
        unknown.ExitCode.Should().Be(2);
        OneLine(unknown).Should().Contain("unknown verb: heal-everything");
        notUp.ExitCode.Should().Be(2);
        OneLine(notUp).Should().Contain("no environment in").And.Contain("env.sh up");
    }

    /// <summary>The collected TypeScript run fails <paramref name="failures"/> tests, each one the manifest names, with its message fragment.</summary>
    private static void AssertFailsAsTheManifestSays(string artifacts, string scenario, int failures)
    {
        var manifest = ScenarioManifest.Load(scenario);
        var failed = PlaywrightJsonReport.Read(Path.Combine(artifacts, "results.json")).Tests.Where(t => t.Failed).ToList();
        failed.Should().HaveCount(failures);
        foreach (var test in failed)
        {
            manifest.Ts.Should().Contain(e => e.Test == test.Test && test.Message.Contains(e.Message, StringComparison.Ordinal),
                "{0} fails in the environment as in run.sh's {1}: {2}", test.Test, scenario, test.Message);
        }
    }

    private static string OneLine(ProcessOutcome outcome)
    {
        var lines = outcome.OutputTail.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle("a bad call says what is wrong in one line: {0}", outcome.OutputTail);
        return lines[0];
    }

    /// <summary>
    /// up → the first runs fail → collect + analyze (the manifest's error type) → rerun the failed tests through praxi.json's
    /// runners: still failing → the configured action → the same rerun passes; git status unchanged, the app stopped at the end.
    /// </summary>
    private async Task HealAsync(
        string scenario,
        string action,
        string[][] firstRuns,
        string[] runnerNames,
        Action<SampleEnvironment, AnalysisReport, string> whenBroken,
        Action<SampleEnvironment> whenHealed)
    {
        Chromium.Require();
        var manifest = ScenarioManifest.Load(scenario);
        var status = GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain");
        var runners = PraxiConfig.Load(SelfHealAction.ConfigPath).TestRunners;
        var remediation = SelfHealAction.Load(action);
        var clock = Stopwatch.StartNew();
        using var env = SampleEnvironment.Create();
        var artifactsFolder = TempFolder.Create($"env-{scenario}");
        var artifacts = artifactsFolder.Path;
        try
        {
            var up = await env.RunAsync("up", scenario);
            Step($"up {scenario}", up);
            up.Succeeded.Should().BeTrue("env.sh up {0} must succeed: {1}", scenario, up.OutputTail);
            env.State("scenario").Should().Be(scenario);

            foreach (var run in firstRuns)
            {
                var first = await env.RunAsync(run);
                Step(string.Join(' ', run), first);
                first.ExitCode.Should().Be(1, "the scenario breaks {0}: {1}", string.Join(' ', run), first.OutputTail);
            }

            var collect = await env.RunAsync("collect", artifacts);
            collect.Succeeded.Should().BeTrue(collect.OutputTail);
            var report = new FailureAnalyzer(new AnalysisOptions { RunId = scenario }).Analyze(artifacts);
            report.Classification.ErrorType.ToName().Should().Be(manifest.ErrorType, "praxi analyze must classify the collected artifacts of {0}", scenario);
            whenBroken(env, report, artifacts);

            var targets = TestTarget.From(report).Where(t => t.IsTest).ToList();
            var used = runners.Where(r => targets.Any(r.Selects)).ToList();
            used.Select(r => r.Name).Should().Equal(runnerNames, "each failed suite has its runner in praxi.json");
            foreach (var runner in used)
            {
                var plain = await TestRerunner.RunAsync(SampleEnvironment.Samples, runner, targets, environment: env.Variables);
                Step($"plain rerun {runner.Name}", plain.Process);
                AssertStatuses(plain, runner, targets, TestResult.Failed, "without the remediation the rerun still fails");
            }

            var healing = await ProcessRunner.RunAsync(remediation.Command, SampleEnvironment.Samples, remediation.Timeout, env.Variables);
            Step($"{action}: {string.Join(' ', remediation.Command)}", healing);
            healing.Succeeded.Should().BeTrue("the {0} action must succeed: {1}", action, healing.OutputTail);
            whenHealed(env);

            foreach (var runner in used)
            {
                var healed = await TestRerunner.RunAsync(SampleEnvironment.Samples, runner, targets, environment: env.Variables);
                Step($"rerun {runner.Name} after {action}", healed.Process);
                AssertStatuses(healed, runner, targets, TestResult.Passed, $"{action} heals {scenario}");
                healed.Process.ExitCode.Should().Be(0);
            }
        }
        finally
        {
            artifactsFolder.Dispose();
        }

        var down = await env.RunAsync("down");
        down.Succeeded.Should().BeTrue(down.OutputTail);
        var stopped = await env.RunAsync("status");
        stopped.ExitCode.Should().Be(1, "the app is stopped after down: {0}", stopped.OutputTail);
        GitRunner.Check(RepositoryRoot.Path, "status", "--porcelain").Should().Be(status, "nothing env.sh does changes a tracked file or leaves an untracked one");
        output.WriteLine($"{scenario}: {clock.Elapsed.TotalSeconds:F1} s in all");
    }

    private static void AssertStatuses(RerunOutcome rerun, TestRunner runner, IReadOnlyList<TestTarget> targets, string expected, string because)
    {
        rerun.Problems.Should().BeEmpty("the runner's result file is fresh: {0}", rerun.Process.OutputTail);
        foreach (var target in targets.Where(runner.Selects))
        {
            rerun.StatusOf(target).Should().Be(expected, "{0}: {1} (command {2}); output:\n{3}", because, target.Test, string.Join(' ', rerun.Command), rerun.Process.OutputTail);
        }
    }

    private void Step(string what, ProcessOutcome outcome) =>
        output.WriteLine($"  {what}: {outcome.Describe()} in {outcome.Duration.TotalSeconds:F1} s");
}
