using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads Playwright's JSON reporter output (<c>results.json</c>): suites nested by file and <c>describe</c>, specs,
/// one test per project and one result per attempt. A test failed when its outcome is <c>unexpected</c>; its last
/// failing attempt is reported. Paths are made relative to the config file's folder (where the runner ran), else
/// to rootDir or the project's testDir, so they read like the list reporter's (<c>tests/login.spec.ts</c>).
/// </summary>
internal sealed partial class PlaywrightJsonParser : IStructuredLogParser
{
    private const string Separator = " › ";

    public LogFormat Format => LogFormat.PlaywrightJson;

    public bool CanParse(string fileName, string head)
    {
        if (!JsonReport.TryFindObject(head, out var text))
        {
            return false;
        }

        var hasConfig = text.Contains("\"config\"", StringComparison.Ordinal)
            && (text.Contains("\"rootDir\"", StringComparison.Ordinal) || text.Contains("\"configFile\"", StringComparison.Ordinal)
                || text.Contains("\"testDir\"", StringComparison.Ordinal));
        var hasSuites = text.Contains("\"suites\"", StringComparison.Ordinal) && text.Contains("\"specs\"", StringComparison.Ordinal);
        return hasConfig || hasSuites;
    }

    public ParsedLog Parse(string path, string source, CancellationToken cancellationToken)
    {
        var report = JsonReport.Read(path, source, JsonContext.Default.Report, "Playwright JSON report", "re-run with --reporter=json or pass the text output");
        return Read(report, source, LogFormat.PlaywrightJson, cancellationToken);
    }

    /// <summary>Failures of a report in the JSON reporter's model (also what the HTML and blob reports are read into).</summary>
    internal static ParsedLog Read(Report report, string source, LogFormat format, CancellationToken cancellationToken)
    {
        var roots = Roots(report.Config);
        var found = new List<Found>();
        var passedTests = new List<Found>();
        foreach (var suite in report.Suites ?? [])
        {
            Walk(suite, [], null, found, passedTests, cancellationToken);
        }

        var projects = found.Select(f => f.Test.ProjectName ?? string.Empty).Distinct(StringComparer.Ordinal).Count();
        string Name(Found f) => projects > 1 && !string.IsNullOrEmpty(f.Test.ProjectName) ? $"[{f.Test.ProjectName}]{Separator}{f.Title}" : f.Title;
        var failures = new List<TestFailure>(found.Count);
        foreach (var f in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var failure = ToFailure(f.Test, Name(f), source, roots);
            failures.Add(failure with
            {
                // Spec files are relative to rootDir (the test folder); made relative to the config's folder like the rest.
                TestFile = f.File is { Length: > 0 } file
                    ? SourcePath.Relativize(SourcePath.IsAbsolute(file) || report.Config?.RootDir is not { Length: > 0 } root ? file : root.TrimEnd('/', '\\') + "/" + file, roots)
                    : null,
                TestLine = f.Line > 0 ? f.Line : null,
            });
        }

        var signals = new List<LogSignal>();
        foreach (var error in report.Errors ?? [])
        {
            var text = LogText.StripAnsi(error.Message ?? error.Value ?? string.Empty);
            var lines = text.Split('\n').Where(l => l.Length > 0).Take(100).Select(l => new LogLine(0, l.TrimEnd('\r'))).ToList();
            if (lines.Count > 0)
            {
                signals.Add(new LogSignal(source, lines));
            }
        }

        var passed = report.Stats is { } stats ? stats.Expected + stats.Flaky : passedTests.Count;
        return new ParsedLog(source, format, failures, signals, passed, [.. passedTests.Select(Name)]);
    }

    /// <summary>A test the walk kept: its title path, and where its spec is declared.</summary>
    private sealed record Found(JsonTest Test, string Title, string? File, int Line);

    private static string?[] Roots(JsonConfig? config) =>
    [
        SourcePath.Directory(config?.ConfigFile),
        config?.RootDir,
        .. (config?.Projects ?? []).Select(p => p.TestDir),
    ];

