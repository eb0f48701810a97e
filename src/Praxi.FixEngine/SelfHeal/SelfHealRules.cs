namespace Praxi.FixEngine.SelfHeal;

/// <summary>The names of the policy rules, in the order <see cref="SelfHealPolicy"/> checks them.</summary>
internal static class SelfHealRules
{
    /// <summary><c>self_heal.enabled</c> is false.</summary>
    public const string Disabled = "disabled";

    /// <summary>No usable analysis (artifact-only mode): conservative refusal.</summary>
    public const string NoAnalysis = "no_analysis";

    /// <summary>The analysis reports no failed test.</summary>
    public const string NoFailures = "no_failures";

    /// <summary>A manual trigger is required and the trigger was not one.</summary>
    public const string ManualTriggerRequired = "manual_trigger_required";

    /// <summary>The run used all its attempts.</summary>
    public const string AttemptsExhausted = "attempts_exhausted";

    /// <summary>No failure has an eligible type.</summary>
    public const string IneligibleType = "ineligible_type";

    /// <summary>The classification is below <c>min_confidence</c>.</summary>
    public const string LowConfidence = "low_confidence";

    /// <summary>A remediation of the plan is not configured.</summary>
    public const string ActionsUnavailable = "actions_unavailable";

    /// <summary>No test runner selects the failed tests.</summary>
    public const string NoRunner = "no_runner";

    /// <summary>Allowed.</summary>
    public const string Eligible = "eligible";
}
