using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>
/// Records a baseline from a run's artifacts: in every <c>trace.zip</c>, each call that passed with a selector left
/// the element it resolved to marked (<c>__playwright_target__</c>) in its snapshots; that element's fingerprint is
/// recorded under the test and the normalised selector. A call that resolved to several elements is skipped.
/// </summary>
public static class BaselineRecorder
{
    /// <summary>Where the baseline store lives by default, relative to the repository (what <c>praxi heal</c> reads).</summary>
    public const string DefaultStorePath = ".praxi/baseline.json";

    // The marker is set once the target is resolved: never seen in 'before', on 'action' for input calls and on
    // 'after' for assertions (checked on the committed sample traces).
    private static readonly string[] Phases = [SnapshotPhase.Before, SnapshotPhase.Action, SnapshotPhase.After];

    /// <summary>
    /// Fingerprints the element each passing traced call of a green run resolved to and merges them into the store file
    /// (created when missing; the same test and locator recorded again replace the older entry).
    /// </summary>
    /// <param name="artifactsPath">The green run's test results (a folder, searched recursively for trace.zip, or one trace).</param>
    /// <param name="storePath">The baseline store to merge into.</param>
    /// <param name="selectors">The project's test-id attributes (<c>praxi.json</c> → <c>selectors</c>), or null for the defaults.</param>
    /// <param name="timeProvider">The clock entries are stamped with, or null for the system clock.</param>
    /// <param name="cancellationToken">Stops between traces; the store is then left as it was.</param>
    /// <returns>What was read, recorded and skipped, and the store's size after the merge.</returns>
    /// <exception cref="FixEngineException">The store is broken (said before any trace is read), or the path holds no trace.</exception>
    public static async Task<BaselineRecordResult> RecordAsync(
        string artifactsPath, string storePath, SelectorOptions? selectors = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        var options = FingerprintOptions.For([.. (selectors ?? new SelectorOptions()).TestIdAttributes]);
        var store = await BaselineStore.LoadAsync(storePath, cancellationToken).ConfigureAwait(false);
        var recording = await Task.Run(() => Record(artifactsPath, options, timeProvider, cancellationToken), cancellationToken).ConfigureAwait(false);
        var merged = store.Merge(recording.Entries);
        await merged.SaveAsync(storePath, cancellationToken).ConfigureAwait(false);
        return new BaselineRecordResult(recording.Summary(), recording.Entries.Count, merged.Entries.Count);
    }

    /// <summary>Records the traces under <paramref name="artifactsPath"/> (a folder, searched recursively, or one trace).</summary>
    /// <exception cref="FixEngineException">The path does not exist or holds no trace.</exception>
    internal static BaselineRecording Record(
        string artifactsPath,
        FingerprintOptions? options = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifactsPath);
        options ??= FingerprintOptions.Default;
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        using var unpacked = ArtifactFolder.Open(artifactsPath);
        var (root, traces) = FindTraces(unpacked.Path);

        var entries = new Dictionary<(string?, string), BaselineEntry>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        int calls = 0, recorded = 0, read = 0;
        string? firstUnreadable = null;
        foreach (var trace in traces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TraceEvidence evidence;
            try
            {
                evidence = TraceReader.Read(trace);
            }
            catch (FixEngineException ex)
            {
                Count(skipped, SkipReasons.UnreadableTrace);
                firstUnreadable ??= ex.Message;
                continue;
            }

            read++;
            var file = Path.GetRelativePath(root, trace).Replace('\\', '/');
            // trace.zip in a folder of the test's own (test-results/<test>/) is named by its folder; a trace saved under a
            // name of its own (traces/AddsAProduct_chromium_linux_….zip) by that name.
            var test = BaselineKeys.TestName(evidence.Title, IsUsualName(trace) ? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(trace))) : Path.GetFileNameWithoutExtension(trace));
            foreach (var call in evidence.Calls.Where(c => c.Passed && !string.IsNullOrWhiteSpace(c.Selector)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                calls++;
                var (targets, reason) = MarkedTargets(evidence, call.CallId, options);
                if (reason is not null)
                {
                    Count(skipped, reason);
                    continue;
                }

                recorded++;
                var locator = BaselineKeys.Normalize(call.Selector!);
                entries[(test, locator)] = new BaselineEntry(test, locator, targets[0].Props, new BaselineSource("trace", file, call.CallId), now);
            }
        }

        return new BaselineRecording([.. entries.Values], read, calls, recorded, skipped, firstUnreadable);
    }

    private static (IReadOnlyList<DomCandidate> Targets, string? Reason) MarkedTargets(TraceEvidence evidence, string callId, FingerprintOptions options)
    {
        var anySnapshot = false;
        foreach (var phase in Phases)
        {
            var snapshots = evidence.SnapshotsOf(callId, phase);
            anySnapshot |= snapshots.Count > 0;
            var marked = new List<DomCandidate>();
            foreach (var snapshot in snapshots)
            {
                if (evidence.Snapshot(callId, phase, snapshot.FrameId) is not { } html || !html.Contains(ElementFingerprints.TargetMarker, StringComparison.Ordinal))
                {
                    continue;
                }

                marked.AddRange(ElementFingerprints.MarkedTargets(DomLoader.Parse(html), callId, options));
            }

            if (marked.Count == 1)
            {
                return (marked, null);
            }

            if (marked.Count > 1)
            {
                return ([], SkipReasons.SeveralTargets);
            }
        }

        return ([], anySnapshot ? SkipReasons.NoTargetMarked : SkipReasons.NoSnapshot);
    }

    private static (string Root, IReadOnlyList<string> Traces) FindTraces(string path)
    {
        if (File.Exists(path))
        {
            var full = Path.GetFullPath(path);
            return (Path.GetDirectoryName(full) ?? ".", [full]);
        }

        if (!Directory.Exists(path))
        {
            throw new FixEngineException($"The artifacts path {path} does not exist; pass the folder that holds the run's test-results.");
        }

        var root = Path.GetFullPath(path);
        // Any zip that is a Playwright trace by its content, whatever it is called and wherever it lies.
        var traces = Directory.EnumerateFiles(root, "*.zip", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => IsUsualName(f) || TraceReader.ReadHeader(f) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (traces.Count == 0)
        {
            throw new FixEngineException($"No Playwright trace under {path}; record a run with Playwright tracing on (trace: 'on' keeps the traces of passing tests).");
        }

        return (root, traces);
    }

    // trace.zip, and trace-1.zip… when a test opened several contexts: the runner's names, in a folder of the test's own.
    private static bool IsUsualName(string file)
    {
        var name = Path.GetFileName(file);
        return name.Equals("trace.zip", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("trace-", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
    }

    private static void Count(Dictionary<string, int> counts, string reason) => counts[reason] = counts.GetValueOrDefault(reason) + 1;
}
