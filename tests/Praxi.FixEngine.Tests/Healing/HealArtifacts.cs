using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Praxi.FixEngine.Tests.Healing;

/// <summary>
/// A small failed run written by hand into a temp folder: a Playwright list-reporter log whose failure names a
/// locator, and the evidence folder Playwright would have left for it (<c>test-results/&lt;file&gt;-&lt;title&gt;-chromium</c>,
/// which <see cref="FixEngine.Healing.EvidenceLocator"/> ties to the failure by name): a DOM dump, a trace, or both.
/// Or a run that kept only <c>test-results/</c>: an <c>error-context.md</c> per failed test and no log.
/// </summary>
internal sealed class HealArtifacts(string root)
{
    private readonly StringBuilder _log = new();
    private int _failures;

    /// <summary>The run's folder (a fresh temp folder the test owns).</summary>
    public string Root { get; } = root;

    /// <summary>The evidence folder of a test in <c>tests/&lt;file&gt;.spec.ts</c>.</summary>
    public static string Folder(string file, string title) => $"test-results/{file}-{title.Replace(' ', '-')}-chromium";

    /// <summary>A test that timed out waiting for <paramref name="locator"/> (as the message prints it).</summary>
    public HealArtifacts NotFound(string file, string title, string locator, string action = "click") =>
        Failure(file, title, $"TimeoutError: locator.{action}: Timeout 5000ms exceeded.", locator);

    /// <summary>A test whose <paramref name="locator"/> matched two elements.</summary>
    public HealArtifacts StrictModeViolation(string file, string title, string locator) =>
        Failure(file, title, $"Error: locator.click: Error: strict mode violation: {locator} resolved to 2 elements:\n        1) <button>Save</button> aka {locator}.first()\n        2) <button>Save</button> aka {locator}.nth(1)\n", locator);

    public HealArtifacts Dom(string file, string title, string html) => Write(Folder(file, title) + "/dom.html", html);

    public HealArtifacts Write(string relative, string content)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>A library trace (docs/evidence.md#traces) in the test's evidence folder.</summary>
    public HealArtifacts Trace(string file, string title, params TraceCallFixture[] calls)
    {
        var path = Path.Combine(Root, Folder(file, title), "trace.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var lines = new List<string> { JsonSerializer.Serialize(new { version = 10, type = "context-options", origin = "library", sdkLanguage = "javascript", title = $"{file}.spec.ts:3 › {title}" }) };
        foreach (var call in calls)
        {
            lines.Add(JsonSerializer.Serialize(new { type = "before", callId = call.Id, @class = "Frame", method = call.Method, @params = new { selector = call.Selector, strict = true } }));
            foreach (var (frameId, isMain, phase, html) in call.Snapshots)
            {
                lines.Add(JsonSerializer.Serialize(new { type = "frame-snapshot", snapshot = new { callId = call.Id, phase, frameId, isMainFrame = isMain, doctype = "html", html } }));
            }

            lines.Add(call.Error is null
                ? JsonSerializer.Serialize(new { type = "after", callId = call.Id })
                : JsonSerializer.Serialize(new { type = "after", callId = call.Id, error = new { message = call.Error } }));
        }

        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(archive.CreateEntry("trace.trace").Open(), new UTF8Encoding(false));
        writer.Write(string.Join('\n', lines) + "\n");
        return this;
    }

    /// <summary>
    /// The <c>error-context.md</c> Playwright's runner leaves for a test that timed out waiting for <paramref name="locator"/>
    /// (docs/evidence.md#aria-snapshots): test info, the error, the page as an ARIA snapshot, and the test's own source
    /// (<see cref="SpecSource"/>) with the failing line marked, so that the failing call's place is known without a trace.
    /// </summary>
    /// <param name="file">The spec file's name without <c>.spec.ts</c>.</param>
    /// <param name="title">The test's title.</param>
    /// <param name="locator">The locator as the message prints it and the test writes it (<c>locator('#checkout-btn')</c>).</param>
    /// <param name="pageSnapshot">The <c># Page snapshot</c> YAML, its entries at the left margin.</param>
    public HealArtifacts ErrorContext(string file, string title, string locator, string pageSnapshot)
    {
        var error = "TimeoutError: locator.click: Timeout 5000ms exceeded.";
        var source = SpecSource(title, locator).TrimEnd('\n').Split('\n');
        var frame = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var n = i + 1;
            frame.Append(n == FailingLine ? "> " : "  ").Append(n).Append(" | ").Append(source[i]).Append('\n');
            if (n == FailingLine)
            {
                frame.Append("    |").Append(' ', source[i].IndexOf(".click", StringComparison.Ordinal) + 2).Append("^ ").Append(error).Append('\n');
            }
        }

        return Write(Folder(file, title) + "/error-context.md", $"""
            # Instructions

            - Following Playwright test failed.
            - Explain why, be concise, respect Playwright best practices.
            - Provide a snippet of code with the fix, if possible.

            # Test info

            - Name: {file}.spec.ts >> {title}
            - Location: tests/{file}.spec.ts:3:1

            # Error details

            ```
            {error}
            Call log:
              - waiting for {locator}

            ```

            # Page snapshot

            ```yaml
            {pageSnapshot.Trim()}
            ```

            # Test source

            ```ts
            {frame.ToString().TrimEnd()}
            ```
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>The line of <see cref="SpecSource"/> that acts on the locator.</summary>
    public const int FailingLine = 5;

    /// <summary>A spec whose one test opens the page and clicks <paramref name="locator"/> on line <see cref="FailingLine"/>.</summary>
    public static string SpecSource(string title, string locator) => $$"""
        import { test } from '@playwright/test';

        test('{{title}}', async ({ page }) => {
          await page.goto('/');
          await page.{{locator}}.click();
        });

        """;

    /// <summary>Writes the log when a test above printed a failure (a run that kept only test-results/ has none); call last.</summary>
    public string Build()
    {
        if (_failures == 0)
        {
            return Root;
        }

        File.WriteAllText(Path.Combine(Root, "playwright.log"), $"Running {_failures} tests using 1 worker\n\n{_log}\n  {_failures} failed\n");
        return Root;
    }

    /// <summary>
    /// A snapshot node tree: <c>[NAME, {attributes}, children…]</c>. A list, not an array, so that a single child
    /// node passed to <c>params</c> is one child rather than the children array itself.
    /// </summary>
    public static List<object> Node(string name, Dictionary<string, string>? attributes = null, params object[] children) =>
        [name, attributes ?? [], .. children];

    public static List<object> Page(params object[] body) =>
        Node("HTML", null, Node("HEAD"), Node("BODY", null, body));

    private HealArtifacts Failure(string file, string title, string error, string locator)
    {
        _failures++;
        _log.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
              {_failures}) [chromium] › tests/{file}.spec.ts:8:5 › {title} ──────────────────────────────────────

                {error}
                Call log:
                  - waiting for {locator}

                    at /home/runner/work/app/app/tests/{file}.spec.ts:9:40


            """);
        return this;
    }
}

/// <summary>One library call of a hand-written trace, with its snapshots (frame id, main frame, phase, node tree).</summary>
internal sealed record TraceCallFixture(string Id, string Method, string Selector, string? Error, params (string FrameId, bool IsMain, string Phase, List<object> Html)[] Snapshots);
