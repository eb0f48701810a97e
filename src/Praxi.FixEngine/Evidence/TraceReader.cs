using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Praxi.FixEngine.Evidence;

/// <summary>
/// Reads a Playwright <c>trace.zip</c> (docs/evidence.md#traces): the library calls of <c>*-trace.trace</c> (runner
/// traces) or <c>trace.trace</c> (library tracing), and their frame snapshots. The archive comes from outside, so it is
/// bounded: entry count, declared and actual uncompressed bytes; malformed lines are skipped. Every format from v3 is
/// read: v3 records a call as one <c>action</c> event (its <c>metadata</c> holds id, type, method, params and error);
/// v4 on as <c>before</c>/<c>after</c> pairs; before v10 a snapshot names its call and phase in <c>snapshotName</c>
/// (<c>before@call@9</c>) rather than in <c>callId</c> and <c>phase</c>. A call's stack is the v3 metadata's
/// <c>stack</c>, else its entry in <c>*.stacks</c> (v4 on; keyed by the number of <c>call@N</c> before v10, by the call
/// id from v10). Formats v1 and v2 are refused in one line.
/// </summary>
internal static class TraceReader
{
    /// <summary>An archive with more entries than this is refused.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>The trace entries together may not hold more uncompressed bytes than this.</summary>
    public const long MaxTraceBytes = 256L * 1024 * 1024;

