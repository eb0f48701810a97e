using System.Collections.Concurrent;
using AngleSharp.Dom;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;

namespace Praxi.FixEngine.Tests.Healing;

/// <summary>
/// The committed sample runs (samples/artifacts), analysed and healed once per test run: the baseline is recorded
/// here from the green run's traces, never read from a committed file, so a change to the recorder shows up too.
/// </summary>
internal static class HealSamples
{
    private static readonly Lazy<BaselineStore> RecordedBaseline = new(() =>
        BaselineStore.Empty.Merge(BaselineRecorder.Record(Artifacts("baseline")).Entries));

    private static readonly ConcurrentDictionary<string, Lazy<AnalysisReport>> Reports = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(string, bool), Lazy<HealReport>> Heals = new();

    /// <summary>The store recorded from samples/artifacts/baseline.</summary>
    public static BaselineStore Baseline => RecordedBaseline.Value;

    public static string Artifacts(string scenario) => Path.Combine(RepositoryRoot.Path, "samples", "artifacts", scenario);

    public static AnalysisReport Analysis(string scenario) =>
        Reports.GetOrAdd(scenario, s => new Lazy<AnalysisReport>(() => new FailureAnalyzer().Analyze(Artifacts(s)))).Value;

    public static HealReport Heal(string scenario, bool withBaseline = true) =>
        Heals.GetOrAdd((scenario, withBaseline), k => new Lazy<HealReport>(() =>
            new SelectorHealer().Heal(Analysis(k.Item1), Artifacts(k.Item1), k.Item2 ? Baseline : BaselineStore.Empty))).Value;

    /// <summary>The failure-time DOM an outcome names (its evidence file and snapshot), parsed again for checking.</summary>
    public static IDocument FailurePage(string artifacts, HealOutcome outcome)
    {
        var evidence = outcome.Evidence ?? throw new InvalidOperationException($"outcome {outcome.Instruction} names no evidence");
        var file = Path.Combine(artifacts, evidence.Source.Replace('/', Path.DirectorySeparatorChar));
        if (evidence.Snapshot == "dom dump")
        {
            return DomLoader.Load(file);
        }

        // "trace <callId> <phase>"
        var words = evidence.Snapshot.Split(' ');
        words.Should().HaveCount(3).And.Subject.First().Should().Be("trace");
        var html = TraceReader.Read(file).Snapshot(words[1], words[2]);
        html.Should().NotBeNull(evidence.Snapshot);
        return DomLoader.Parse(html!);
    }
}
