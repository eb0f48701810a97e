using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Evaluation;

/// <summary>
/// Scores and trains the classifier on a labelled folder (<see cref="LabelledCorpus"/>). Users run it on their own
/// logs to check their rules and to retrain the judge on their own runs.
/// </summary>
public static class CorpusEvaluator
{
    /// <summary>Answers at or above this confidence are the ones the calibration figure is about.</summary>
    public const double ConfidentAt = 0.8;

    /// <summary>Classifies every labelled file with the analyzer as configured and scores the answers.</summary>
    /// <param name="folder">The folder holding <c>labels.json</c> and the logs.</param>
    /// <param name="analyzer">The analyzer to score (with the user's rules and model).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="FixEngineException">The folder, its labels or a log is unusable.</exception>
    public static EvaluationReport Evaluate(string folder, FailureAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var items = new List<EvaluatedItem>();
        foreach (var run in LabelledCorpus.Read(folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = analyzer.Analyze(run.Path, cancellationToken);
            var c = report.Classification;
            items.Add(new EvaluatedItem(run.File, run.Label, c.ErrorType, c.Confidence, c.Evidence.Count > 0 ? c.Evidence[0].Text : null)
            {
                Secondary = run.Secondary,
                Group = run.Group,
            });
        }

        return EvaluationReport.From(items);
    }

    /// <summary>
    /// Grouped k-fold cross-validation of the judge: each fold is judged by a model trained and calibrated on the
    /// other folds' projects only. The rules' own answers on the same files come beside it as the baseline.
    /// </summary>
    /// <param name="folder">The folder holding <c>labels.json</c> and the logs.</param>
    /// <param name="options">The analysis settings (the user's rules still win when they match).</param>
    /// <param name="folds">Number of folds.</param>
    /// <param name="settings">Training settings, or null for the defaults.</param>
    /// <param name="scoreFolder">
    /// Optional: another copy of the same labelled runs (same files, for example buried in a full CI log) on which
    /// each held-out fold is scored, while the folds are still trained on <paramref name="folder"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The held-out scores of the judge and of the rules alone.</returns>
    /// <exception cref="FixEngineException">The corpus is unusable or has too few projects for the folds.</exception>
    public static CrossValidationReport CrossValidate(string folder, AnalysisOptions options, int folds, JudgeTrainerSettings? settings = null, string? scoreFolder = null, CancellationToken cancellationToken = default)
    {
        var (runs, examined) = Examine(folder, options, cancellationToken);
        var examples = Examples(runs, examined);
        if (scoreFolder is not null)
        {
            var (scoreRuns, scoreExamined) = Examine(scoreFolder, options, cancellationToken);
            if (!scoreRuns.Select(r => (r.File, r.Label, r.Group)).SequenceEqual(runs.Select(r => (r.File, r.Label, r.Group))))
            {
                throw new FixEngineException($"'{scoreFolder}' must label the same files alike as '{folder}' to score its folds.");
            }

            (runs, examined) = (scoreRuns, scoreExamined);
        }

        var verdicts = JudgeTrainer.CrossValidate(examples, folds, settings, [.. examined.Select(e => e.Input)], cancellationToken);
        var judged = new List<EvaluatedItem>();
        var rules = new List<EvaluatedItem>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (run, e, v) = (runs[i], examined[i], verdicts[i]);
            var ruleItem = Item(run, e.Input.RuleType, e.Input.RuleConfidence, e.Input.Lines.Count > 0 ? e.Input.Lines[0].Text : null);
            rules.Add(ruleItem);
            judged.Add(RunVerdicts.Choose(e, _ => v) is null ? ruleItem : Item(run, v.Type, v.Confidence, v.Evidence.Count > 0 ? v.Evidence[0].Text : null));
        }

        return new CrossValidationReport(folds, EvaluationReport.From(judged), EvaluationReport.From(rules));
    }

