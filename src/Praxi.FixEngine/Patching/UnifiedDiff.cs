using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace Praxi.FixEngine.Patching;

/// <summary>
/// Unified diffs that <c>git apply</c> accepts, written here over DiffPlex's line differ (DiffPlex's own
/// unified renderer drops the <c>\ No newline at end of file</c> marker and normalises line endings).
/// Lines are split after '\n' only, so a '\r' stays part of a CRLF line's content and the patch carries it
/// byte-exact; a UTF-8 BOM is part of the first line. Hunks have 3 lines of context; changes closer than
/// 6 lines share a hunk, as in git.
/// </summary>
internal static class UnifiedDiff
{
    public const int Context = 3;

    private const char Bom = '\uFEFF';

    /// <summary>The diff of one file's text as written (<paramref name="hasBom"/>: the BOM shows in the first line).</summary>
    public static FileDiff Create(string path, string oldText, string newText, bool hasBom = false)
    {
        if (hasBom)
        {
            oldText = Bom + oldText;
            newText = Bom + newText;
        }

        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return new FileDiff(path, []);
        }

        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, KeepTerminatorChunker.Instance);
        var oldLines = result.PiecesOld;
        var newLines = result.PiecesNew;
        var blocks = result.DiffBlocks.Where(b => b.DeleteCountA > 0 || b.InsertCountB > 0).OrderBy(b => b.DeleteStartA).ToList();

        var hunks = new List<DiffHunk>();
        var i = 0;
        while (i < blocks.Count)
        {
            // Blocks whose unchanged gap is at most 2 × context share one hunk.
            var j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * Context)
            {
                j++;
            }

            hunks.Add(BuildHunk(blocks, i, j, oldLines, newLines));
            i = j + 1;
        }

        return new FileDiff(path, hunks);
    }

    /// <summary>One patch for several files, in the given order; empty when no file has a hunk.</summary>
    public static string Render(IEnumerable<FileDiff> files)
    {
        var sb = new StringBuilder();
        foreach (var file in files.Where(f => f.Hunks.Count > 0))
        {
            var a = QuotePath("a/" + file.Path);
            var b = QuotePath("b/" + file.Path);
            sb.Append("diff --git ").Append(a).Append(' ').Append(b).Append('\n');
            sb.Append("--- ").Append(a).Append('\n');
            sb.Append("+++ ").Append(b).Append('\n');
            foreach (var hunk in file.Hunks)
            {
                sb.Append("@@ -").Append(Range(hunk.OldStart, hunk.OldCount)).Append(" +").Append(Range(hunk.NewStart, hunk.NewCount)).Append(" @@\n");
                foreach (var line in hunk.Lines)
                {
                    sb.Append(line.Op).Append(line.Text);
                    if (!line.HasNewline)
                    {
                        sb.Append("\n\\ No newline at end of file\n");
                    }
                }
            }
        }

        return sb.ToString();
    }

    private static DiffHunk BuildHunk(List<DiffBlock> blocks, int first, int last, IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        var lead = Math.Min(Context, blocks[first].DeleteStartA);
        var oldStart = blocks[first].DeleteStartA - lead;
        var newStart = blocks[first].InsertStartB - lead;
        var lines = new List<DiffLine>();

        var oldPos = oldStart;
        var newPos = newStart;
        for (var k = first; k <= last; k++)
        {
            var block = blocks[k];
            while (oldPos < block.DeleteStartA)
            {
                lines.Add(new DiffLine(' ', oldLines[oldPos]));
                oldPos++;
                newPos++;
            }

            for (var d = 0; d < block.DeleteCountA; d++)
            {
                lines.Add(new DiffLine('-', oldLines[oldPos++]));
            }

            for (var n = 0; n < block.InsertCountB; n++)
            {
                lines.Add(new DiffLine('+', newLines[newPos++]));
            }
        }

        var trail = Math.Min(Context, oldLines.Count - oldPos);
        for (var t = 0; t < trail; t++)
        {
            lines.Add(new DiffLine(' ', oldLines[oldPos++]));
            newPos++;
        }

        var oldCount = oldPos - oldStart;
        var newCount = newPos - newStart;

        // git numbers an empty range by the line before it (0 at the top of the file).
        return new DiffHunk(oldCount == 0 ? oldStart : oldStart + 1, oldCount, newCount == 0 ? newStart : newStart + 1, newCount, lines);
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");

    /// <summary>git's C-style quoting (octal escapes for bytes outside printable ASCII) for names with '"', '\' or control characters; plain otherwise.</summary>
    private static string QuotePath(string path)
    {
        if (!path.Any(c => c is '"' or '\\' || char.IsControl(c)))
        {
            return path;
        }

        var sb = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            _ = b switch
            {
                (byte)'"' => sb.Append("\\\""),
                (byte)'\\' => sb.Append("\\\\"),
                (byte)'\t' => sb.Append("\\t"),
                (byte)'\n' => sb.Append("\\n"),
                (byte)'\r' => sb.Append("\\r"),
                < 0x20 or >= 0x7F => sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0')),
                _ => sb.Append((char)b),
            };
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Splits after every '\n', keeping the terminator (and any '\r') in the piece.</summary>
    private sealed class KeepTerminatorChunker : IChunker
    {
        public static KeepTerminatorChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string str)
        {
            var pieces = new List<string>();
            var start = 0;
            while (start < str.Length)
            {
                var nl = str.IndexOf('\n', start);
                var end = nl < 0 ? str.Length : nl + 1;
                pieces.Add(str[start..end]);
                start = end;
            }

            return pieces;
        }
    }
}
