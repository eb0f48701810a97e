using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Analysis;

/// <summary>
/// One failure reported by several artifacts (Playwright writes list output, results.json and junit.xml for
/// the same run) becomes one entry: the richest report wins and the others fill its gaps.
/// </summary>
internal static class FailureMerger
{
    public static List<TestFailure> Merge(IReadOnlyList<ParsedLog> logs)
    {
        var merged = new List<TestFailure>();
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (failure, _) in logs.SelectMany(l => l.Failures.Select(f => (f, l.Format))).OrderBy(x => Rank(x.Format)))
        {
            var key = Key(failure);
            if (!index.TryGetValue(key, out var entries))
            {
                index[key] = entries = [];
            }

            var at = entries.FirstOrDefault(i => SameTest(merged[i].Test, failure.Test), -1);
            if (at >= 0)
            {
                merged[at] = Fill(merged[at], failure);
            }
            else
            {
                entries.Add(merged.Count);
                merged.Add(failure);
            }
        }

        return merged;
    }

    /// <summary>
    /// Two names with the same key are one test unless both are fully qualified and differ: <c>Shop.CartTests.Adds</c>
    /// and <c>Shop.Selenium.ShopTests.Adds</c> are two tests of two suites, not one test reported twice; so are two data rows
    /// of one method, <c>Shop.Grid.Open("chromium",null)</c> and <c>Shop.Grid.Open("firefox",null)</c>.
    /// </summary>
    private static bool SameTest(string a, string b) =>
        !(Qualified(a) && Qualified(b))
        || string.Equals(a, b, StringComparison.Ordinal)
        || (string.Equals(a.Split('(')[0], b.Split('(')[0], StringComparison.Ordinal) && !(a.Contains('(', StringComparison.Ordinal) && b.Contains('(', StringComparison.Ordinal)));

    private static bool Qualified(string name)
    {
        var bare = name.Split('(')[0];
        return bare.Contains('.', StringComparison.Ordinal) && !bare.Contains(' ', StringComparison.Ordinal) && !bare.Contains('›', StringComparison.Ordinal);
    }

    private static int Rank(LogFormat format) => format switch
    {
        LogFormat.PlaywrightJson or LogFormat.PlaywrightHtml or LogFormat.PlaywrightBlob => 0,
        LogFormat.Trx or LogFormat.NUnitXml or LogFormat.JestJson or LogFormat.MochawesomeJson => 1,
        LogFormat.PlaywrightText => 2,
        LogFormat.PytestConsole => 3,
        LogFormat.JUnitXml => 4,
        _ => 5,
    };

    /// <summary>The last segment of the title (reporters differ in what they put before it), lower-cased.</summary>
    internal static string Key(TestFailure failure)
    {
        var title = failure.Test;
        var cut = title.LastIndexOf('›');
        if (cut >= 0)
        {
            title = title[(cut + 1)..];
        }

        var dot = title.LastIndexOf('.');
        if (dot >= 0 && !title.Contains(' ', StringComparison.Ordinal) && dot < title.Length - 1)
        {
            // Ns.Class.Method → Method (TRX and console print the full name, JUnit splits it).
            title = title[(dot + 1)..];
        }

        var paren = title.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0 && !title.Contains(' ', StringComparison.Ordinal))
        {
            title = title[..paren];
        }

        return title.Trim().ToLowerInvariant();
    }

    private static TestFailure Fill(TestFailure a, TestFailure b) => a with
    {
        File = a.File ?? b.File,
        Line = a.Line ?? b.Line,
        Column = a.Column ?? b.Column,
        TestFile = a.TestFile ?? b.TestFile,
        TestLine = a.TestLine ?? b.TestLine,
        Action = a.Action ?? b.Action,
        Selector = a.Selector ?? b.Selector,
        TimeoutMs = a.TimeoutMs ?? b.TimeoutMs,
        StartedAt = a.StartedAt ?? b.StartedAt,
        Duration = a.Duration ?? b.Duration,
        Framework = a.Framework ?? b.Framework,
        Runner = a.Runner ?? b.Runner,
        Block = a.Block.Count > 0 ? a.Block : b.Block,
        Attachments = [.. a.Attachments.Union(b.Attachments)],
    };
}