    /// <summary>Trains the judge on every labelled file.</summary>
    /// <param name="folder">The folder holding <c>labels.json</c> and the logs.</param>
    /// <param name="options">The analysis settings whose rules supply the evidence.</param>
    /// <param name="settings">Training settings, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    /// <returns>The model, ready to save.</returns>
    /// <exception cref="FixEngineException">The corpus is unusable or too small to train and calibrate on.</exception>
    public static JudgeModel Train(string folder, AnalysisOptions options, JudgeTrainerSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var (runs, examined) = Examine(folder, options, cancellationToken);
        return JudgeTrainer.Train(Examples(runs, examined), settings, cancellationToken);
    }

    /// <summary>The files whose answer differs between two evaluations of the same corpus.</summary>
    /// <param name="before">The first evaluation (for example without the user's rules).</param>
    /// <param name="after">The second.</param>
    /// <returns>The changed answers, in file order.</returns>
    public static IReadOnlyList<AnswerChange> Changes(EvaluationReport before, EvaluationReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Items.ToDictionary(i => i.File, StringComparer.Ordinal);
        return [.. after.Items.Where(i => old.TryGetValue(i.File, out var o) && o.Actual != i.Actual).Select(i => new AnswerChange(i.File, i.Expected, old[i.File].Actual, i.Actual))];
    }

    /// <summary>The files whose type changed, or whose confidence moved by more than <paramref name="tolerance"/>, between two evaluations of the same corpus.</summary>
    /// <param name="before">The first evaluation (for example on the clean logs).</param>
    /// <param name="after">The second (for example on the same logs wrapped in <see cref="ConsoleNoise"/>).</param>
    /// <param name="tolerance">How far a confidence may move without being listed.</param>
    /// <returns>The moved answers, in file order.</returns>
    public static IReadOnlyList<AnswerMove> Moves(EvaluationReport before, EvaluationReport after, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Items.ToDictionary(i => i.File, StringComparer.Ordinal);
        return [.. after.Items
            .Where(i => old.TryGetValue(i.File, out var o) && (o.Actual != i.Actual || Math.Abs(o.Confidence - i.Confidence) > tolerance))
            .Select(i => new AnswerMove(i.File, i.Expected, old[i.File].Actual, old[i.File].Confidence, i.Actual, i.Confidence))];
    }

    private static (IReadOnlyList<LabelledRun> Runs, List<RunExamination> Examined) Examine(string folder, AnalysisOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runs = LabelledCorpus.Read(folder);
        var analyzer = new FailureAnalyzer(options);
        var examined = new List<RunExamination>();
        foreach (var run in runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            examined.Add(analyzer.Examine(run.Path, cancellationToken));
        }

        return (runs, examined);
    }

    private static List<JudgeExample> Examples(IReadOnlyList<LabelledRun> runs, List<RunExamination> examined) =>
        [.. runs.Select((r, i) => new JudgeExample(examined[i].Input, r.Label, r.Group))];

    private static EvaluatedItem Item(LabelledRun run, ErrorType actual, double confidence, string? evidence) =>
        new(run.File, run.Label, actual, confidence, evidence) { Secondary = run.Secondary, Group = run.Group };
}

/// <summary>One file whose answer changed.</summary>
/// <param name="File">The log.</param>
/// <param name="Expected">Its label.</param>
/// <param name="Before">The first answer.</param>
/// <param name="After">The second answer.</param>
public sealed record AnswerChange(string File, ErrorType Expected, ErrorType Before, ErrorType After);

/// <summary>One file whose answer changed type or confidence.</summary>
/// <param name="File">The log.</param>
/// <param name="Expected">Its label.</param>
/// <param name="Before">The first answer.</param>
/// <param name="BeforeConfidence">Its confidence.</param>
/// <param name="After">The second answer.</param>
/// <param name="AfterConfidence">Its confidence.</param>
public sealed record AnswerMove(string File, ErrorType Expected, ErrorType Before, double BeforeConfidence, ErrorType After, double AfterConfidence)
{
    /// <summary>True when the type changed (not only the confidence).</summary>
    public bool TypeChanged => Before != After;
}

/// <summary>The held-out scores of a grouped cross-validation.</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="Judge">The learned judge's answers, each from a model that never saw the file's project.</param>
/// <param name="Rules">The built-in (and user) rules' answers on the same files.</param>
public sealed record CrossValidationReport(int Folds, EvaluationReport Judge, EvaluationReport Rules);
