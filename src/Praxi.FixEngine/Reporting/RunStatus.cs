namespace Praxi.FixEngine.Reporting;

/// <summary>The status chip of a run, derived from the stages it has: one word for a person.</summary>
internal static class RunStatus
{
    /// <summary>Self-heal made every targeted test pass.</summary>
    public const string Healed = "healed";

    /// <summary>The fix agent wrote a patch the guardrails allow (and validation did not withhold).</summary>
    public const string PatchOffered = "patch_offered";

    /// <summary>Validation failed the patch: it is kept only as the rejected diff.</summary>
    public const string PatchWithheld = "patch_withheld";

    /// <summary>No patch, and something needs a person: guardrails blocked, manual review items, human review triggered.</summary>
    public const string NeedsReview = "needs_review";

    /// <summary>Failed, and nothing healed or proposed.</summary>
    public const string Failed = "failed";

    /// <summary>The analysis found no failed test.</summary>
    public const string Passed = "passed";

    /// <summary>None of the run's files could be read.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Every status, in the order the filter lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Healed, PatchOffered, PatchWithheld, NeedsReview, Failed, Passed, Unreadable];

    /// <summary>The chip's label.</summary>
    public static string Label(string status) => status.Replace('_', ' ');
}
