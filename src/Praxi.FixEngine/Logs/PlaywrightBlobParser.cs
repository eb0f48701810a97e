using System.Text.Json;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads Playwright's blob report (<c>report.jsonl</c> inside <c>blob-report/report-&lt;shard&gt;.zip</c>, what a sharded run
/// uploads for <c>npx playwright merge-reports</c>): one reporter event per line — <c>onConfigure</c> (rootDir),
/// <c>onProject</c> (the suite tree: each test's title path, file and line), <c>onTestBegin</c>/<c>onTestEnd</c>
/// (each attempt's status and errors), <c>onAttach</c> (attachments under <c>resources/</c>). The events are gathered into
/// the JSON reporter's model, so failures are named and placed as from <c>results.json</c>, each with its own trace.
/// </summary>
internal sealed class PlaywrightBlobParser : IStructuredLogParser
{
    /// <summary>Largest report.jsonl read.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public LogFormat Format => LogFormat.PlaywrightBlob;

    public bool CanParse(string fileName, string head)
    {
        var text = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("{\"method\":\"on", StringComparison.Ordinal)
            && (text.Contains("\"onBlobReportMetadata\"", StringComparison.Ordinal) || text.Contains("\"onConfigure\"", StringComparison.Ordinal));
    }

    public ParsedLog Parse(string path, string source, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxBytes)
        {
            throw new FixEngineException($"{source}: the Playwright blob report is larger than {MaxBytes / (1024 * 1024)} MiB; merge it with `npx playwright merge-reports --reporter json` and pass that.");
        }