    private static void Walk(JsonSuite suite, List<string> titles, string? file, List<Found> found, List<Found> passed, CancellationToken ct)
    {
        file = suite.File ?? file;
        ct.ThrowIfCancellationRequested();
        var path = new List<string>(titles);
        if (!string.IsNullOrEmpty(suite.Title))
        {
            path.Add(suite.Title);
        }

        foreach (var spec in suite.Specs ?? [])
        {
            foreach (var test in spec.Tests ?? [])
            {
                var title = string.Join(Separator, path.Append(spec.Title ?? string.Empty).Where(t => t.Length > 0));
                if (IsFailed(test))
                {
                    found.Add(new Found(test, title, spec.File ?? file, spec.Line));
                }
                else if (test.Status is "expected" or "flaky")
                {
                    passed.Add(new Found(test, title, spec.File ?? file, spec.Line));
                }
            }
        }

        foreach (var child in suite.Suites ?? [])
        {
            Walk(child, path, file, found, passed, ct);
        }
    }

    private static bool IsFailed(JsonTest test)
    {
        if (test.Status is { } status)
        {
            return status == "unexpected";
        }

        // Older reports have no outcome: the final attempt decides.
        var last = test.Results is { Count: > 0 } results ? results[^1] : null;
        return last is not null && last.Status != "skipped" && last.Status != (test.ExpectedStatus ?? "passed");
    }

    private static TestFailure ToFailure(JsonTest test, string name, string source, string?[] roots)
    {
        var expected = test.ExpectedStatus ?? "passed";
        var results = test.Results ?? [];
        var attempt = results.LastOrDefault(r => r.Status != expected && r.Status != "skipped") ?? (results.Count > 0 ? results[^1] : null);

        var errors = attempt?.Errors is { Count: > 0 } list ? list : attempt?.Error is { } single ? [single] : [];
        var messageLines = new List<string>();
        var factLines = new List<string>();
        foreach (var error in errors)
        {
            var full = LogText.StripAnsi(error.Message ?? error.Value ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal);
            var lines = full.Split('\n');
            if (messageLines.Count > 0)
            {
                messageLines.Add(string.Empty);
            }

            messageLines.AddRange(lines.TakeWhile(l => !FailureFacts.IsCodeFrameOrStack(l)).Where(l => l.Length > 0));
            factLines.AddRange(lines);
            if (error.Stack is { } stack)
            {
                factLines.AddRange(LogText.StripAnsi(stack).Split('\n').Where(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)));
            }
        }

        if (messageLines.Count == 0 && attempt?.Status is "passed" && expected == "failed")
        {
            messageLines.Add("Expected to fail, but passed.");
        }

        var facts = FailureFacts.From(factLines);
        var location = attempt?.ErrorLocation ?? attempt?.Error?.Location ?? errors.Select(e => e.Location).FirstOrDefault(l => l is not null);
        string? file = null;
        int? line = null, column = null;
        if (location is { File: { Length: > 0 } locFile })
        {
            file = SourcePath.Relativize(locFile, roots);
            line = location.Line > 0 ? location.Line : null;
            column = location.Column > 0 ? location.Column : null;
        }
        else if (facts.Frame is { } frame)
        {
            file = SourcePath.Relativize(frame.File, roots);
            line = frame.Line;
            column = frame.Column;
        }

        var message = FailureFacts.Message(messageLines);
        return new TestFailure
        {
            Test = name,
            Source = source,
            Message = message.Length > 0 ? message : $"{attempt?.Status ?? "failed"} (no error message in the report)",
            NoErrorText = message.Length == 0 && factLines.All(l => l.Length == 0),
            Block = factLines.Where(l => l.Length > 0).Take(200).Select(l => new LogLine(0, l)).ToList(),
            File = file,
            Line = line,
            Column = column,
            Action = facts.Action,
            Selector = facts.Selector,
            TimeoutMs = facts.TimeoutMs,
            Framework = "playwright",
            Runner = "playwright-test",
            StartedAt = attempt?.StartTime,
            Duration = attempt is null ? null : TimeSpan.FromMilliseconds(attempt.Duration),
            Attachments = (attempt?.Attachments ?? [])
                .Where(a => !string.IsNullOrEmpty(a.Path))
                .Select(a => SourcePath.Relativize(a.Path!, roots))
                .ToList(),
        };
    }
}
