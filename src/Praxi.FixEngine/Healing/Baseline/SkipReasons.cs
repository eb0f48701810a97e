namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>Why a recording left a call or a trace out.</summary>
internal static class SkipReasons
{
    /// <summary>The trace could not be read (not a zip, too large, corrupt); the other traces are still read.</summary>
    public const string UnreadableTrace = "unreadable_trace";

    /// <summary>The call has no snapshot at all.</summary>
    public const string NoSnapshot = "no_snapshot";

    /// <summary>No snapshot of the call marks an element (an assertion that nothing is there, a count).</summary>
    public const string NoTargetMarked = "no_target_marked";

    /// <summary>The call resolved to several elements: which one the locator means is not known.</summary>
    public const string SeveralTargets = "several_targets";
}