        var run = new Run(SourcePath.FolderPrefix(source));
        var number = 0;
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                number++;
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Length == 0)
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line, DocumentOptions);
                run.Accept(doc.RootElement);
            }
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"{source}: not a valid Playwright blob report (malformed JSON at line {number}); pass the blob report as Playwright wrote it, or a merged report.", ex);
        }
        catch (IOException ex)
        {
            throw new FixEngineException($"{source}: cannot read the file ({ex.Message}).", ex);
        }

        return PlaywrightJsonParser.Read(run.Report(), source, LogFormat.PlaywrightBlob, cancellationToken);
    }

    /// <summary>The events gathered: the tests the projects declare and the attempts each test made.</summary>
    private sealed class Run(string folder)
    {
        private readonly List<(string File, string Project, string Title, string TestId, int Line, int Column)> _tests = [];
        private readonly Dictionary<string, Attempts> _attempts = new(StringComparer.Ordinal);
        private readonly List<PlaywrightJsonParser.JsonError> _errors = [];
        private readonly List<PlaywrightJsonParser.JsonProject> _projects = [];
        private string? _rootDir;
        private string? _configFile;

        public void Accept(JsonElement e)
        {
            var parameters = e.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            switch (JsonFields.Text(e, "method"))
            {
                case "onConfigure" when parameters.TryGetProperty("config", out var config):
                    _rootDir = JsonFields.Text(config, "rootDir");
                    _configFile = JsonFields.Text(config, "configFile");
                    break;
                case "onProject" when parameters.TryGetProperty("project", out var project):
                    var name = JsonFields.Text(project, "name") ?? string.Empty;
                    _projects.Add(new PlaywrightJsonParser.JsonProject(name, JsonFields.Text(project, "testDir")));
                    foreach (var suite in JsonFields.Items(project, "suites"))
                    {
                        Walk(suite, name, JsonFields.Text(suite, "title") ?? string.Empty, []);
                    }

                    break;
                case "onTestBegin" when JsonFields.Text(parameters, "testId") is { } id && parameters.TryGetProperty("result", out var begun):
                    Of(id).Begin(JsonFields.Text(begun, "id"), JsonFields.Number(begun, "retry"), JsonFields.Number(begun, "startTime"));
                    break;
                case "onAttach" when JsonFields.Text(parameters, "testId") is { } id:
                    Of(id).Attach(JsonFields.Text(parameters, "resultId"), JsonFields.Items(parameters, "attachments").Select(a => JsonFields.Text(a, "path")).OfType<string>().Select(Attachment).OfType<string>());
                    break;
                case "onTestEnd" when parameters.TryGetProperty("test", out var test) && JsonFields.Text(test, "testId") is { } id && parameters.TryGetProperty("result", out var result):
                    var attempts = Of(id);
                    attempts.ExpectedStatus = JsonFields.Text(test, "expectedStatus");
                    attempts.End(JsonFields.Text(result, "id"), JsonFields.Text(result, "status"), JsonFields.Number(result, "duration"), Errors(result),
                        JsonFields.Items(result, "attachments").Select(a => JsonFields.Text(a, "path")).OfType<string>().Select(Attachment).OfType<string>());
                    break;
                case "onError" when parameters.TryGetProperty("error", out var error) && JsonFields.Text(error, "message") is { } message:
                    _errors.Add(new PlaywrightJsonParser.JsonError(message, JsonFields.Text(error, "stack"), null, null));
                    break;
                default:
                    // Steps, output, begin/end and metadata say nothing the failures need.
                    break;
            }
        }

        public PlaywrightJsonParser.Report Report()
        {
            var suites = new List<PlaywrightJsonParser.JsonSuite>();
            foreach (var file in _tests.GroupBy(t => t.File, StringComparer.Ordinal))
            {
                var specs = file.Select(t => new PlaywrightJsonParser.JsonSpec(t.Title, t.File, t.Line, t.Column, [Test(t.TestId, t.Project)])).ToList();
                suites.Add(new PlaywrightJsonParser.JsonSuite(file.Key, file.Key, specs, null));
            }

            var configFile = _configFile is { Length: > 0 } cf && !SourcePath.IsAbsolute(cf) && _rootDir is { Length: > 0 } root ? Combine(root, cf) : _configFile;
            return new PlaywrightJsonParser.Report(new PlaywrightJsonParser.JsonConfig(configFile, _rootDir, _projects), suites, _errors, null);
        }

        private PlaywrightJsonParser.JsonTest Test(string testId, string project)
        {
            var attempts = _attempts.GetValueOrDefault(testId);
            var results = attempts?.Results() ?? [];
            var expected = attempts?.ExpectedStatus ?? "passed";

            // The HTML and JSON reporters' outcome: skipped, expected, flaky (failed, then as expected) or unexpected.
            var outcome = results.Count == 0 || results.All(r => r.Status == "skipped") ? "skipped"
                : results[^1].Status == expected ? (results.Any(r => r.Status != expected) ? "flaky" : "expected")
                : "unexpected";
            return new PlaywrightJsonParser.JsonTest(expected, outcome, project.Length > 0 ? project : null, results);
        }

        private void Walk(JsonElement suite, string project, string file, List<string> titles)
        {
            foreach (var entry in JsonFields.Items(suite, "entries"))
            {
                var title = JsonFields.Text(entry, "title") ?? string.Empty;
                if (JsonFields.Text(entry, "testId") is { } testId)
                {
                    var location = entry.TryGetProperty("location", out var l) ? l : default;
                    _tests.Add((JsonFields.Text(location, "file") ?? file, project, string.Join(" › ", titles.Append(title).Where(t => t.Length > 0)),
                        testId, (int)JsonFields.Number(location, "line"), (int)JsonFields.Number(location, "column")));
                }
                else
                {
                    Walk(entry, project, file, [.. titles, title]);
                }
            }
        }

        private Attempts Of(string testId)
        {
            if (!_attempts.TryGetValue(testId, out var attempts))
            {
                _attempts[testId] = attempts = new Attempts();
            }

            return attempts;
        }

        /// <summary>An attachment path under the report's folder; one that leaves it (rooted, <c>..</c>) is dropped.</summary>
        private string? Attachment(string path) => SourcePath.UnderFolder(folder, path);

        private static string Combine(string root, string relative)
        {
            var parts = root.Replace('\\', '/').TrimEnd('/').Split('/').ToList();
            foreach (var part in relative.Replace('\\', '/').Split('/'))
            {
                if (part == ".." && parts.Count > 1)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (part is not ("." or "" or ".."))
                {
                    parts.Add(part);
                }
            }

            return string.Join('/', parts);
        }

        private static List<PlaywrightJsonParser.JsonError> Errors(JsonElement result) =>
            [.. JsonFields.Items(result, "errors").Select(e => new PlaywrightJsonParser.JsonError(
                JsonFields.Text(e, "message"),
                JsonFields.Text(e, "stack"),
                JsonFields.Text(e, "value"),
                e.TryGetProperty("location", out var l) && JsonFields.Text(l, "file") is { } file ? new PlaywrightJsonParser.JsonLocation(file, (int)JsonFields.Number(l, "line"), (int)JsonFields.Number(l, "column")) : null))];
    }

    /// <summary>One test's attempts, by result id, in the order they began.</summary>
    private sealed class Attempts
    {
        private readonly List<Attempt> _list = [];

        public string? ExpectedStatus { get; set; }

        public void Begin(string? id, double retry, double startTime) =>
            _list.Add(new Attempt(id) { Retry = (int)retry, StartTime = startTime > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)startTime) : null });

        public void Attach(string? id, IEnumerable<string> paths) => Find(id).Attachments.AddRange(paths);

        public void End(string? id, string? status, double duration, List<PlaywrightJsonParser.JsonError> errors, IEnumerable<string> attachments)
        {
            var attempt = Find(id);
            attempt.Status = status;
            attempt.Duration = duration;
            attempt.Errors = errors;
            attempt.Attachments.AddRange(attachments);
        }

        public List<PlaywrightJsonParser.JsonResult> Results() =>
            [.. _list.Where(a => a.Status is not null).Select(a => new PlaywrightJsonParser.JsonResult(
                a.Retry, a.Status, a.Duration, a.StartTime, null, a.Errors, null,
                [.. a.Attachments.Distinct(StringComparer.Ordinal).Select(p => new PlaywrightJsonParser.JsonAttachment(null, null, p))]))];

        private Attempt Find(string? id)
        {
            if (_list.LastOrDefault(a => a.Id == id) is { } found)
            {
                return found;
            }

            var attempt = new Attempt(id);
            _list.Add(attempt);
            return attempt;
        }
    }

    private sealed class Attempt(string? id)
    {
        public string? Id { get; } = id;

        public int Retry { get; init; }

        public DateTimeOffset? StartTime { get; init; }

        public string? Status { get; set; }

        public double Duration { get; set; }

        public List<PlaywrightJsonParser.JsonError> Errors { get; set; } = [];

        public List<string> Attachments { get; } = [];
    }
}
