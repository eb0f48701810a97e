namespace Praxi.FixEngine.Patching;

/// <summary>The hunks of one file's diff.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Hunks">The hunks, in file order (empty when nothing changed).</param>
internal sealed record FileDiff(string Path, IReadOnlyList<DiffHunk> Hunks)
{
    /// <summary>Changed lines: per hunk the larger of removed and added lines (a replaced line counts once), summed.</summary>
    public int ChangedLines => Hunks.Sum(h => Math.Max(h.Removed, h.Added));

    /// <summary>
    /// Where line <paramref name="oldLine"/> of the old file is in the new one: shifted by the lines the hunks above it
    /// added or removed; a line the diff replaced maps to its replacement (the first added line at its place), a removed
    /// line without one to the next kept line.
    /// </summary>
    /// <param name="oldLine">1-based line in the old file.</param>
    /// <returns>1-based line in the new file.</returns>
    public int NewLineOf(int oldLine)
    {
        var shift = 0;
        foreach (var hunk in Hunks)
        {
            var oldEnd = hunk.OldCount == 0 ? hunk.OldStart : hunk.OldStart + hunk.OldCount - 1;
            if (oldLine < hunk.OldStart || (hunk.OldCount == 0 && oldLine == hunk.OldStart))
            {
                return oldLine + shift;
            }

            if (oldLine > oldEnd)
            {
                shift += hunk.NewCount - hunk.OldCount;
                continue;
            }

            var (o, n) = (hunk.OldStart, hunk.NewStart);
            int? removedAt = null;
            foreach (var line in hunk.Lines)
            {
                switch (line.Op)
                {
                    case '-':
                        if (o == oldLine)
                        {
                            removedAt = n;
                        }

                        o++;
                        break;
                    case '+':
                        if (removedAt is not null)
                        {
                            return n;
                        }

                        n++;
                        break;
                    default:
                        if (removedAt is not null || o == oldLine)
                        {
                            return n;
                        }

                        o++;
                        n++;
                        break;
                }
            }

            return removedAt ?? n;
        }

        return oldLine + shift;
    }
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
