using System.Text;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads a run's artifacts — one file or a folder — detecting each file's format by content: whole-document
/// formats go to their parser, every other text file is streamed once through all line parsers and the
/// generic block scanner.
/// </summary>
internal sealed class ArtifactReader(IBlockScorer scorer)
{
    private const int HeadBytes = 8 * 1024;

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "node_modules", ".git", "bin", "obj", ".playwright", "playwright-report", "resources",
    };

    /// <summary>Skipped folders that may hold an HTML report (searched for its page only).</summary>
    private static readonly HashSet<string> ReportFolders = new(StringComparer.OrdinalIgnoreCase) { "playwright-report" };

    private static readonly HashSet<string> SkippedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".webm", ".mp4", ".zip", ".gz", ".tgz", ".tar", ".7z", ".html", ".htm",
        ".css", ".map", ".woff", ".woff2", ".ttf", ".ico", ".svg", ".pdf", ".dll", ".exe", ".so", ".pdb", ".db", ".sqlite",
        ".trace", ".network", ".stacks", ".har", ".snap", ".lock", ".js", ".mjs", ".cjs", ".ts", ".cs", ".py", ".csproj", ".sln",
    };

    /// <summary>Files whose content is evidence for later stages, not runner output (page snapshots, DOM dumps).</summary>
    private static readonly HashSet<string> SkippedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "error-context.md", ".last-run.json", "package.json", "package-lock.json", "labels.json", "praxi.json", "analysis.json",
    };

    public IReadOnlyList<ParsedLog> Read(string path, CancellationToken cancellationToken)
    {
        // An artifact zip (a downloaded CI artifact, several traces bundled) is read as the folder it holds.
        using var unpacked = ArtifactFolder.Open(path);
        return unpacked.Unpacked ? ReadPath(unpacked.Path, cancellationToken) : ReadPath(path, cancellationToken);
    }

    private List<ParsedLog> ReadPath(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if (full.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                // A trace given alone (an artifact zip was unpacked above): what it recorded is the failure.
                return [TraceFailures.ReadAlone(full, Path.GetFileName(full))];
            }

            if (PlaywrightHtmlReport.IsReport(full))
            {
                return [PlaywrightHtmlReport.Parse(full, Path.GetFileName(full), cancellationToken)];
            }

            var single = ReadFile(full, Path.GetFileName(full), explicitFile: true, cancellationToken);
            return single is null ? [] : [single];
        }

        if (!Directory.Exists(full))
        {
            throw new FixEngineException($"'{path}' does not exist: pass a log file or a folder of CI artifacts.");
        }

        // Playwright's HTML reports (playwright-report/, or wherever outputFolder put one): read from their embedded
        // data; their folders (attachments by hash, the viewer's files) are not walked as logs.
        string Relative(string file) => Path.GetRelativePath(full, file).Replace('\\', '/');
        var logs = new List<ParsedLog>();
        var reports = HtmlReports(full).ToList();
        foreach (var report in reports)
        {
            cancellationToken.ThrowIfCancellationRequested();
            logs.Add(PlaywrightHtmlReport.Parse(report, Relative(report), cancellationToken));
        }

        var reportFolders = reports.Select(Path.GetDirectoryName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in EnumerateFiles(full, skippedFolders: reportFolders))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = Relative(file);
            var parsed = ReadFile(file, source, explicitFile: false, cancellationToken);
            if (parsed is not null)
            {
                logs.Add(parsed);
            }
        }

        if (!logs.Any(l => l.Failures.Count > 0))
        {
            // A test-results folder kept without the console output (other files may be there, a server log, a seed
            // log, but none reports a test): the runner's error-context.md files say what failed.
            foreach (var file in ErrorContexts(full))
            {
                cancellationToken.ThrowIfCancellationRequested();
                logs.Add(ErrorContextParser.Parse(file, Relative(file), cancellationToken));
            }
        }

        string? refused = null;
        var traces = 0;
        if (!logs.Any(l => l.Failures.Count > 0))
        {
            // Nor error-context.md: the traces' recorded errors (a library trace has no error-context beside it).
            foreach (var file in EnumerateFiles(full, includeEvidence: true, includeArchives: true, skippedFolders: reportFolders).Where(f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    traces++;
                    if (TraceFailures.Read(file, Relative(file)) is { } traced)
                    {
                        logs.Add(traced);
                    }
                }
                catch (FixEngineException ex)
                {
                    refused ??= ex.Message;
                }
            }
        }

        if (logs.Count == 0)
        {
            throw new FixEngineException(refused ?? (traces > 0
                ? $"'{path}' holds no runner output or logs, and its {traces} zip file(s) record no failed call (looked for text logs, Playwright, jest, vitest and mochawesome JSON, JUnit XML, TRX and NUnit XML files, error-context.md and traces)."
                : $"'{path}' holds no runner output or logs (looked for text logs, Playwright, jest, vitest and mochawesome JSON, JUnit XML, TRX and NUnit XML files, error-context.md and traces)."));
        }

        return logs;
    }

    /// <summary>The error-context files under <paramref name="root"/>: by the runner's name, or another <c>.md</c> that reads as one.</summary>
    private static IEnumerable<string> ErrorContexts(string root) =>
        EnumerateFiles(root, includeEvidence: true).Where(IsErrorContext);

    private static bool IsErrorContext(string file) =>
        string.Equals(Path.GetFileName(file), ErrorContextParser.FileName, StringComparison.OrdinalIgnoreCase)
        || (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && ErrorContextParser.LooksLike(ReadHead(file, out var binary)) && !binary);

    /// <summary>The <c>index.html</c> pages of Playwright HTML reports under <paramref name="root"/>.</summary>
    private static IEnumerable<string> HtmlReports(string root) =>
        EnumerateFiles(root, includeReports: true)
            .Where(f => string.Equals(Path.GetFileName(f), PlaywrightHtmlReport.IndexName, StringComparison.OrdinalIgnoreCase) && PlaywrightHtmlReport.IsReport(f));

    private static IEnumerable<string> EnumerateFiles(
        string root, bool includeEvidence = false, bool includeArchives = false, bool includeReports = false, HashSet<string?>? skippedFolders = null)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(dir, "*", options).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var extension = Path.GetExtension(name);
                if ((!SkippedExtensions.Contains(extension) || (includeArchives && extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
                        || (includeReports && name.Equals(PlaywrightHtmlReport.IndexName, StringComparison.OrdinalIgnoreCase)))
                    && (includeEvidence || !SkippedNames.Contains(name)))
                {
                    yield return file;
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(dir, "*", options).OrderDescending(StringComparer.Ordinal))
            {
                var folder = Path.GetFileName(sub);
                if ((!SkippedDirectories.Contains(folder) || (includeReports && ReportFolders.Contains(folder))) && skippedFolders?.Contains(sub) != true)
                {
                    pending.Push(sub);
                }
            }
        }
    }

    private ParsedLog? ReadFile(string file, string source, bool explicitFile, CancellationToken cancellationToken)
    {
        var head = ReadHead(file, out var binary);
        if (binary)
        {
            return explicitFile
                ? throw new FixEngineException($"'{source}' is a binary file, not a log: pass runner output (text, JSON reporter, JUnit XML, TRX or NUnit XML).")
                : null;
        }

        var name = Path.GetFileName(file);
        if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && ErrorContextParser.LooksLike(head))
        {
            // An error-context file under another name: the failure it describes when given alone; in a folder, evidence
            // read after the runner's output (as error-context.md is).
            return explicitFile ? ErrorContextParser.Parse(file, source, cancellationToken) : null;
        }

        foreach (var parser in LogParsers.Structured)
        {
            if (parser.CanParse(name, head))
            {
                return parser.Parse(file, source, cancellationToken);
            }
        }

        var trimmed = head.AsSpan().TrimStart();
        if (!explicitFile && (trimmed.StartsWith("<?xml", StringComparison.Ordinal) || trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[{", StringComparison.Ordinal)))
        {
            // Some other document (config, data): not runner output.
            return null;
        }

        if (explicitFile && trimmed.StartsWith("<?xml", StringComparison.Ordinal))
        {
            throw new FixEngineException($"'{source}' is XML but neither JUnit, TRX nor NUnit XML: pass such a report, or the runner's text output.");
        }

        return ReadText(file, source, cancellationToken);
    }

    private ParsedLog ReadText(string file, string source, CancellationToken cancellationToken)
    {
        var parsers = LogParsers.CreateTextParsers(source);
        var scanner = new GenericBlockScanner(source, scorer);
        using (var reader = LogLineReader.Open(file))
        {
            var count = 0;
            while (reader.TryRead(out var line))
            {
                foreach (var parser in parsers)
                {
                    parser.Accept(line);
                }

                scanner.Accept(line);
                if ((++count & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        var failures = new List<TestFailure>();
        var format = LogFormat.PlainText;
        foreach (var parser in parsers)
        {
            var found = parser.Complete();
            if (found.Count > 0)
            {
                failures.AddRange(found);
                format = format == LogFormat.PlainText ? parser.Format : format;
            }
        }

        var signals = scanner.Complete();
        if (failures.Count > 0)
        {
            // A block whose evidence is all inside a reported failure's own text is not a separate signal.
            var covered = new HashSet<int>(failures.SelectMany(f => f.Block.Select(l => l.Number)));
            signals = [.. signals.Where(s => s.Lines.Any(l => !covered.Contains(l.Number) && (scorer.IsEvidenceLine(l.Text) || GenericBlockScanner.IsFailureLine(l.Text))))];
        }

        if (format == LogFormat.PlainText && LooksLikeBackendLog(signals))
        {
            format = LogFormat.BackendLog;
        }

        // Nothing recognised: a second pass gathers the lines that look like trouble for the judge. Only then, so
        // the common path (a failure was found) pays nothing for it.
        var suspect = failures.Count == 0 && signals.Count == 0 ? SuspectLines.Read(file, cancellationToken) : [];
        return new ParsedLog(source, format, failures, signals) { Suspect = suspect };
    }

    private static bool LooksLikeBackendLog(IReadOnlyList<LogSignal> signals) =>
        signals.Count > 0 && signals.Any(s => s.Timestamp is not null || s.RequestPath is not null);

    private static string ReadHead(string file, out bool binary)
    {
        var buffer = new byte[HeadBytes];
        int read;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FixEngineException($"Cannot read '{file}': {ex.Message}");
        }

        var span = buffer.AsSpan(0, read);
        binary = span.Contains((byte)0) && !(span.Length >= 2 && (span[0] == 0xFF && span[1] == 0xFE || span[0] == 0xFE && span[1] == 0xFF));
        return Encoding.UTF8.GetString(span);
    }
}
