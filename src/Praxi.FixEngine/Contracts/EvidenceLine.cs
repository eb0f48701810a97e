namespace Praxi.FixEngine.Contracts;

/// <summary>One line of evidence.</summary>
/// <param name="Source">The artifact the line comes from.</param>
/// <param name="Line">1-based line number in that artifact (0 when the format has no lines).</param>
/// <param name="Text">The line's text.</param>
public sealed record EvidenceLine(string Source, int Line, string Text);
