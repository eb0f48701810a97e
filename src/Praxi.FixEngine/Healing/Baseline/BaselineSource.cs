namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>Where a baseline fingerprint was taken.</summary>
/// <param name="Kind"><c>trace</c> (a <c>trace.zip</c> snapshot) or <c>dom</c> (an HTML dump with a sidecar).</param>
/// <param name="File">The file, relative to the recorded artifacts folder, with <c>/</c> separators.</param>
/// <param name="Call">The trace call whose snapshot showed the element; null for a DOM dump.</param>
internal sealed record BaselineSource(string Kind, string File, string? Call);
