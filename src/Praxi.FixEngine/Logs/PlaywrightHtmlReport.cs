using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads Playwright's HTML report (<c>playwright-report/</c>, what <c>npm init playwright</c> sets up and most
/// workflows upload). Its <c>index.html</c> embeds the report data as a base64 zip — in a
/// <c>&lt;template id="playwrightReportBase64"&gt;</c> since 1.4x, in <c>window.playwrightReportBase64 = "…"</c> before —
/// holding <c>report.json</c> (files, tests, outcomes, stats) and one JSON per test file (each test's attempts with
/// their errors, steps and attachments). Attachments (traces, error-context.md, screenshots, DOM dumps) are files
/// under <c>data/</c> named by hash; they are returned relative to the analysed folder, so the healer finds each
/// test's own trace. The report is read into the JSON reporter's model, so failures are named and placed as from
/// <c>results.json</c>.
/// </summary>
internal static class PlaywrightHtmlReport
{
    /// <summary>The report's page, which carries the data.</summary>
    public const string IndexName = "index.html";

    /// <summary>Largest <c>index.html</c> read.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>Most entries the embedded zip may have (report.json and one JSON per test file).</summary>
    public const int MaxEntries = 100_000;

    /// <summary>Most bytes the embedded zip may expand to.</summary>
    public const long MaxExpandedBytes = 2L * 1024 * 1024 * 1024;

    private const string What = "Playwright HTML report";

