namespace Praxi.FixEngine.Evidence;

/// <summary>The phases at which Playwright snapshots a call's frames.</summary>
internal static class SnapshotPhase
{
    /// <summary>Before the call started.</summary>
    public const string Before = "before";

    /// <summary>At the input event of an input call (click, fill), once the target was resolved.</summary>
    public const string Action = "action";

    /// <summary>After the call ended, failed or not.</summary>
    public const string After = "after";
}
