using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Analysis;

/// <summary>
/// The first stage of the engine: reads a failed run's artifacts and says, with evidence, what broke.
/// </summary>
/// <example>
/// <code>
/// var report = await new FailureAnalyzer(new AnalysisOptions { RunId = "1234-1" }).AnalyzeAsync("test-results/");
/// Console.WriteLine(report.Classification.ErrorType);
/// </code>
/// </example>
public sealed class FailureAnalyzer
{
    private const int MaxRelatedSignals = 24;
    private static readonly TimeSpan WindowBefore = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WindowAfter = TimeSpan.FromSeconds(5);

    private readonly AnalysisOptions _options;
    private readonly BlockScorer _scorer;
    private readonly FailureClassifier _classifier;
    private readonly Lazy<JudgeModel?> _model;

    /// <summary>Creates an analyzer; the options are validated once, here.</summary>
    /// <param name="options">Settings, or null for the defaults.</param>
    /// <exception cref="FixEngineException">The options are invalid.</exception>
    public FailureAnalyzer(AnalysisOptions? options = null)
    {
        _options = options ?? new AnalysisOptions();
        _options.Validate();
        _scorer = new BlockScorer(RuleSet.Create(_options.Rules));
        _classifier = new FailureClassifier(_scorer, [.. _options.Classifiers], _options.MinConfidence);
        _model = new(() => _options.RulesOnly ? null : _options.Model ?? JudgeModel.BuiltIn);
    }

    /// <summary>Analyses one log file or a folder of CI artifacts.</summary>
    /// <param name="path">A file or folder.</param>
    /// <param name="cancellationToken">Cancels a long read.</param>
    /// <returns>The report (<c>analysis.json</c>).</returns>
    /// <exception cref="FixEngineException">The path is missing, empty, binary or malformed.</exception>
    internal AnalysisReport Analyze(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Analyze(new ArtifactReader(_scorer).Read(path, cancellationToken));
    }

    /// <summary>Classifies artifacts already parsed (a validation rerun's result files) exactly as <see cref="AnalyzeAsync"/> would.</summary>
    /// <param name="logs">The parsed artifacts.</param>
    /// <returns>The report.</returns>
    internal AnalysisReport Analyze(IReadOnlyList<ParsedLog> logs)
    {
        var run = Examine(logs);
        var judged = _model.Value is { } model ? RunVerdicts.Choose(run, model.Judge) : null;
        return ReportBuilder.Build(_options, run.Logs, run.Classified, judged);
    }

    /// <summary>Reads and classifies a run with the rules, and gathers what the judge weighs.</summary>
    internal RunExamination Examine(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Examine(new ArtifactReader(_scorer).Read(path, cancellationToken));
    }

    private RunExamination Examine(IReadOnlyList<ParsedLog> logs)
    {
        var classified = Classify(logs);
        var (ruleType, ruleConfidence) = ReportBuilder.Dominant(classified);
        var byUser = classified.Any(c => c.ByUser && c.Type == ruleType);
        var input = RunEvidence.From(logs, classified, ruleType, ruleConfidence);

        // A run whose test reports list passes and no failure is green: lines that merely look like trouble do not make it red.
        var reportedGreen = classified.Count == 0 && logs.Any(l => l.Passed > 0 || l.PassedTests is { Count: > 0 });
        return new RunExamination(logs, classified, input, byUser, !byUser && !reportedGreen && input.Lines.Count > 0);
    }

    /// <summary>Analyses one log file or a folder of CI artifacts off the calling thread.</summary>
    /// <param name="path">A file or folder.</param>
    /// <param name="cancellationToken">Cancels a long read.</param>
    /// <returns>The report (<c>analysis.json</c>).</returns>
    public Task<AnalysisReport> AnalyzeAsync(string path, CancellationToken cancellationToken = default) =>
        Task.Run(() => Analyze(path, cancellationToken), cancellationToken);

    private List<ClassifiedFailure> Classify(IReadOnlyList<ParsedLog> logs)
    {
        var failures = FailureMerger.Merge(logs);
        var signals = logs.SelectMany(l => l.Signals).ToList();

        // Each block is scored once for the run, not once per failure it may belong to.
        var scores = signals.Distinct().ToDictionary(s => s, s => _scorer.Score(s.Source, s.Lines));
        if (failures.Count == 0)
        {
            // No test structure: each error block stands for a failure, judged with the others as context.
            return [.. signals.Select(s => _classifier.Classify(FromSignal(s), [.. signals.Where(o => !ReferenceEquals(o, s)).Take(MaxRelatedSignals).Select(o => new RelatedSignal(o, false, scores[o]))]))];
        }

        return [.. failures.Select(f => _classifier.Classify(f, Related(f, signals, scores)))];
    }

    /// <summary>The blocks that belong to a failure: linked ones first, then the strongest, at most <see cref="MaxRelatedSignals"/>.</summary>
    private static List<RelatedSignal> Related(TestFailure failure, List<LogSignal> signals, Dictionary<LogSignal, BlockScore> scores)
    {
        var related = new List<RelatedSignal>();
        var text = failure.Message + "\n" + string.Join('\n', failure.Block.Select(l => l.Text));
        foreach (var signal in signals)
        {
            if (failure.StartedAt is { } start && signal.Timestamp is { } ts)
            {
                var end = start + (failure.Duration ?? TimeSpan.Zero);
                if (ts >= start - WindowBefore && ts <= end + WindowAfter)
                {
                    related.Add(new RelatedSignal(signal, true, scores[signal]));
                }

                continue;
            }

            var linked = signal.RequestPath is { Length: > 1 } p && text.Contains(p, StringComparison.OrdinalIgnoreCase);
            related.Add(new RelatedSignal(signal, linked, scores[signal]));
        }

        return [.. related.OrderByDescending(r => r.Linked).ThenByDescending(r => r.Score.BestScore).Take(MaxRelatedSignals)];
    }

    private static TestFailure FromSignal(LogSignal signal)
    {
        var anchor = signal.Lines.FirstOrDefault(l => FailureMarkers.Has(l.Text) && !NoiseLines.IsNoiseOrContext(l.Text));
        if (anchor.Text is null)
        {
            anchor = signal.Lines[Math.Min(signal.Lines.Count - 1, 3)];
        }

        return new TestFailure
        {
            Test = FailureMarkers.TestName(signal) ?? $"{signal.Source}:{signal.FirstLine}",
            Source = signal.Source,
            SourceLine = anchor.Number,
            Message = FailureClassifier.Trim(anchor.Text),
            Block = signal.Lines,
        };
    }
}

/// <summary>A run read and classified by the rules, with the judge's input.</summary>
/// <param name="Logs">The parsed artifacts.</param>
/// <param name="Classified">The rules' verdict per failure.</param>
/// <param name="Input">What the judge weighs.</param>
/// <param name="ByUser">True when a user's rule or classifier made the run's verdict (it then wins over the judge).</param>
/// <param name="Judgeable">True when the judge should weigh in: not a user's verdict, not a green run, some lines to read.</param>
internal sealed record RunExamination(IReadOnlyList<ParsedLog> Logs, IReadOnlyList<ClassifiedFailure> Classified, JudgeInput Input, bool ByUser, bool Judgeable);
