using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.SelfHeal;

/// <summary>The self-heal policy of <c>praxi.json</c> <c>self_heal</c>, with its defaults (docs/self-heal.md).</summary>
internal sealed record SelfHealSettings
{
    /// <summary>The action that reruns the failed tests with the <c>tests</c> runners (never a configured command).</summary>
    public const string Rerun = "rerun";

    /// <summary>Every action a plan may name, in the order the docs list them.</summary>
    public static readonly IReadOnlyList<string> KnownActions = ["reseed", "regenerate_storage_state", "restart", "reset_environment", Rerun];

    /// <summary>Types no configuration can make eligible: they need a code change or a person.</summary>
    public static readonly IReadOnlyList<ErrorType> NeverEligible =
        [ErrorType.SelectorNotFound, ErrorType.StrictModeViolation, ErrorType.AssertionFailure, ErrorType.CompileError, ErrorType.BackendError, ErrorType.Unknown];

    /// <summary>Types eligible by default.</summary>
    public static readonly IReadOnlyList<ErrorType> DefaultEligible =
        [ErrorType.Timeout, ErrorType.NetworkFlake, ErrorType.AuthState, ErrorType.Database, ErrorType.ServerUnavailable, ErrorType.BrowserCrash, ErrorType.DependencyInstall];

    /// <summary>False: every decision is a refusal with rule <c>disabled</c>. <value>The default is true.</value></summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Attempts allowed per run id. <value>The default is 2.</value></summary>
    public int MaxAttempts { get; init; } = 2;

    /// <summary>Types that may be healed. <value>The default is <see cref="DefaultEligible"/>.</value></summary>
    public IReadOnlyList<ErrorType> EligibleTypes { get; init; } = DefaultEligible;

    /// <summary>Only a manual trigger may start a heal. <value>The default is false.</value></summary>
    public bool RequireManualTrigger { get; init; }

    /// <summary>Trigger sources that count as manual. <value>The default is <c>workflow_dispatch</c>, <c>manual</c>.</value></summary>
    public IReadOnlyList<string> ManualTriggers { get; init; } = ["workflow_dispatch", "manual"];

    /// <summary>Below this classification confidence nothing runs. <value>The default is 0.5.</value></summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>After a passing subset, also run each runner's full suite. <value>The default is false.</value></summary>
    public bool FullSuite { get; init; }

    /// <summary>Action lists that replace the default plan of a type.</summary>
    public IReadOnlyDictionary<ErrorType, IReadOnlyList<string>> Plans { get; init; } = new Dictionary<ErrorType, IReadOnlyList<string>>();

    /// <summary>The configured remediation commands by action name.</summary>
    public IReadOnlyDictionary<string, SelfHealAction> Actions { get; init; } = new Dictionary<string, SelfHealAction>(StringComparer.Ordinal);

    /// <summary>True when the policy lets <paramref name="type"/> be healed.</summary>
    public bool IsEligible(ErrorType type) => !NeverEligible.Contains(type) && EligibleTypes.Contains(type);

    /// <summary>The actions for <paramref name="type"/>: the configured plan, else the default of <see cref="SelfHealPlans"/>.</summary>
    public IReadOnlyList<string> PlanFor(ErrorType type) =>
        Plans.TryGetValue(type, out var plan) ? plan : SelfHealPlans.For(type, MaxAttempts).Actions;
}