    // Each DOM level is one JSON array level; the default of 64 would silently drop the snapshots of deep pages.
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = SnapshotRenderer.MaxDepth + 8 };

    /// <summary>Reads the trace at <paramref name="path"/>.</summary>
    /// <exception cref="FixEngineException">The file is missing, not a zip, or exceeds the limits.</exception>
    public static TraceEvidence Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var archive = BoundedZip.Open(path, MaxEntries, "trace");
        var entries = archive.Entries.Where(e => TraceArchive.IsCallTrace(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        var stacks = archive.Entries.Where(e => TraceArchive.IsCallStacks(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        var declared = 0L;
        foreach (var entry in entries.Concat(stacks))
        {
            declared += entry.Length;
            if (entry.Length > MaxTraceBytes || declared > MaxTraceBytes)
            {
                throw new FixEngineException($"The trace {path} declares more than {MaxTraceBytes} uncompressed bytes in its trace entries; it is refused as a possible zip bomb.");
            }
        }

        var state = new ReadState();
        var budget = new StrongBox<long>(MaxTraceBytes);
        try
        {
            foreach (var entry in entries)
            {
                foreach (var line in BoundedZip.ReadLines(entry, budget, path, "trace"))
                {
                    state.Accept(line);
                }
            }

            // The client's stacks of the calls: one JSON object per entry (every context's entry holds the same stacks).
            foreach (var entry in stacks)
            {
                state.AcceptStacks(string.Join('\n', BoundedZip.ReadLines(entry, budget, path, "trace")));
            }

            // The runner's own record of the test: only its errors (its steps are not library calls).
            if (archive.GetEntry(TraceArchive.TestTrace) is { } test)
            {
                foreach (var line in BoundedZip.ReadLines(test, budget, path, "trace"))
                {
                    state.AcceptTestLine(line);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FixEngineException($"Cannot read the trace {path}: {ex.Message} Pass a trace.zip written by Playwright.", ex);
        }

        if (state.Version is { } version and < MinVersion)
        {
            throw new FixEngineException($"The trace {path} is in trace format v{version}{WrittenBy(state.PlaywrightVersion)}, which praxi does not read (it reads v{MinVersion} and later, Playwright 1.21+); rerun with a newer Playwright to heal from it.");
        }

        var evidence = state.ToEvidence(path);
        if (state.Version is { } newer and > MaxKnownVersion && evidence.Calls.Count == 0)
        {
            throw new FixEngineException($"The trace {path} is in trace format v{newer}{WrittenBy(state.PlaywrightVersion)}, newer than praxi reads (v{MinVersion}–v{MaxKnownVersion}, Playwright 1.21–1.65), and no call could be read from it.");
        }

        return evidence;
    }

    /// <summary>The oldest trace format read (<c>context-options.version</c>; Playwright 1.21).</summary>
    public const int MinVersion = 3;

    /// <summary>The newest trace format known (Playwright 1.65); a newer one is read as far as its events are known.</summary>
    public const int MaxKnownVersion = 10;

    /// <summary>How many leading lines of a call trace are searched for its <c>context-options</c> event.</summary>
    private const int HeaderLines = 16;

    /// <summary>
    /// What a trace says about itself in its <c>context-options</c> event, read without reading its calls: enough to
    /// recognise a trace by its content whatever its file is called, and to tell which test it belongs to.
    /// </summary>
    /// <returns>The header, or null when the file is not a Playwright trace (not a zip, no trace entry at its root).</returns>
    public static TraceHeader? ReadHeader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var archive = BoundedZip.Open(path, MaxEntries, "trace");
            if (!TraceArchive.IsTrace(archive))
            {
                return null;
            }

            var budget = new StrongBox<long>(MaxTraceBytes);
            foreach (var entry in archive.Entries.Where(e => TraceArchive.IsCallTrace(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var state = new ReadState();
                foreach (var line in BoundedZip.ReadLines(entry, budget, path, "trace").Take(HeaderLines))
                {
                    state.Accept(line);
                    if (state.Version is not null)
                    {
                        return new TraceHeader(path, state.Version, state.Title, state.PlaywrightVersion, state.WallTime);
                    }
                }
            }

            return new TraceHeader(path, null, null, null, null);
        }
        catch (Exception ex) when (ex is FixEngineException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    private static string WrittenBy(string? playwrightVersion) =>
        playwrightVersion is null ? string.Empty : $" (written by Playwright {playwrightVersion})";

    private sealed class ReadState
    {
        private readonly List<string> _order = [];
        private readonly Dictionary<string, Call> _calls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<TraceSnapshot>> _frames = new(StringComparer.Ordinal);
        private string? _sdkLanguage;
        private string? _playwrightVersion;
        private string? _title;
        private int _skipped;

        private readonly List<TraceError> _testErrors = [];
        private readonly Dictionary<string, IReadOnlyList<TraceFrame>> _stacks = new(StringComparer.Ordinal);

        /// <summary>The trace format (<c>context-options.version</c>), when the trace says it.</summary>
        public int? Version { get; private set; }

        /// <summary>The Playwright version that wrote the trace, when it says it.</summary>
        public string? PlaywrightVersion => _playwrightVersion;

        /// <summary>The test's title the trace was started with, when it has one.</summary>
        public string? Title => _title;

        /// <summary>When the context was created (<c>context-options.wallTime</c>, ms since the epoch), when the trace says it.</summary>
        public double? WallTime { get; private set; }

        public void Accept(string line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                return;
            }

            JsonElement e;
            try
            {
                using var document = JsonDocument.Parse(line, JsonOptions);
                e = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                _skipped++;
                return;
            }

            if (e.ValueKind != JsonValueKind.Object)
            {
                _skipped++;
                return;
            }

            switch (String(e, "type"))
            {
                case "context-options":
                    Version ??= e.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v) ? v : null;
                    _sdkLanguage ??= String(e, "sdkLanguage");
                    _playwrightVersion ??= String(e, "playwrightVersion");
                    _title ??= String(e, "title");
                    WallTime ??= e.TryGetProperty("wallTime", out var wall) && wall.ValueKind == JsonValueKind.Number && wall.TryGetDouble(out var ms) ? ms : null;
                    break;
                case "before":
                    Before(e);
                    break;
                case "after":
                    After(e);
                    break;
                case "log" when String(e, "callId") is { } logged && _calls.TryGetValue(logged, out var call) && String(e, "message") is { } message:
                    call.Log.Add(message);
                    break;
                case "action" when e.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object:
                    Action(metadata);
                    break;
                case "frame-snapshot" when e.TryGetProperty("snapshot", out var snapshot) && snapshot.ValueKind == JsonValueKind.Object:
                    Snapshot(snapshot);
                    break;
                default:
                    break;
            }
        }

        /// <summary>A line of <c>test.trace</c>: an <c>error</c> event with its message and stack is kept.</summary>
        public void AcceptTestLine(string line)
        {
            if (!line.Contains("\"error\"", StringComparison.Ordinal))
            {
                return;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var e = document.RootElement;
                if (e.ValueKind != JsonValueKind.Object || String(e, "type") != "error")
                {
                    return;
                }

                _testErrors.Add(new TraceError(String(e, "message") ?? string.Empty, Frames(e)));
            }
            catch (JsonException)
            {
                _skipped++;
            }
        }

        /// <summary>
        /// A <c>*.stacks</c> entry: <c>{"files": [path, …], "stacks": [[id, [[fileIndex, line, column, function], …]], …]}</c>,
        /// innermost frame first; the id is the number of <c>call@N</c> before v10 and the call id itself from v10.
        /// </summary>
        public void AcceptStacks(string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text, JsonOptions);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array
                    || !root.TryGetProperty("stacks", out var stacks) || stacks.ValueKind != JsonValueKind.Array)
                {
                    _skipped++;
                    return;
                }

                var paths = files.EnumerateArray().Select(f => f.ValueKind == JsonValueKind.String ? f.GetString() : null).ToList();
                foreach (var entry in stacks.EnumerateArray())
                {
                    if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() < 2 || entry[1].ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    var id = entry[0].ValueKind switch
                    {
                        JsonValueKind.String => entry[0].GetString(),
                        JsonValueKind.Number when entry[0].TryGetInt64(out var n) => string.Create(CultureInfo.InvariantCulture, $"call@{n}"),
                        _ => null,
                    };
                    var frames = new List<TraceFrame>();
                    foreach (var f in entry[1].EnumerateArray())
                    {
                        if (f.ValueKind == JsonValueKind.Array && f.GetArrayLength() >= 3
                            && Number(f[0]) is { } file && file >= 0 && file < paths.Count && paths[file] is { Length: > 0 } name
                            && Number(f[1]) is > 0 and var line)
                        {
                            var column = Number(f[2]) is > 0 and var c ? c : (int?)null;
                            var function = f.GetArrayLength() > 3 && f[3].ValueKind == JsonValueKind.String && f[3].GetString() is { Length: > 0 } fn ? fn : null;
                            frames.Add(new TraceFrame(name, line, column, function));
                        }
                    }

                    if (id is not null && frames.Count > 0)
                    {
                        _stacks.TryAdd(id, frames);
                    }
                }
            }
            catch (JsonException)
            {
                _skipped++;
            }
        }

        public TraceEvidence ToEvidence(string path)
        {
            var calls = _order.Select(id => _calls[id])
                .Select(c => new TraceCall(c.Id, c.Class, c.Method, c.Selector, c.Error, c.Ended)
                {
                    Log = c.Log,
                    Stack = c.Stack.Count > 0 ? c.Stack : _stacks.GetValueOrDefault(c.Id) ?? (IReadOnlyList<TraceFrame>)[],
                })
                .ToList();
            var frames = _frames.ToDictionary(f => f.Key, f => (IReadOnlyList<TraceSnapshot>)f.Value, StringComparer.Ordinal);
            return new TraceEvidence(path, _sdkLanguage, _playwrightVersion, calls, frames, _skipped, _title, _testErrors, Version);
        }

        private void Before(JsonElement e)
        {
            // Runners of 1.32-1.38 write their steps (hooks, fixtures, and each API call again) as calls of class "Test"
            // into a call trace of their own (1-trace.trace): the test's steps, not the page's calls.
            var @class = String(e, "class");
            if (@class != "Test")
            {
                Begin(String(e, "callId"), @class, e);
            }
        }

        private Call? Begin(string? id, string? @class, JsonElement e)
        {
            if (id is null || _calls.ContainsKey(id))
            {
                return null;
            }

            string? selector = null;
            if (e.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                selector = String(parameters, "selector");
            }

            var call = new Call(id, @class ?? string.Empty, String(e, "method") ?? string.Empty, selector) { Stack = Frames(e) };
            _calls[id] = call;
            _order.Add(id);
            return call;
        }

        private void After(JsonElement e)
        {
            if (String(e, "callId") is { } id && _calls.TryGetValue(id, out var call))
            {
                End(call, e);
            }
        }

        // Format v3: the whole call in one event; its class is the metadata's 'type', and an unfinished call has endTime 0.
        private void Action(JsonElement metadata)
        {
            if (Begin(String(metadata, "id"), String(metadata, "type"), metadata) is { } call
                && metadata.TryGetProperty("endTime", out var end) && end.ValueKind == JsonValueKind.Number && end.GetDouble() > 0)
            {
                End(call, metadata);
            }
        }

        // The error is { message, name } or, in some versions, { error: { message, name } }. The call log is the v3
        // metadata's or the v4/v5 'after' event's 'log' array; from v6 it comes as 'log' events.
        private static void End(Call call, JsonElement e)
        {
            call.Ended = true;
            if (e.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Array)
            {
                call.Log.AddRange(log.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!));
            }

            if (e.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var inner = error.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : error;
                call.Error = String(inner, "message") ?? String(inner, "name") ?? String(error, "message") ?? "error";
            }
        }

        private void Snapshot(JsonElement s)
        {
            var (callId, phase) = SnapshotOf(s);
            if (String(s, "frameId") is not { } frameId || callId is null || !s.TryGetProperty("html", out var html))
            {
                return;
            }

            if (!_frames.TryGetValue(frameId, out var frame))
            {
                frame = [];
                _frames[frameId] = frame;
            }

            var isMain = s.TryGetProperty("isMainFrame", out var main) && main.ValueKind == JsonValueKind.True;
            frame.Add(new TraceSnapshot(callId, phase ?? string.Empty, frameId, String(s, "frameUrl"), isMain, String(s, "doctype"), html, frame.Count));
        }

        /// <summary>The snapshot's call and phase: <c>callId</c> and <c>phase</c>, else read from <c>snapshotName</c> (<c>before@call@9</c>; <c>input@</c> is the action phase).</summary>
        private static (string? CallId, string? Phase) SnapshotOf(JsonElement s)
        {
            var callId = String(s, "callId");
            var phase = String(s, "phase");
            if (String(s, "snapshotName") is { } name && name.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < name.Length - 1)
            {
                phase ??= name[..at];
                callId ??= name[(at + 1)..];
            }

            // Before v10 the snapshot at the input event was named 'input@…'; v10 calls that phase 'action'.
            return (callId, phase == "input" ? SnapshotPhase.Action : phase);
        }

        /// <summary>An event's <c>stack</c> of <c>{file, line, column, function}</c> objects (runner events, v3 metadata), innermost first.</summary>
        private static List<TraceFrame> Frames(JsonElement e)
        {
            var frames = new List<TraceFrame>();
            if (e.TryGetProperty("stack", out var stack) && stack.ValueKind == JsonValueKind.Array)
            {
                foreach (var f in stack.EnumerateArray())
                {
                    if (f.ValueKind == JsonValueKind.Object && String(f, "file") is { Length: > 0 } file && Int(f, "line") is > 0 and var lineNumber)
                    {
                        frames.Add(new TraceFrame(file, lineNumber, Int(f, "column") is > 0 and var c ? c : null, String(f, "function")));
                    }
                }
            }

            return frames;
        }

        private static int? Number(JsonElement e) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? n : null;

        private static int? Int(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

        private static string? String(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private sealed class Call(string id, string @class, string method, string? selector)
    {
        public string Id { get; } = id;

        public string Class { get; } = @class;

        public string Method { get; } = method;

        public string? Selector { get; } = selector;

        public string? Error { get; set; }

        public bool Ended { get; set; }

        public List<TraceFrame> Stack { get; init; } = [];

        public List<string> Log { get; } = [];
    }
}
