using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.SelfHeal;

namespace Praxi.FixEngine.Tests.Configuration;

public sealed class PraxiConfigSelfHealTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_FullSelfHealSection_ReadsEveryKey()
    {
        var file = Write("""
            { "self_heal": {
                "enabled": true, "max_attempts": 3, "eligible_types": ["database", "auth_state"],
                "require_manual_trigger": true, "manual_triggers": ["workflow_dispatch"], "min_confidence": 0.6, "full_suite": true,
                "plans": { "database": ["reseed", "restart", "rerun"] },
                "actions": { "reseed": { "command": ["bash", "scenarios/env.sh", "reseed"], "cwd": "scenarios", "timeout_s": 120, "env": { "K": "V" } },
                             "restart": { "command": ["bash", "scenarios/env.sh", "restart"] } } } }
            """);

        var sut = PraxiConfig.Load(file).SelfHeal;

        sut.Should().BeEquivalentTo(new { Enabled = true, MaxAttempts = 3, RequireManualTrigger = true, MinConfidence = 0.6, FullSuite = true });
        sut.EligibleTypes.Should().Equal(ErrorType.Database, ErrorType.AuthState);
        sut.ManualTriggers.Should().Equal("workflow_dispatch");
        sut.PlanFor(ErrorType.Database).Should().Equal("reseed", "restart", "rerun");
        sut.PlanFor(ErrorType.AuthState).Should().Equal("regenerate_storage_state", "rerun");
        var reseed = sut.Actions["reseed"];
        (reseed.WorkingDirectory, reseed.Timeout).Should().Be(("scenarios", TimeSpan.FromSeconds(120)));
        reseed.Command.Should().Equal("bash", "scenarios/env.sh", "reseed");
        reseed.Environment.Should().Contain("K", "V");
        sut.Actions["restart"].Timeout.Should().Be(SelfHealAction.DefaultTimeout);
    }

    [Fact]
    public void Load_NoSelfHealSection_GivesTheDefaults()
    {
        var sut = PraxiConfig.Load(Write("{}")).SelfHeal;

        sut.Should().BeEquivalentTo(new { Enabled = true, MaxAttempts = 2, RequireManualTrigger = false, MinConfidence = 0.5, FullSuite = false });
        sut.EligibleTypes.Should().Equal(ErrorType.Timeout, ErrorType.NetworkFlake, ErrorType.AuthState, ErrorType.Database, ErrorType.ServerUnavailable, ErrorType.BrowserCrash, ErrorType.DependencyInstall);
        sut.ManualTriggers.Should().Equal("workflow_dispatch", "manual");
        sut.Actions.Should().BeEmpty();
    }

    [Fact]
    public void Load_BadSelfHealSection_ListsEveryProblemInOneMessage()
    {
        var file = Write("""
            { "self_heal": { "max_attempts": 0, "min_confidence": 1.5, "eligible_types": ["selector_not_found", "telepathy"],
                             "plans": { "assertion_failure": ["rerun"], "timeout": ["pray"], "wat": [] },
                             "actions": { "rerun": { "command": ["x"] }, "nap": { "command": ["x"] },
                                          "reseed": { "command": [], "cwd": "../outside", "timeout_s": 0 } } } }
            """);

        var act = () => PraxiConfig.Load(file);

        act.Should().Throw<FixEngineException>().Which.Message.Should().NotContain("\n")
            .And.Contain("self_heal.max_attempts must be between 1 and 10")
            .And.Contain("self_heal.min_confidence must be between 0 and 1")
            .And.Contain("'selector_not_found' can never be healed")
            .And.Contain("'telepathy' is not an error type")
            .And.Contain("self_heal.plans: 'assertion_failure' can never be healed")
            .And.Contain("self_heal.plans.timeout: 'pray' is not an action")
            .And.Contain("self_heal.plans: 'wat' is not an error type")
            .And.Contain("self_heal.plans.wat must list at least one action")
            .And.Contain("self_heal.actions.rerun: the rerun uses the 'tests' runners")
            .And.Contain("self_heal.actions: 'nap' is not an action")
            .And.Contain("self_heal.actions.reseed: command must be a non-empty argument list")
            .And.Contain("cwd '../outside' must be relative to the repository")
            .And.Contain("self_heal.actions.reseed: timeout_s must be between 1 and 7200");
    }

    private string Write(string json)
    {
        var file = Path.Combine(_temp.Subfolder(), "praxi.json");
        File.WriteAllText(file, json);
        return file;
    }
}
