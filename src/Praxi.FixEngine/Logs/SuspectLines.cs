using System.Buffers;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Lines that look like trouble in words no rule knows (<c>Ambiguous match</c>, <c>Traceback</c>, <c>could not</c>,
/// <c>denied</c>…), with two lines either side. They are what the learned judge reads when no failure block was
/// recognised; the latest ones are kept, since a CI log ends where it failed.
/// </summary>
internal sealed class SuspectLines
{
    /// <summary>Lines kept per artifact.</summary>
    public const int MaxLines = 300;

    private const int Around = 2;

    private static readonly SearchValues<string> Words = SearchValues.Create(
        [
            "error", "exception", "fail", "fatal", "traceback", "panic", "refused", "denied", "unable", "cannot", "can't",
            "could not", "couldn't", "not found", "invalid", "timeout", "timed out", "ambiguous", "expected", "crash",
            "killed", "abort", "unauthori", "forbidden", "multiple elements", "missing", "no such", "undefined", "rejected",
            "econn", "enotfound", "eai_again", "status code", "500", "502", "503", "504", "exit code", "exited with",
            "not allowed", "violation", "conflict", "unreachable", "reset", "segmentation", "out of memory", "login", "sign in",
        ],
        StringComparison.OrdinalIgnoreCase);

    private readonly LogLine[] _before = new LogLine[Around];
    private readonly Queue<LogLine> _kept = new();
    private int _beforeCount;
    private int _after;
    private int _lastKept;

    private void Accept(in LogLine line)
    {
        if (line.Text.AsSpan().IndexOfAny(Words) >= 0 && !NoiseLines.IsNoiseOrContext(line.Text))
        {
            for (var i = 0; i < _beforeCount; i++)
            {
                Keep(_before[i]);
            }

            _beforeCount = 0;
            Keep(line);
            _after = Around;
            return;
        }

        if (_after > 0)
        {
            _after--;
            Keep(line);
            return;
        }

        if (_beforeCount == Around)
        {
            Array.Copy(_before, 1, _before, 0, Around - 1);
            _beforeCount--;
        }

        _before[_beforeCount++] = line;
    }

    private IReadOnlyList<LogLine> Complete() => [.. _kept];

    /// <summary>The suspect lines of a whole file.</summary>
    public static IReadOnlyList<LogLine> Read(string file, CancellationToken cancellationToken)
    {
        var suspect = new SuspectLines();
        using var reader = LogLineReader.Open(file);
        var count = 0;
        while (reader.TryRead(out var line))
        {
            suspect.Accept(line);
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return suspect.Complete();
    }

    private void Keep(LogLine line)
    {
        if (line.Number <= _lastKept || string.IsNullOrWhiteSpace(line.Text) || BrowserConsole.IsContext(line.Text))
        {
            return;
        }

        _lastKept = line.Number;
        _kept.Enqueue(line);
        if (_kept.Count > MaxLines)
        {
            _kept.Dequeue();
        }
    }
}
