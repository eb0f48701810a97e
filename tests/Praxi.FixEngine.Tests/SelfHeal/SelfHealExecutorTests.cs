using System.Text.Json;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Tests.SelfHeal;

/// <summary>Execute on a real git repository: real actions (bash argument lists from praxi.json), real reruns, real snapshots.</summary>
public sealed class SelfHealExecutorTests
{
    [Fact]
    public async Task Execute_RemediationCreatesWhatTheTestNeeds_IsHealedNamingTheAction()
    {
        using var repo = SelfHealRepo.Create("""
            { "actions": { "reseed": { "command": ["bash", "-c", "mkdir -p .state && touch .state/seeded && cp praxi-out/self-heal/attempts.json .state/attempts-seen.json"] } } }
            """);
        repo.RunSuite("checkout needs seed").Should().Be(1, "the CI run failed");

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("checkout needs seed", ErrorType.Database, 0.9))));

        sut.Status.Should().Be("healed");
        sut.Verdicts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Test = "checkout needs seed", Status = "passed", Verdict = "healed" });
        sut.Verdicts[0].Evidence.Should().Contain("passed after reseed").And.Contain("failed before as database");
        repo.Read(".state/attempts-seen.json").Should().Contain("\"status\": \"running\"", "the attempt is recorded before any action runs");
        using var report = JsonDocument.Parse(repo.Read("praxi-out/self-heal/report-run-1.json"));
        var root = report.RootElement;
        root.GetProperty("status").GetString().Should().Be("healed");
        root.GetProperty("attempt").GetInt32().Should().Be(1);
        var action = root.GetProperty("actions")[0];
        action.GetProperty("name").GetString().Should().Be("reseed");
        action.GetProperty("exit_code").GetInt32().Should().Be(0);
        action.GetProperty("command")[0].GetString().Should().Be("bash");
        var rerun = root.GetProperty("rerun")[0];
        rerun.GetProperty("command").EnumerateArray().Select(e => e.GetString()).Should().Equal("bash", "run-tests.sh", "checkout needs seed");
        rerun.GetProperty("results")[0].GetProperty("verdict").GetString().Should().Be("healed");
        root.GetProperty("tree").GetProperty("verified").GetBoolean().Should().BeTrue("out/ holds the runner's declared results and praxi-out is the output folder");
        repo.Read("praxi-out/self-heal/attempts.json").Should().Contain("\"status\": \"healed\"");
    }

    [Fact]
    public async Task Execute_PureRerunPassesTheSecondTime_IsFlakyWithTheEvidence()
    {
        using var repo = SelfHealRepo.Create("{}");
        repo.RunSuite("list flaky").Should().Be(1, "the CI run failed");

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("list flaky", ErrorType.Timeout, 0.8))));

        sut.Status.Should().Be("healed");
        sut.Actions.Should().Equal("rerun");
        var verdict = sut.Verdicts.Should().ContainSingle().Subject;
        verdict.Verdict.Should().Be("flaky");
        verdict.Evidence.Should().Contain("timeout in list flaky").And.Contain("passed on a pure rerun");
    }

    [Fact]
    public async Task Execute_OneTestStillFails_IsPartiallyHealedWithStillFailing()
    {
        using var repo = SelfHealRepo.Create("{}");
        repo.RunSuite("cart broken", "list flaky").Should().Be(1, "the CI run failed");

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("cart broken", ErrorType.NetworkFlake, 0.8), ("list flaky", ErrorType.NetworkFlake, 0.8))));

        sut.Status.Should().Be("partially_healed");
        sut.Verdicts.Select(v => (v.Test, v.Verdict)).Should().Equal(("cart broken", "still_failing"), ("list flaky", "flaky"));
        sut.Verdicts[0].Evidence.Should().Contain("failed: cart broken");
    }

    [Fact]
    public async Task Execute_ActionModifiesATrackedFileAndCreatesOne_FailsNamingBoth()
    {
        using var repo = SelfHealRepo.Create("""
            { "actions": { "reseed": { "command": ["bash", "-c", "echo changed >> app.txt; echo x > notes.txt; mkdir -p .state && touch .state/seeded"] } } }
            """);

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("checkout needs seed", ErrorType.Database, 0.9))));

        sut.Status.Should().Be("failed", "the test passed, but self-heal must not change files");
        sut.Healed.Should().BeFalse();
        sut.ChangedFiles.Should().Equal("app.txt", "notes.txt");
        sut.Summary.Should().Contain("working tree changed").And.Contain("app.txt");
        repo.Read("praxi-out/self-heal/report-run-1.json").Should().Contain("\"verified\": false");
    }

    [Fact]
    public async Task Execute_DirtyFileChangedAgainByAnAction_IsCaughtByItsContentHash()
    {
        using var repo = SelfHealRepo.Create("""{ "actions": { "reseed": { "command": ["bash", "-c", "echo again >> app.txt"] } } }""");
        repo.Write("app.txt", "edited before the heal\n");

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Database, 0.9))));

        sut.ChangedFiles.Should().Equal("app.txt");
        repo.Read("praxi-out/self-heal/report-run-1.json").Should().Contain("\"before\": \"dirty (1 files)\"");
    }

    [Fact]
    public async Task Execute_JunkInGitIgnoredPaths_DoesNotFailTheHeal()
    {
        using var repo = SelfHealRepo.Create("""
            { "actions": { "reseed": { "command": ["bash", "-c", "mkdir -p .state scratch && touch .state/seeded scratch/cache.bin"] } } }
            """);

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("checkout needs seed", ErrorType.Database, 0.9))));

        sut.Status.Should().Be("healed");
        sut.ChangedFiles.Should().BeEmpty();
    }

    [Fact]
    public async Task Execute_ActionTimesOut_FailsWithTimedOut()
    {
        using var repo = SelfHealRepo.Create("""{ "actions": { "reseed": { "command": ["sleep", "30"], "timeout_s": 1 } } }""");

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("checkout needs seed", ErrorType.Database, 0.9))));

        sut.Status.Should().Be("failed");
        sut.Summary.Should().Contain("reseed timed out");
        using var report = JsonDocument.Parse(repo.Read("praxi-out/self-heal/report-run-1.json"));
        var action = report.RootElement.GetProperty("actions")[0];
        action.GetProperty("timed_out").GetBoolean().Should().BeTrue();
        action.GetProperty("status").GetString().Should().Be("timed_out");
        report.RootElement.GetProperty("rerun").GetArrayLength().Should().Be(0, "a failed action stops the heal before the rerun");
    }

    [Fact]
    public async Task Execute_ActionExitsWith3_StopsAndLaterActionsDoNotRun()
    {
        using var repo = SelfHealRepo.Create("""
            { "plans": { "database": ["reseed", "restart", "rerun"] },
              "actions": { "reseed": { "command": ["bash", "-c", "echo seeding; exit 3"] },
                           "restart": { "command": ["bash", "-c", "mkdir -p .state && touch .state/restarted"] } } }
            """);

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Database, 0.9))));

        sut.Status.Should().Be("failed");
        sut.Summary.Should().Contain("reseed exited with 3");
        repo.Exists(".state/restarted").Should().BeFalse();
        using var report = JsonDocument.Parse(repo.Read("praxi-out/self-heal/report-run-1.json"));
        var actions = report.RootElement.GetProperty("actions");
        actions[0].GetProperty("exit_code").GetInt32().Should().Be(3);
        actions[0].GetProperty("output_tail").GetString().Should().Contain("seeding");
        actions[1].GetProperty("status").GetString().Should().Be("skipped");
    }

    [Fact]
    public async Task Execute_TestNameWithShellSyntax_IsPassedAsOneArgumentAndNothingExecutes()
    {
        const string name = "login › $(touch pwned) ; echo pwned > pwned2 `touch pwned3`";
        using var repo = SelfHealRepo.Create("{}");

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis((name, ErrorType.NetworkFlake, 0.9))));

        repo.Read("out/args.txt").Should().Be(name + "\n", "the suite received exactly one argument, the name as it was");
        repo.Exists("pwned").Should().BeFalse();
        repo.Exists("pwned2").Should().BeFalse();
        repo.Exists("pwned3").Should().BeFalse();
        sut.Verdicts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Test = name, Verdict = "flaky" });
    }

    [Fact]
    public async Task Execute_FullSuiteAfterPassingSubset_ReportsNewFailuresAsPartial()
    {
        using var repo = SelfHealRepo.Create("""{ "full_suite": true }""");

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("suite other", ErrorType.BrowserCrash, 0.9))));

        sut.Status.Should().Be("partially_healed", "the full suite has a failing neighbour");
        using var report = JsonDocument.Parse(repo.Read("praxi-out/self-heal/report-run-1.json"));
        var full = report.RootElement.GetProperty("rerun")[1];
        full.GetProperty("scope").GetString().Should().Be("full_suite");
        full.GetProperty("results").EnumerateArray().Should().Contain(r => r.GetProperty("verdict").GetString() == "new_failure" && r.GetProperty("test").GetString() == "suite broken neighbour");
    }

    [Fact]
    public async Task Execute_DecisionRefused_WritesARefusedReportAndRunsNothing()
    {
        using var repo = SelfHealRepo.Create("""{ "actions": { "reseed": { "command": ["bash", "-c", "touch ran"] } } }""");
        var request = repo.Request(SelfHealRepo.Analysis(("login", ErrorType.SelectorNotFound, 0.9)));
        var pipeline = new SelfHealPipeline();
        await pipeline.PrepareAsync(request);
        await pipeline.DecideAsync(request);

        var sut = await pipeline.ExecuteAsync(request);

        sut.Status.Should().Be("refused");
        sut.Summary.Should().Contain("ineligible_type");
        repo.Exists("ran").Should().BeFalse();
        repo.Exists("praxi-out/self-heal/attempts.json").Should().BeFalse("a refusal is not an attempt");
        repo.Read("praxi-out/self-heal/report-run-1.json").Should().Contain("\"status\": \"refused\"");
    }

    [Fact]
    public async Task Execute_CancelledWhileAnActionRuns_StillWritesTheReportAndCountsTheAttempt()
    {
        using var repo = SelfHealRepo.Create("""
            { "actions": { "reseed": { "command": ["bash", "-c", "mkdir -p .state && touch .state/started && sleep 60"] } } }
            """);
        var request = repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Database, 0.9)));
        var pipeline = new SelfHealPipeline();
        await pipeline.PrepareAsync(request);
        await pipeline.DecideAsync(request);
        using var cts = new CancellationTokenSource();

        var execute = pipeline.ExecuteAsync(request, cts.Token);
        while (!repo.Exists(".state/started") && !execute.IsCompleted)
        {
            await Task.Delay(50);
        }

        await cts.CancelAsync();
        var act = async () => await execute;

        await act.Should().ThrowAsync<OperationCanceledException>();
        using var report = JsonDocument.Parse(repo.Read("praxi-out/self-heal/report-run-1.json"));
        report.RootElement.GetProperty("status").GetString().Should().Be("failed");
        report.RootElement.GetProperty("summary").GetString().Should().Contain("interrupted (cancelled)");
        report.RootElement.GetProperty("actions")[0].GetProperty("name").GetString().Should().Be("reseed");
        repo.Read("praxi-out/self-heal/attempts.json").Should().Contain("\"status\": \"failed\"").And.Contain("\"finished_at\"");
    }

    [Fact]
    public async Task Execute_NotAGitCheckout_HashesEveryFileAndStillCatchesAChange()
    {
        using var repo = SelfHealRepo.Create("""{ "actions": { "reseed": { "command": ["bash", "-c", "echo changed >> app.txt"] } } }""", git: false);

        var sut = await new SelfHealPipeline().RunAsync(repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Database, 0.9))));

        sut.Status.Should().Be("failed");
        sut.ChangedFiles.Should().Equal("app.txt");
        repo.Read("praxi-out/self-heal/report-run-1.json").Should().Contain("\"method\": \"files\"");
    }
}
