using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads jest's JSON report (<c>jest --json --outputFile=…</c>) and vitest's, which has the same shape: one entry per
/// test file (<c>testResults[]</c>) with its tests (<c>assertionResults[]</c>: <c>ancestorTitles</c>, <c>title</c>,
/// <c>status</c>, <c>failureMessages</c> — the message followed by the stack). A file that failed without a failed test
/// (it did not compile, an import is missing) is one failure named after the file, with the file's message.
/// Tests are named like Playwright's: <c>checkout.test.js › describe › title</c>.
/// </summary>
internal sealed partial class JestJsonParser : IStructuredLogParser
{
    private const string Separator = " › ";

    public LogFormat Format => LogFormat.JestJson;

    public bool CanParse(string fileName, string head) =>
        JsonReport.TryFindObject(head, out var text)
        && text.Contains("\"numTotalTestSuites\"", StringComparison.Ordinal)
        && (text.Contains("\"testResults\"", StringComparison.Ordinal) || text.Contains("\"numTotalTests\"", StringComparison.Ordinal));

    public ParsedLog Parse(string path, string source, CancellationToken cancellationToken)
    {
        var report = JsonReport.Read(path, source, JestJsonContext.Default.Report, "jest or vitest JSON report", "re-run with --json --outputFile (jest) or --reporter=json --outputFile (vitest), or pass the text output");
        var framework = report.WasInterrupted is not null || report.OpenHandles is not null ? "jest" : "vitest";
        var failures = new List<TestFailure>();
        var passed = new List<string>();
        foreach (var file in report.TestResults ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            var testFile = file.Name is { Length: > 0 } name ? SourcePath.StripCiWorkspace(name) : null;
            var fileTitle = testFile is null ? string.Empty : testFile[(testFile.LastIndexOf('/') + 1)..];
            var anyFailed = false;
            foreach (var test in file.AssertionResults ?? [])
            {
                var title = string.Join(Separator, new[] { fileTitle }.Concat(test.AncestorTitles ?? []).Append(test.Title ?? test.FullName ?? "(unnamed test)").Where(t => t.Length > 0));
                if (test.Status == "failed")
                {
                    anyFailed = true;
                    failures.Add(ToFailure(title, test, testFile, source, framework));
                }
                else if (test.Status == "passed")
                {
                    passed.Add(title);
                }
            }

            if (!anyFailed && file.Status == "failed" && file.Message is { } message && message.Trim().Length > 0)
            {
                failures.Add(FileFailure(fileTitle.Length > 0 ? fileTitle : "(test file)", message, testFile, source, framework));
            }
        }

        return new ParsedLog(source, LogFormat.JestJson, failures, [], Math.Max(report.NumPassedTests, passed.Count), passed);
    }

    private static TestFailure ToFailure(string title, JsonAssertion test, string? testFile, string source, string framework)
    {
        var lines = new List<string>();
        var messageLines = new List<string>();
        foreach (var text in test.FailureMessages ?? [])
        {
            var split = LogText.StripAnsi(text).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
            if (messageLines.Count > 0)
            {
                messageLines.Add(string.Empty);
            }

            messageLines.AddRange(split.TakeWhile(l => !FailureFacts.IsCodeFrameOrStack(l)));
            lines.AddRange(split);
        }

        var message = FailureFacts.Message(messageLines);
        return Build(title, source, message, lines, testFile, framework) with
        {
            NoErrorText = message.Length == 0 && lines.All(l => l.Trim().Length == 0),
            TestLine = test.Location is { Line: > 0 } location ? location.Line : null,
            StartedAt = test.StartAt is > 0d and < 253402300800000d and var at ? DateTimeOffset.FromUnixTimeMilliseconds((long)at) : null,
            Duration = test.Duration is >= 0d and var ms ? TimeSpan.FromMilliseconds(ms) : null,
        };
    }

    /// <summary>A file that could not run: jest prints <c>● Test suite failed to run</c>, then the error, a code frame and the stack.</summary>
    private static TestFailure FileFailure(string title, string text, string? testFile, string source, string framework)
    {
        var lines = LogText.StripAnsi(text).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n')
            .Where(l => !l.TrimStart().StartsWith('●'))
            .ToList();
        var message = FailureFacts.Message(lines.TakeWhile(l => !FailureFacts.IsCodeFrameOrStack(l)));
        var failure = Build(title, source, message, lines, testFile, framework);
        return failure.File is null && testFile is not null ? failure with { File = testFile, Line = FailureFacts.From(lines).CodeFrameLine } : failure;
    }

    private static TestFailure Build(string title, string source, string message, List<string> lines, string? testFile, string framework)
    {
        var facts = FailureFacts.From(lines);
        string? file = null;
        if (facts.Frame is { } frame)
        {
            file = SourcePath.StripCiWorkspace(frame.File);
            if (!SourcePath.IsAbsolute(file) && testFile is not null && testFile.EndsWith("/" + file, StringComparison.Ordinal))
            {
                // jest prints a file's own frames relative to its rootDir; the file's name says where that is.
                file = testFile;
            }
        }

        return new TestFailure
        {
            Test = title,
            Source = source,
            Message = message.Length > 0 ? message : "failed (no error message in the report)",
            Block = lines.Where(l => l.Length > 0).Take(200).Select(l => new LogLine(0, l)).ToList(),
            File = file,
            Line = facts.Frame?.Line,
            Column = facts.Frame?.Column,
            TestFile = testFile,
            Action = facts.Action,
            Selector = facts.Selector,
            TimeoutMs = facts.TimeoutMs,
            Framework = framework,
            Runner = framework,
        };
    }
}
