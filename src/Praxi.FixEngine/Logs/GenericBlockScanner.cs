using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Finds failure blocks in any text: a line that carries a rule literal opens a block (with a few lines of
/// context before it), nearby anchor lines extend it, a quiet stretch closes it. Blocks no rule scores are
/// dropped; the kept ones are bounded in number, so memory does not grow with the log.
/// </summary>
internal sealed partial class GenericBlockScanner(string source, IBlockScorer scorer)
{
    private const int ContextBefore = 3;
    private const int GapToClose = 6;
    private const int MaxBlockLines = 80;
    private const int MaxBlocksKept = 256;
    private const double MinBlockScore = 0.3;

    /// <summary>
    /// The words of an error no rule knows (<c>Error:</c>, <c>Exception</c>, <c>FAILED</c>…), matched case-sensitively by the block scanner.
    /// </summary>
    public static IReadOnlyList<string> FailureWordList { get; } =
        ["Error:", "Error ", "ERROR", "Exception:", "Exception ", "FAILED", "FAIL ", "FATAL", "Fatal:", "panic:", "✘"];

    private static readonly SearchValues<string> FailureWords = SearchValues.Create([.. FailureWordList], StringComparison.Ordinal);

    /// <summary>Lines remembered before a block opens: the context lines are the last <see cref="ContextBefore"/> of them that are not browser console context.</summary>
    private const int RingSize = 8;

    private readonly LogLine[] _ring = new LogLine[RingSize];
    private readonly List<(LogSignal Signal, double Score)> _kept = [];
    private List<LogLine>? _block;
    private int _ringCount;
    private int _lastAnchor;
    private int _consoleSinceAnchor;

    public void Accept(in LogLine line)
    {
        var isAnchor = scorer.IsEvidenceLine(line.Text) || IsFailureLine(line.Text);
        if (_block is not null)
        {
            if (isAnchor)
            {
                _lastAnchor = line.Number;
                _consoleSinceAnchor = 0;
            }
            else if (BrowserConsole.IsContext(line.Text))
            {
                // Browser console output printed beside the failure is neither part of its block nor a quiet line
                // that closes it: the block is the same with and without the console around it.
                _consoleSinceAnchor++;
                return;
            }
            else if (line.Number - _lastAnchor - _consoleSinceAnchor > GapToClose)
            {
                Close();
            }

            if (_block is not null)
            {
                if (_block.Count < MaxBlockLines)
                {
                    _block.Add(line);
                }
                else if (isAnchor)
                {
                    // A run of anchors longer than a block: start the next one.
                    Close();
                    Open(line);
                }
            }
        }
        else if (isAnchor)
        {
            Open(line);
        }

        if (_block is null)
        {
            _ring[_ringCount % RingSize] = line;
            _ringCount++;
        }
    }

    /// <summary>Closes the last block and returns the kept signals in file order.</summary>
    public IReadOnlyList<LogSignal> Complete()
    {
        Close();
        return [.. _kept.Select(k => k.Signal).OrderBy(s => s.FirstLine)];
    }

    private void Open(in LogLine line)
    {
        _block = new List<LogLine>(16);
        var context = 0;
        var first = _ringCount;
        while (first > Math.Max(0, _ringCount - RingSize) && context < ContextBefore)
        {
            var previous = _ring[--first % RingSize];
            context += previous.Number < line.Number && !BrowserConsole.IsContext(previous.Text) ? 1 : 0;
        }

        for (var i = first; i < _ringCount; i++)
        {
            var previous = _ring[i % RingSize];
            if (previous.Number < line.Number && !BrowserConsole.IsContext(previous.Text))
            {
                _block.Add(previous);
            }
        }

        _block.Add(line);
        _lastAnchor = line.Number;
        _consoleSinceAnchor = 0;
        _ringCount = 0;
    }

    private void Close()
    {
        if (_block is null)
        {
            return;
        }

        var lines = TrimTrailing(_block, _lastAnchor);
        _block = null;
        var score = scorer.BestScore(source, lines);
        if (score < MinBlockScore && !lines.Any(l => IsFailureLine(l.Text)))
        {
            return;
        }

        _kept.Add((new LogSignal(source, lines, FindTimestamp(lines), FindRequestPath(lines)), score));
        if (_kept.Count > MaxBlocksKept * 2)
        {
            // Keep the strongest blocks; among equals the later ones (failures cluster near the end).
            var keep = _kept.Select((k, i) => (k, i)).OrderByDescending(x => x.k.Score).ThenByDescending(x => x.i).Take(MaxBlocksKept).OrderBy(x => x.i).Select(x => x.k).ToList();
            _kept.Clear();
            _kept.AddRange(keep);
        }
    }

    private static List<LogLine> TrimTrailing(List<LogLine> block, int lastAnchor)
    {
        // Keep two lines of context after the last anchor (lines of the block: console context is not in it).
        var anchor = block.FindLastIndex(l => l.Number <= lastAnchor);
        var end = anchor < 0 ? -1 : Math.Min(anchor + 2, block.Count - 1);
        return end >= 0 && end < block.Count - 1 ? block.GetRange(0, end + 1) : block;
    }

    /// <summary>An error no rule knows is still an error: it becomes an <c>unknown</c> failure a custom classifier can judge.</summary>
    internal static bool IsFailureLine(string text) =>
        text.AsSpan().IndexOfAny(FailureWords) >= 0 && !NoiseLines.IsNoiseOrContext(text);

    internal static DateTimeOffset? FindTimestamp(IReadOnlyList<LogLine> lines)
    {
        // A forwarded browser console line carries the browser's time or a third party's URL, not the block's.
        foreach (var line in lines.Take(6).Where(l => !BrowserConsole.IsContext(l.Text)))
        {
            var m = IsoTimestamp().Match(line.Text);
            if (m.Success && DateTimeOffset.TryParse(m.Value.Replace(',', '.'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts))
            {
                return ts;
            }
        }

        return null;
    }

    internal static string? FindRequestPath(IReadOnlyList<LogLine> lines)
    {
        foreach (var line in lines.Take(12).Where(l => !BrowserConsole.IsContext(l.Text)))
        {
            var m = RequestPath().Match(line.Text);
            if (m.Success)
            {
                return m.Groups["path"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}([.,]\d+)?(Z|[+-]\d{2}:?\d{2})?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"(\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (https?://[^/\s""']+)?|Internal Server Error: |Request(Path| path)[:=] ?""?|navigating to ""https?://[^/\s""']+)(?<path>/[^\s?#""']*)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RequestPath();
}
