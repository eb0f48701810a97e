using System.Text.Json;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Tests.SelfHeal;

/// <summary>Each policy rule, decided through prepare + decide on real files; the rule and the reason are asserted.</summary>
public sealed class SelfHealPolicyTests
{
    private const string Reseed = """{ "actions": { "reseed": { "command": ["bash", "-c", "mkdir -p .state && touch .state/seeded"] } } }""";

    [Theory]
    [InlineData(ErrorType.SelectorNotFound, "selector drift needs a code change")]
    [InlineData(ErrorType.StrictModeViolation, "needs a code change")]
    [InlineData(ErrorType.AssertionFailure, "needs a person")]
    [InlineData(ErrorType.CompileError, "does not compile")]
    [InlineData(ErrorType.BackendError, "backend fix needs a person")]
    [InlineData(ErrorType.Unknown, "could not be classified")]
    public async Task Decide_NeverEligibleType_IsRefusedNamingTheTypeAndWhy(ErrorType type, string why)
    {
        using var repo = SelfHealRepo.Create(Reseed);

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", type, 0.95))));

        sut.Allowed.Should().BeFalse();
        sut.Rule.Should().Be("ineligible_type");
        sut.Reason.Should().Contain(type.ToName()).And.Contain(why);
    }

    [Fact]
    public async Task Decide_TypeLeftOutOfEligibleTypes_IsRefusedNamingTheSetting()
    {
        using var repo = SelfHealRepo.Create("""{ "eligible_types": ["database"] }""");

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Timeout, 0.9))));

        sut.Rule.Should().Be("ineligible_type");
        sut.Reason.Should().Contain("timeout is not in self_heal.eligible_types");
    }

    [Fact]
    public async Task Decide_Disabled_RefusesWithRuleDisabled()
    {
        using var repo = SelfHealRepo.Create("""{ "enabled": false }""");

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Timeout, 0.9))));

        sut.Should().BeEquivalentTo(new { Allowed = false, Rule = "disabled" });
        sut.Reason.Should().Contain("self_heal.enabled is false");
    }

    [Fact]
    public async Task Decide_NoAnalysis_RefusesConservativelyAndSaysHowToGiveOne()
    {
        using var repo = SelfHealRepo.Create(Reseed);
        var pipeline = new SelfHealPipeline();
        var request = repo.Request();
        var prepared = await pipeline.PrepareAsync(new SelfHealRequest { RepositoryRoot = repo.Root, OutputFolder = repo.Out, ArtifactsPath = Path.Combine(repo.Root, "no-such-artifacts") });

        var sut = await pipeline.DecideAsync(request);

        prepared.AnalysisSource.Should().Be("none");
        repo.Read("praxi-out/self-heal/context.json").Should().Contain("\"source\": \"none\"").And.Contain("no-such-artifacts");
        sut.Should().BeEquivalentTo(new { Allowed = false, Rule = "no_analysis" });
        sut.Reason.Should().Contain("--analysis").And.Contain("--artifacts");
    }

    [Fact]
    public async Task Decide_NoFailedTest_RefusesWithNoFailures()
    {
        using var repo = SelfHealRepo.Create(Reseed);

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis()));

        sut.Rule.Should().Be("no_failures");
        sut.Reason.Should().Contain("no failed test");
    }

    [Theory]
    [InlineData(null, "none")]
    [InlineData("push", "push")]
    public async Task Decide_ManualTriggerRequiredButNotManual_IsRefusedNamingTheSource(string? source, string named)
    {
        using var repo = SelfHealRepo.Create(Reseed);

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Timeout, 0.9)), trigger: source, requireManual: true));

        sut.Rule.Should().Be("manual_trigger_required");
        sut.Reason.Should().Contain($"'{named}'").And.Contain("workflow_dispatch");
    }

    [Fact]
    public async Task Decide_ManualTriggerRequiredByConfigAndGiven_IsAllowedAndRecordsTheTrigger()
    {
        using var repo = SelfHealRepo.Create("""{ "require_manual_trigger": true, "manual_triggers": ["workflow_dispatch"] }""");

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Timeout, 0.9)), trigger: "workflow_dispatch"));

        sut.Should().BeEquivalentTo(new { Allowed = true, Rule = "eligible" });
        using var decision = JsonDocument.Parse(repo.Read("praxi-out/self-heal/decision.json"));
        var trigger = decision.RootElement.GetProperty("trigger");
        trigger.GetProperty("source").GetString().Should().Be("workflow_dispatch");
        trigger.GetProperty("manual").GetBoolean().Should().BeTrue();
        trigger.GetProperty("required").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Decide_TwoAttemptsRecorded_RefusesTheThird()
    {
        using var repo = SelfHealRepo.Create(Reseed);
        var pipeline = new SelfHealPipeline();
        var request = repo.Request(SelfHealRepo.Analysis(("checkout broken", ErrorType.Database, 0.9)));
        for (var i = 0; i < 2; i++)
        {
            (await pipeline.RunAsync(request)).Status.Should().Be("failed", "the broken test keeps failing");
        }

        var sut = await Decide(repo, request);

        sut.Rule.Should().Be("attempts_exhausted");
        sut.Reason.Should().Contain("already had 2 self-heal attempt(s) of the 2 allowed");
        repo.Read("praxi-out/self-heal/context.json").Should().Contain("\"number\": 2");
    }

    [Fact]
    public async Task Decide_LowConfidence_IsRefusedWithTheNumbers()
    {
        using var repo = SelfHealRepo.Create("""{ "min_confidence": 0.7 }""");

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Timeout, 0.55))));

        sut.Rule.Should().Be("low_confidence");
        sut.Reason.Should().Contain("0.55").And.Contain("0.70");
    }

    [Fact]
    public async Task Decide_RemediationNotConfigured_IsRefusedSayingWhichAndHow()
    {
        using var repo = SelfHealRepo.Create("{}");

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Database, 0.9))));

        sut.Rule.Should().Be("actions_unavailable");
        sut.Actions.Should().Equal("reseed", "rerun");
        sut.Reason.Should().Contain("needs reseed").And.Contain("self_heal.actions.reseed").And.Contain("self_heal.plans.database");
    }

    [Fact]
    public async Task Decide_NoRunnerSelectsTheTests_IsRefusedWithNoRunner()
    {
        using var repo = SelfHealRepo.Create("{}", runnerFramework: "\"pytest\"");

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Timeout, 0.9))));

        sut.Rule.Should().Be("no_runner");
        sut.Reason.Should().Contain("suite").And.Contain("nothing can prove the heal");
    }

    [Fact]
    public async Task Decide_MixedRun_HealsTheEligibleTestsAndListsTheOthersAsExcluded()
    {
        using var repo = SelfHealRepo.Create(Reseed);
        var analysis = SelfHealRepo.Analysis(("login", ErrorType.SelectorNotFound, 0.95), ("checkout", ErrorType.Database, 0.9), ("cart", ErrorType.Database, 0.8));

        var sut = await Decide(repo, repo.Request(analysis));

        sut.Should().BeEquivalentTo(new { Allowed = true, Rule = "eligible", ErrorType = ErrorType.Database });
        sut.Actions.Should().Equal("reseed", "rerun");
        using var decision = JsonDocument.Parse(repo.Read("praxi-out/self-heal/decision.json"));
        decision.RootElement.GetProperty("targets").EnumerateArray().Select(e => e.GetString()).Should().Equal("checkout", "cart");
        var excluded = decision.RootElement.GetProperty("excluded").EnumerateArray().Single();
        excluded.GetProperty("test").GetString().Should().Be("login");
        excluded.GetProperty("type").GetString().Should().Be("selector_not_found");
        excluded.GetProperty("reason").GetString().Should().Contain("code change");
    }

    [Fact]
    public async Task Decide_PlanOverride_ChoosesTheConfiguredActionsInOrder()
    {
        using var repo = SelfHealRepo.Create("""
            { "plans": { "timeout": ["restart", "rerun"] },
              "actions": { "restart": { "command": ["true"] } } }
            """);

        var sut = await Decide(repo, repo.Request(SelfHealRepo.Analysis(("t1", ErrorType.Timeout, 0.9))));

        sut.Should().BeEquivalentTo(new { Allowed = true, Rule = "eligible" });
        sut.Actions.Should().Equal("restart", "rerun");
    }

    private static async Task<SelfHealResult> Decide(SelfHealRepo repo, SelfHealRequest request)
    {
        var pipeline = new SelfHealPipeline();
        await pipeline.PrepareAsync(request);
        return await pipeline.DecideAsync(request);
    }
}
