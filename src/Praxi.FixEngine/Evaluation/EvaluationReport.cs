using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Evaluation;

/// <summary>One labelled file and the classifier's answer.</summary>
/// <param name="File">The log, relative to the corpus folder.</param>
/// <param name="Expected">Its label.</param>
/// <param name="Actual">The run's classification.</param>
/// <param name="Confidence">The answer's confidence.</param>
/// <param name="Evidence">The first evidence line.</param>
public sealed record EvaluatedItem(string File, ErrorType Expected, ErrorType Actual, double Confidence, string? Evidence)
{
    /// <summary>True when the answer equals the label.</summary>
    public bool Correct => Expected == Actual;
}

/// <summary>Precision and recall of one label.</summary>
/// <param name="Type">The label.</param>
/// <param name="Support">Files with this label.</param>
/// <param name="Predicted">Files answered with this label.</param>
/// <param name="Precision">Correct answers of this label over all answers of it (1 when never answered).</param>
/// <param name="Recall">Correct answers of this label over the files that have it.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
public sealed record LabelScore(ErrorType Type, int Support, int Predicted, double Precision, double Recall, double F1);

/// <summary>The scores of a labelled corpus.</summary>
public sealed record EvaluationReport
{
    /// <summary>Every file with its answer.</summary>
    public required IReadOnlyList<EvaluatedItem> Items { get; init; }

    /// <summary>Per-label scores, for the labels that occur in the corpus or in the answers.</summary>
    public required IReadOnlyList<LabelScore> Labels { get; init; }

    /// <summary>Mean F1 over the labels that occur in the corpus.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>Correct answers over all files.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Answers given with confidence ≥ 0.8.</summary>
    public required int ConfidentAnswers { get; init; }

    /// <summary>Of those, the correct ones.</summary>
    public required int ConfidentCorrect { get; init; }

    /// <summary>Confusion counts: expected → actual → count.</summary>
    public required IReadOnlyDictionary<ErrorType, IReadOnlyDictionary<ErrorType, int>> Confusion { get; init; }

    /// <summary>Builds the scores from the answers.</summary>
    /// <param name="items">The answers.</param>
    /// <returns>The report.</returns>
    public static EvaluationReport From(IReadOnlyList<EvaluatedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var present = items.Select(i => i.Expected).ToHashSet();
        var labels = ErrorTypes.All.Where(t => present.Contains(t) || items.Any(i => i.Actual == t)).Select(t =>
        {
            var support = items.Count(i => i.Expected == t);
            var predicted = items.Count(i => i.Actual == t);
            var hits = items.Count(i => i.Expected == t && i.Actual == t);
            var precision = predicted == 0 ? 1 : (double)hits / predicted;
            var recall = support == 0 ? 1 : (double)hits / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new LabelScore(t, support, predicted, precision, recall, f1);
        }).ToList();
        var confident = items.Where(i => i.Confidence >= CorpusEvaluator.ConfidentAt && i.Actual != ErrorType.Unknown).ToList();
        return new EvaluationReport
        {
            Items = items,
            Labels = labels,
            MacroF1 = labels.Where(l => l.Support > 0).Select(l => l.F1).DefaultIfEmpty(0).Average(),
            Accuracy = items.Count == 0 ? 0 : (double)items.Count(i => i.Correct) / items.Count,
            ConfidentAnswers = confident.Count,
            ConfidentCorrect = confident.Count(i => i.Correct),
            Confusion = items.GroupBy(i => i.Expected).ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<ErrorType, int>)g.GroupBy(i => i.Actual).ToDictionary(a => a.Key, a => a.Count())),
        };
    }
}
