namespace Praxi.FixEngine.Evidence;

/// <summary>What a <c>trace.zip</c> says about a failed test: its calls, the failing one, and the DOM snapshots to rebuild.</summary>
internal sealed class TraceEvidence
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<TraceSnapshot>> _framesById;
    private readonly SnapshotRenderer _renderer;

    public TraceEvidence(
        string source,
        string? sdkLanguage,
        string? playwrightVersion,
        IReadOnlyList<TraceCall> calls,
        IReadOnlyDictionary<string, IReadOnlyList<TraceSnapshot>> framesById,
        int skippedLines,
        string? title = null,
        IReadOnlyList<TraceError>? testErrors = null,
        int? formatVersion = null)
    {
        FormatVersion = formatVersion;
        TestErrors = testErrors ?? [];
        Source = source;
        SdkLanguage = sdkLanguage;
        PlaywrightVersion = playwrightVersion;
        Calls = calls;
        _framesById = framesById;
        SkippedLines = skippedLines;
        Title = string.IsNullOrWhiteSpace(title) ? null : title;
        _renderer = new SnapshotRenderer(framesById);

        FailingCall = calls.FirstOrDefault(c => c.Error is not null) ?? (calls.Count > 0 ? calls[^1] : null);
        var failingAt = FailingCall is null ? calls.Count : IndexOf(calls, FailingCall);
        PassingCalls = [.. calls.Take(failingAt).Where(c => c.Passed)];
    }

    /// <summary>The trace file it was read from.</summary>
    public string Source { get; }

    /// <summary>The language of the Playwright client (<c>javascript</c>, <c>csharp</c>), from <c>context-options</c>.</summary>
    public string? SdkLanguage { get; }

    /// <summary>The trace format (<c>context-options.version</c>: 3 to 10 so far), when the trace says it.</summary>
    public int? FormatVersion { get; }

    /// <summary>The Playwright version that wrote the trace (recorded from format v8 on).</summary>
    public string? PlaywrightVersion { get; }

    /// <summary>
    /// The test's title from <c>context-options</c>: the runner's <c>file:line › title</c> (TypeScript), or what the
    /// test passed to <c>Tracing.StartAsync</c> (.NET); null when the trace has none.
    /// </summary>
    public string? Title { get; }

    /// <summary>The errors the test runner recorded for the test (runner traces' <c>test.trace</c>), in order.</summary>
    public IReadOnlyList<TraceError> TestErrors { get; }

    /// <summary>Every library call, in the order they started.</summary>
    public IReadOnlyList<TraceCall> Calls { get; }

    /// <summary>The first call whose <c>after</c> carries an error, or else the last call; null for a trace without calls.</summary>
    public TraceCall? FailingCall { get; }

    /// <summary>The calls that started before the failing one and ended without an error, in order.</summary>
    public IReadOnlyList<TraceCall> PassingCalls { get; }

    /// <summary>Lines that were not JSON objects and were skipped.</summary>
    public int SkippedLines { get; }

    /// <summary>Every frame snapshot, grouped by frame id, each list in file order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TraceSnapshot>> Frames => _framesById;

    /// <summary>The snapshot events recorded for a call at a phase, main frame first.</summary>
    public IReadOnlyList<TraceSnapshot> SnapshotsOf(string callId, string phase) =>
        [.. _framesById.Values.SelectMany(f => f)
            .Where(s => s.CallId == callId && s.Phase == phase)
            .OrderByDescending(s => s.IsMainFrame)];

    /// <summary>
    /// The HTML of the call's snapshot at a phase — the main frame's unless <paramref name="frameId"/> names another —
    /// or null when the trace holds no such snapshot.
    /// </summary>
    public string? Snapshot(string callId, string phase, string? frameId = null)
    {
        var snapshot = SnapshotsOf(callId, phase).FirstOrDefault(s => frameId is null || s.FrameId == frameId);
        return snapshot is null ? null : _renderer.Render(snapshot);
    }

    /// <summary>
    /// The main-frame HTML of the failing call as the page was when it failed: its <c>after</c> snapshot, else
    /// <c>action</c>, else <c>before</c>; null when the trace holds none of them.
    /// </summary>
    public string? FailureSnapshot() =>
        FailingCall is not { } call
            ? null
            : Snapshot(call.CallId, SnapshotPhase.After) ?? Snapshot(call.CallId, SnapshotPhase.Action) ?? Snapshot(call.CallId, SnapshotPhase.Before);

    private static int IndexOf(IReadOnlyList<TraceCall> calls, TraceCall call)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            if (ReferenceEquals(calls[i], call))
            {
                return i;
            }
        }

        return calls.Count;
    }
}
