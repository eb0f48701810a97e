using System.Globalization;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads the <c>error-context.md</c> that Playwright's test runner leaves beside a failed test's trace — the evidence
/// of a <c>test-results/</c> folder kept without the console output. Two shapes occur: <c># Test info</c> (name and
/// location) / <c># Error details</c> (the error as the runner prints it, in a code fence) / <c># Test source</c> /
/// <c># Page snapshot</c>, sometimes after <c># Instructions</c> (newer versions); or a <c># Page snapshot</c> alone
/// (older ones), which says a test failed but not why: the failure is then named after its folder, with no message.
/// </summary>
internal static partial class ErrorContextParser
{
    /// <summary>The file name Playwright gives it.</summary>
    public const string FileName = "error-context.md";

    private const int MaxLines = 2000;

    /// <summary>The headings the runner starts the file with, by version: a page snapshot alone, or instructions / test info / the error first.</summary>
    private static readonly string[] FirstHeadings = ["# Page snapshot", "# Instructions", "# Test info", "# Error details"];

    /// <summary>True when <paramref name="head"/> (a file's first KiB) reads as an error-context file, whatever the file is called.</summary>
    public static bool LooksLike(string head)
    {
        var text = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return FirstHeadings.Any(h => text.StartsWith(h, StringComparison.Ordinal) && (text.Length == h.Length || text[h.Length] is '\r' or '\n'));
    }

    /// <summary>The failure the file describes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="source">The file relative to the analysed folder (forward slashes).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static ParsedLog Parse(string path, string source, CancellationToken cancellationToken)
    {
        var sections = new Dictionary<string, List<LogLine>>(StringComparer.OrdinalIgnoreCase);
        List<LogLine>? current = null;
        using (var reader = LogLineReader.Open(path))
        {
            var count = 0;
            while (reader.TryRead(out var line) && count++ < MaxLines)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Text.StartsWith("# ", StringComparison.Ordinal))
                {
                    current = [];
                    sections.TryAdd(line.Text[2..].Trim(), current);
                    continue;
                }

                current?.Add(line);
            }
        }

        var info = sections.GetValueOrDefault("Test info") ?? [];
        var name = Field(info, "Name");
        var location = Field(info, "Location");
        var error = Fenced(sections.GetValueOrDefault("Error details") ?? []);
        var facts = FailureFacts.From(error.Select(l => l.Text));
        var testSource = Fenced(sections.GetValueOrDefault("Test source") ?? []);
        var sourceFacts = FailureFacts.From(testSource.Select(l => l.Text));
        string? testFile = null, file = null;
        int? testLine = null, lineNumber = null, column = null;
        if (location is not null && Location().Match(location) is { Success: true } m)
        {
            // The test's declaration; the failing call is the line the test source marks with '>' in that file.
            testFile = m.Groups["file"].Value.Replace('\\', '/');
            testLine = int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture);
        }

        // The failing call: a stack frame in the error when it has one. The test source's '>' line is not enough: it
        // may be in a page object whose file the section does not name, so it is used only when its code is the test's.
        if (facts.Frame is { } frame)
        {
            (file, lineNumber, column) = (frame.File, frame.Line, frame.Column);
        }
        else if (TraceFailures.FailingFrame(Path.Combine(Path.GetDirectoryName(path)!, "trace.zip")) is { } traced)
        {
            // The runner's trace beside it recorded the error's stack.
            (file, lineNumber, column) = (traced.File, traced.Line, traced.Column);
        }
        else if (testFile is not null && testLine is { } declared && sourceFacts.CodeFrameLine is { } marked && marked >= declared && DeclaresTest(testSource, declared))
        {
            (file, lineNumber, column) = (testFile, marked, sourceFacts.CodeFrameColumn);
        }

        var message = FailureFacts.Message(error.Select(l => l.Text).TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)));
        var failure = new TestFailure
        {
            Test = name ?? SourcePath.TestFolder(source),
            Source = source,
            SourceLine = error.Count > 0 ? error[0].Number : 0,
            Message = message.Length > 0 ? message : "failed (error-context.md holds no error details, only the page as it was)",
            NoErrorText = message.Length == 0,
            Block = error,
            File = file,
            Line = lineNumber,
            Column = column,
            TestFile = testFile,
            TestLine = testLine,
            Action = facts.Action,
            Selector = facts.Selector,
            TimeoutMs = facts.TimeoutMs,
            Framework = "playwright",
            Attachments = [source],
        };
        return new ParsedLog(source, LogFormat.PlaywrightErrorContext, [failure], []);
    }

    private static string? Field(List<LogLine> lines, string key)
    {
        var prefix = "- " + key + ":";
        return lines.Select(l => l.Text.Trim()).FirstOrDefault(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))?[prefix.Length..].Trim() is { Length: > 0 } value
            ? value
            : null;
    }

    // The lines inside the first ``` fence, else the section's non-empty lines.
    private static List<LogLine> Fenced(List<LogLine> lines)
    {
        var open = lines.FindIndex(l => l.Text.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (open < 0)
        {
            return [.. lines.Where(l => l.Text.Trim().Length > 0)];
        }

        var close = lines.FindIndex(open + 1, l => l.Text.TrimStart().StartsWith("```", StringComparison.Ordinal));
        return lines[(open + 1)..(close < 0 ? lines.Count : close)];
    }

    // Whether the code frame's line 'declared' is the test's declaration (a test( / it( / test.step call), so the frame
    // shows the test file and not a page object.
    private static bool DeclaresTest(List<LogLine> frame, int declared)
    {
        var prefix = declared.ToString(CultureInfo.InvariantCulture);
        foreach (var l in frame)
        {
            var t = l.Text.TrimStart('>', ' ');
            if (t.StartsWith(prefix, StringComparison.Ordinal) && t.Length > prefix.Length && t[prefix.Length] is ' ' or '|')
            {
                var code = t[(t.IndexOf('|', StringComparison.Ordinal) + 1)..].TrimStart();
                return code.StartsWith("test(", StringComparison.Ordinal) || code.StartsWith("test.", StringComparison.Ordinal) || code.StartsWith("it(", StringComparison.Ordinal);
            }
        }

        return false;
    }


    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+)(?::(?<col>\d+))?$")]
    private static partial Regex Location();
}
