namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>What a recording found.</summary>
/// <param name="Entries">The fingerprints, one per test and locator (a later call's replaces an earlier one's).</param>
/// <param name="Traces">Traces read.</param>
/// <param name="Calls">Passing calls with a selector that were looked at.</param>
/// <param name="Recorded">Calls whose element was fingerprinted (before entries of the same key were merged).</param>
/// <param name="Skipped">Calls and traces left out, by reason (<see cref="SkipReasons"/>).</param>
/// <param name="FirstUnreadable">Why the first trace that could not be read was refused (its format and Playwright version), if one was.</param>
internal sealed record BaselineRecording(
    IReadOnlyList<BaselineEntry> Entries,
    int Traces,
    int Calls,
    int Recorded,
    IReadOnlyDictionary<string, int> Skipped,
    string? FirstUnreadable = null)
{
    /// <summary>A one-line summary: <c>3 traces, 12 calls: 9 recorded (7 entries), 3 skipped (2 no_target_marked, 1 several_targets)</c>.</summary>
    public string Summary()
    {
        var skipped = Skipped.Values.Sum();
        var reasons = skipped == 0 ? string.Empty : $" ({string.Join(", ", Skipped.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} {s.Key}"))})";
        var unreadable = FirstUnreadable is null ? string.Empty : $"; {FirstUnreadable}";
        return $"{Traces} trace(s), {Calls} call(s): {Recorded} recorded ({Entries.Count} entries), {skipped} skipped{reasons}{unreadable}";
    }
}
