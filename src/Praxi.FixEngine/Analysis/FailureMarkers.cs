using System.Buffers;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Analysis;

/// <summary>Words that mark a block as a failure rather than a stray mention, and test names in plain output.</summary>
internal static partial class FailureMarkers
{
    /// <summary>
    /// Lines longer than this are not searched for a test name: no runner prints one that long, and the
    /// backtracking pattern costs milliseconds per 64 KiB line — enough to hit its timeout on a loaded core.
    /// </summary>
    internal const int MaxTestNameLineLength = 4096;

    private static readonly string[] Markers =
    [
        "error", "fail", "exception", "fatal", "panic", "traceback", "✘", "✕", "timed out", "timeout", "exceeded", "refused", "crash", "unable to", "cannot", "could not",
    ];

    /// <summary>All markers in one case-insensitive multi-string search (same answer as a Contains per marker).</summary>
    private static readonly SearchValues<string> MarkerValues = SearchValues.Create(Markers, StringComparison.OrdinalIgnoreCase);

    public static bool Has(string text) => text.AsSpan().ContainsAny(MarkerValues);

    /// <summary>The failed test's name when a plain-text block names it (MSTest, xUnit, vstest, pytest, jest, Maven, go).</summary>
    public static string? TestName(LogSignal signal)
    {
        foreach (var line in signal.Lines)
        {
            if (line.Text.Length > MaxTestNameLineLength)
            {
                continue;
            }

            var m = TestNamePattern().Match(line.Text);
            if (m.Success)
            {
                return m.Groups["name"].Value.Trim();
            }
        }

        return null;
    }

    [GeneratedRegex(@"(Test method (?<name>[\w.+<>`]+) threw exception|\[xUnit\.net [^\]]*\]\s+(?<name>\S+) \[FAIL\]|^\s*Failed (?<name>[\w.+<>`]+) \[|FAILED (?<name>\S+::\S+)|^\s*● (?<name>.+)$|^\s*\d+\) (\[[^\]]+\] › )?(?<name>\S+:\d+:\d+ › .+?) [─=-]{3,}|(?<name>\w+\(\w[\w.]*\))\s+Time elapsed: .*<<< (FAILURE|ERROR)!|--- FAIL: (?<name>\S+)|^_{3,} (?<name>\S.*?) _{3,}$)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TestNamePattern();
}
