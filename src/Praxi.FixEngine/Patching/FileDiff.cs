namespace Praxi.FixEngine.Patching;

/// <summary>The hunks of one file's diff.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Hunks">The hunks, in file order (empty when nothing changed).</param>
internal sealed record FileDiff(string Path, IReadOnlyList<DiffHunk> Hunks)
{
    /// <summary>Changed lines: per hunk the larger of removed and added lines (a replaced line counts once), summed.</summary>
    public int ChangedLines => Hunks.Sum(h => Math.Max(h.Removed, h.Added));
}

/// <summary>One hunk: <c>@@ -OldStart,OldCount +NewStart,NewCount @@</c> and its lines.</summary>
/// <param name="OldStart">1-based first line in the old file (the line before when <paramref name="OldCount"/> is 0).</param>
/// <param name="OldCount">Old lines covered (context + removed).</param>
/// <param name="NewStart">1-based first line in the new file (the line before when <paramref name="NewCount"/> is 0).</param>
/// <param name="NewCount">New lines covered (context + added).</param>
/// <param name="Lines">Lines in order.</param>
internal sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<DiffLine> Lines)
{
    public int Removed => Lines.Count(l => l.Op == '-');

    public int Added => Lines.Count(l => l.Op == '+');
}

/// <summary>One line of a hunk.</summary>
/// <param name="Op"><c>' '</c> context, <c>'-'</c> removed, <c>'+'</c> added.</param>
/// <param name="Text">The line with its terminator ('\n'; a '\r' before it stays part of the content); no terminator on a last line without one.</param>
internal readonly record struct DiffLine(char Op, string Text)
{
    public bool HasNewline => Text.EndsWith('\n');
}
