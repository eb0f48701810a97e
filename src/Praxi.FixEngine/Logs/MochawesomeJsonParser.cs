using System.Text.Json;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads mochawesome's JSON report — what Cypress's mochawesome reporter writes per spec (and mochawesome-merge joins),
/// and what mocha writes with <c>--reporter mochawesome</c>: <c>results[]</c> holds each spec file's root suite, suites
/// nest, and each test or hook has a <c>state</c>, an <c>err</c> (<c>message</c>, <c>estack</c>: the message and the
/// stack) and a <c>context</c> (what <c>addContext</c> added: Cypress setups add the failure screenshot's path). A failed
/// test is a failure, and so is a failed hook (<c>"before each" hook for "…"</c>), which fails the tests under it.
/// Tests are named like Playwright's: <c>checkout.cy.js › describe › title</c>.
/// </summary>
internal sealed partial class MochawesomeJsonParser : IStructuredLogParser
{
    private const string Separator = " › ";

    private static readonly string[] AttachmentExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp4", ".webm", ".html", ".htm", ".zip"];

    public LogFormat Format => LogFormat.MochawesomeJson;

    public bool CanParse(string fileName, string head) =>
        JsonReport.TryFindObject(head, out var text)
        && text.Contains("\"results\"", StringComparison.Ordinal)
        && text.Contains("\"stats\"", StringComparison.Ordinal)
        && (text.Contains("\"passPercent\"", StringComparison.Ordinal) || text.Contains("\"fullFile\"", StringComparison.Ordinal));

    public ParsedLog Parse(string path, string source, CancellationToken cancellationToken)
    {
        var report = JsonReport.Read(path, source, MochawesomeJsonContext.Default.Report, "mochawesome JSON report", "pass the report as the mochawesome reporter wrote it (json=true), or the runner's text output");
        var failures = new List<TestFailure>();
        var passed = new List<string>();
        foreach (var root in report.Results ?? [])
        {
            Walk(root, [], null, source, failures, passed, cancellationToken);
        }

        return new ParsedLog(source, LogFormat.MochawesomeJson, failures, [], Math.Max(report.Stats?.Passes ?? 0, passed.Count), passed);
    }

    private static void Walk(JsonSuite suite, List<string> titles, string? file, string source, List<TestFailure> failures, List<string> passed, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        file = SpecFile(suite) ?? file;
        var path = new List<string>(titles);
        if (path.Count == 0 && file is not null)
        {
            path.Add(file[(file.LastIndexOf('/') + 1)..]);
        }

        if (!string.IsNullOrEmpty(suite.Title))
        {
            path.Add(suite.Title);
        }

        foreach (var hook in suite.BeforeHooks ?? [])
        {
            Add(hook, path, file, source, failures, passed: null);
        }

        foreach (var test in suite.Tests ?? [])
        {
            Add(test, path, file, source, failures, passed);
        }

        foreach (var hook in suite.AfterHooks ?? [])
        {
            Add(hook, path, file, source, failures, passed: null);
        }

        foreach (var child in suite.Suites ?? [])
        {
            Walk(child, path, file, source, failures, passed, ct);
        }
    }

    /// <summary>The spec file: Cypress writes it relative to the project (<c>cypress/e2e/x.cy.js</c>), mocha relative to its working folder with a leading slash.</summary>
    private static string? SpecFile(JsonSuite suite)
    {
        if (suite.File is { Length: > 0 } file)
        {
            return file.Replace('\\', '/').TrimStart('/');
        }

        return suite.FullFile is { Length: > 0 } full ? SourcePath.StripCiWorkspace(full) : null;
    }

    private static void Add(JsonTest test, List<string> path, string? file, string source, List<TestFailure> failures, List<string>? passed)
    {
        var title = string.Join(Separator, path.Append(test.Title ?? "(unnamed test)").Where(t => t.Length > 0));
        if (test.State == "failed" || test.Fail)
        {
            failures.Add(ToFailure(title, test, file, source));
        }
        else if (test.State == "passed")
        {
            passed?.Add(title);
        }
    }

    private static TestFailure ToFailure(string title, JsonTest test, string? file, string source)
    {
        var message = LogText.StripAnsi(test.Err?.Message ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal);
        var stack = LogText.StripAnsi(test.Err?.Estack ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var lines = stack.Any(l => l.Trim().Length > 0) ? stack : message.Split('\n');
        var facts = FailureFacts.From(lines);
        var text = FailureFacts.Message(message.Split('\n').TakeWhile(l => !FailureFacts.IsCodeFrameOrStack(l)));
        if (text.Length == 0)
        {
            text = FailureFacts.Message(lines.TakeWhile(l => !FailureFacts.IsCodeFrameOrStack(l)));
        }

        var all = string.Join('\n', lines);
        var cypress = (file is not null && (file.Contains(".cy.", StringComparison.Ordinal) || file.StartsWith("cypress/", StringComparison.Ordinal)))
            || all.Contains("__cypress", StringComparison.Ordinal) || all.Contains("cypress_runner", StringComparison.Ordinal);
        return new TestFailure
        {
            Test = title,
            Source = source,
            Message = text.Length > 0 ? text : "failed (no error message in the report)",
            NoErrorText = text.Length == 0,
            Block = lines.Where(l => l.Length > 0).Take(200).Select(l => new LogLine(0, l)).ToList(),
            File = facts.Frame is { } frame ? SourcePath.StripCiWorkspace(frame.File) : null,
            Line = facts.Frame?.Line,
            Column = facts.Frame?.Column,
            TestFile = file,
            Action = facts.Action,
            Selector = facts.Selector,
            TimeoutMs = facts.TimeoutMs,
            Framework = cypress ? "cypress" : "mocha",
            Runner = cypress ? "cypress" : "mocha",
            Duration = test.Duration is >= 0d and var ms ? TimeSpan.FromMilliseconds(ms) : null,
            Attachments = Attachments(test.Context),
        };
    }

    /// <summary>
    /// File paths among the test's context values: mochawesome stores what <c>addContext</c> got as JSON text — a string,
    /// a <c>{ title, value }</c> object, or an array of them.
    /// </summary>
    private static List<string> Attachments(JsonElement? context)
    {
        var found = new List<string>();
        if (context is not { } element)
        {
            return found;
        }

        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text)
        {
            try
            {
                using var inner = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
                Collect(inner.RootElement, found, 0);
            }
            catch (JsonException)
            {
                AddPath(text, found);
            }
        }
        else
        {
            Collect(element, found, 0);
        }

        return found;
    }

    private static void Collect(JsonElement element, List<string> found, int depth)
    {
        if (depth > 4 || found.Count >= 50)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                AddPath(element.GetString()!, found);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found, depth + 1);
                }

                break;
            case JsonValueKind.Object when element.TryGetProperty("value", out var value):
                Collect(value, found, depth + 1);
                break;
        }
    }

    private static void AddPath(string value, List<string> found)
    {
        var v = value.Trim();
        if (v.Length is > 0 and < 1024 && !v.Contains('\n', StringComparison.Ordinal)
            && AttachmentExtensions.Any(e => v.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !found.Contains(v, StringComparer.Ordinal))
        {
            found.Add(v.Replace('\\', '/'));
        }
    }
}