    private static readonly byte[] Marker = "playwrightReportBase64"u8.ToArray();

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256, AllowTrailingCommas = true };

    /// <summary>True when <paramref name="path"/> is an <c>index.html</c> that carries Playwright report data.</summary>
    public static bool IsReport(string path)
    {
        if (!string.Equals(Path.GetFileName(path), IndexName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxBytes)
            {
                return info.Exists;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
            var buffer = new byte[1024 * 1024];
            var kept = 0;
            int read;
            while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
            {
                var filled = kept + read;
                if (buffer.AsSpan(0, filled).IndexOf(Marker) >= 0)
                {
                    return true;
                }

                // Keep the tail so a marker split across two reads is still seen.
                kept = Math.Min(Marker.Length - 1, filled);
                buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
            }

            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads the report whose page is <paramref name="path"/>; <paramref name="source"/> is that page relative to the analysed folder; the embedded zip may expand to <paramref name="maxExpandedBytes"/>.</summary>
    /// <exception cref="FixEngineException">The page is too large, carries no report data, or the data is malformed (one line).</exception>
    public static ParsedLog Parse(string path, string source, CancellationToken cancellationToken, long maxExpandedBytes = MaxExpandedBytes)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            throw new FixEngineException($"{source}: the {What} is larger than {MaxBytes / (1024 * 1024)} MiB; pass results.json or the test-results folder instead.");
        }

        string html;
        try
        {
            html = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (IOException ex)
        {
            throw new FixEngineException($"{source}: cannot read the file ({ex.Message}).", ex);
        }

        var data = EmbeddedZip(html, source);
        var folder = SourcePath.FolderPrefix(source);
        using var stream = new MemoryStream(data, writable: false);
        using var archive = BoundedZip.Open(stream, source, MaxEntries, What);
        var budget = new StrongBox<long>(maxExpandedBytes);

        var index = Document(archive, "report.json", source, budget)
            ?? throw new FixEngineException($"{source}: the {What}'s data holds no report.json; regenerate the report with `npx playwright show-report`'s version or pass results.json.");
        using (index)
        {
            var root = index.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                throw new FixEngineException($"{source}: the {What}'s report.json has no list of files; it is not a report praxi reads.");
            }

            var suites = new List<PlaywrightJsonParser.JsonSuite>();
            foreach (var file in files.EnumerateArray())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fileId = JsonFields.Text(file, "fileId");
                var fileName = JsonFields.Text(file, "fileName");

                // Each file's tests with their attempts are in <fileId>.json; the summary in report.json lacks the attempts.
                using var detail = fileId is { Length: > 0 } && IsPlainName(fileId) ? Document(archive, fileId + ".json", source, budget) : null;
                var tests = detail is not null && detail.RootElement.ValueKind == JsonValueKind.Object && detail.RootElement.TryGetProperty("tests", out var full)
                    ? full
                    : file.TryGetProperty("tests", out var summary) ? summary : default;
                if (tests.ValueKind != JsonValueKind.Array)
                {
                    throw new FixEngineException($"{source}: the {What} lists file '{fileName ?? fileId}' without its tests; the report data is malformed.");
                }

                suites.Add(new PlaywrightJsonParser.JsonSuite(fileName, fileName, [.. tests.EnumerateArray().Select(t => Spec(t, fileName, folder))], null));
            }

            // The report keeps no config: the test folder is where an absolute stack frame ends in a test's file, so
            // places read relative to it as the JSON reporter's do (pages/product-page.ts, not the CI machine's path).
            var config = TestFolder(suites) is { } testDir ? new PlaywrightJsonParser.JsonConfig(null, testDir, null) : null;
            var report = new PlaywrightJsonParser.Report(config, suites, Errors(root), Stats(root));
            return PlaywrightJsonParser.Read(report, source, LogFormat.PlaywrightHtml, cancellationToken);
        }
    }

    private static byte[] EmbeddedZip(string html, string source)
    {
        // The viewer's script names the marker too (to remove the template once read): the data is the occurrence
        // followed, within a few characters, by the data URL's base64 prefix.
        const string Prefix = "base64,";
        var start = -1;
        for (var at = html.IndexOf("playwrightReportBase64", StringComparison.Ordinal); at >= 0 && start < 0;
             at = html.IndexOf("playwrightReportBase64", at + 1, StringComparison.Ordinal))
        {
            var prefix = html.IndexOf(Prefix, at, Math.Min(200, html.Length - at), StringComparison.Ordinal);
            start = prefix >= 0 && html.AsSpan(at, prefix - at).Contains("data:application/zip", StringComparison.Ordinal) ? prefix : -1;
        }

        if (start < 0)
        {
            throw new FixEngineException($"{source}: this index.html carries no Playwright report data (no base64 zip after playwrightReportBase64); pass the playwright-report folder as Playwright wrote it.");
        }

        start += Prefix.Length;
        var end = html.IndexOfAny(['<', '"', '\''], start);
        var text = end < 0 ? html[start..] : html[start..end];
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new FixEngineException($"{source}: the {What}'s embedded data is not valid base64 ({text.Length} characters); the page is truncated or damaged.");
        }
    }

    private static JsonDocument? Document(System.IO.Compression.ZipArchive archive, string name, string source, StrongBox<long> budget)
    {
        if (archive.GetEntry(name) is not { } entry)
        {
            return null;
        }

        var text = string.Join('\n', BoundedZip.ReadLines(entry, budget, source, What));
        try
        {
            return JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            throw new FixEngineException($"{source}: the {What}'s {name} is not valid JSON{where}; the report data is malformed.", ex);
        }
    }

    /// <summary>A test of the report as the JSON reporter's spec with one test: title path, project, outcome, attempts.</summary>
    private static PlaywrightJsonParser.JsonSpec Spec(JsonElement test, string? fileName, string folder)
    {
        var title = JsonFields.Text(test, "title") ?? string.Empty;
        if (test.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array)
        {
            // describe() titles, outermost first.
            var describes = path.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).Where(p => p.Length > 0);
            title = string.Join(" › ", describes.Append(title));
        }

        int line = 0, column = 0;
        var file = fileName;
        if (test.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object)
        {
            file = JsonFields.Text(location, "file") ?? fileName;
            line = JsonFields.Int(location, "line");
            column = JsonFields.Int(location, "column");
        }

        var results = test.TryGetProperty("results", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => Result(r, folder)).ToList()
            : [];
        var outcome = JsonFields.Text(test, "outcome");
        return new PlaywrightJsonParser.JsonSpec(title, file, line, column, [new PlaywrightJsonParser.JsonTest(null, outcome, JsonFields.Text(test, "projectName"), results)]);
    }

    private static PlaywrightJsonParser.JsonResult Result(JsonElement result, string folder)
    {
        var errors = Errors(result);
        var attachments = new List<PlaywrightJsonParser.JsonAttachment>();
        if (result.TryGetProperty("attachments", out var files) && files.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in files.EnumerateArray())
            {
                // Attachments kept inline (a body, no path) are not files; paths are relative to the report's folder.
                if (JsonFields.Text(attachment, "path") is { Length: > 0 } file && SourcePath.UnderFolder(folder, file) is { } under)
                {
                    attachments.Add(new PlaywrightJsonParser.JsonAttachment(JsonFields.Text(attachment, "name"), JsonFields.Text(attachment, "contentType"), under));
                }
            }
        }

        DateTimeOffset? started = result.TryGetProperty("startTime", out var start) && start.ValueKind == JsonValueKind.String && start.TryGetDateTimeOffset(out var at) ? at : null;
        var duration = result.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : 0;
        return new PlaywrightJsonParser.JsonResult(JsonFields.Int(result, "retry"), JsonFields.Text(result, "status"), duration, started, null, errors, null, attachments);
    }

    /// <summary>The test folder on the machine that ran: the part before a test's file name in an absolute stack frame of its errors.</summary>
    private static string? TestFolder(List<PlaywrightJsonParser.JsonSuite> suites)
    {
        foreach (var spec in suites.SelectMany(s => s.Specs ?? []))
        {
            if (spec.File is not { Length: > 0 } file || SourcePath.IsAbsolute(file))
            {
                continue;
            }

            var tail = "/" + file.Replace('\\', '/');
            var messages = (spec.Tests ?? []).SelectMany(t => t.Results ?? []).SelectMany(r => r.Errors ?? []).Select(e => e.Message ?? string.Empty);
            var frames = messages.SelectMany(m => LogText.StripAnsi(m).Split('\n')).Select(l => StackFrame.TryParse(l, out var frame) ? frame : null).OfType<StackFrame>();
            if (frames.Select(f => f.File.Replace('\\', '/')).FirstOrDefault(f => SourcePath.IsAbsolute(f) && f.EndsWith(tail, StringComparison.Ordinal)) is { } path)
            {
                return path[..^tail.Length];
            }
        }

        return null;
    }

    /// <summary>The <c>errors</c> of a result or of the run: strings in older reports, <c>{ message, codeframe }</c> in newer ones.</summary>
    private static List<PlaywrightJsonParser.JsonError> Errors(JsonElement owner)
    {
        var errors = new List<PlaywrightJsonParser.JsonError>();
        if (owner.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in list.EnumerateArray())
            {
                var message = error.ValueKind == JsonValueKind.String ? error.GetString() : JsonFields.Text(error, "message");
                if (!string.IsNullOrEmpty(message))
                {
                    errors.Add(new PlaywrightJsonParser.JsonError(message, null, null, null));
                }
            }
        }

        return errors;
    }

    private static PlaywrightJsonParser.JsonStats? Stats(JsonElement root) =>
        root.TryGetProperty("stats", out var stats) && stats.ValueKind == JsonValueKind.Object
            ? new PlaywrightJsonParser.JsonStats(JsonFields.Int(stats, "expected"), JsonFields.Int(stats, "unexpected"), JsonFields.Int(stats, "flaky"), JsonFields.Int(stats, "skipped"))
            : null;

    private static bool IsPlainName(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
