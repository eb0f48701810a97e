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
    /// <summary>A second type the label also accepts, if any.</summary>
    public ErrorType? Secondary { get; init; }

    /// <summary>The file's source project.</summary>
    public string? Group { get; init; }

    /// <summary>True when the answer equals the label.</summary>
    public bool Correct => Expected == Actual;

    /// <summary>True when the answer equals the label or its defensible secondary.</summary>
    public bool Acceptable => Correct || (Secondary is { } s && s == Actual);
}

/// <summary>One confidence bin of the reliability table.</summary>
/// <param name="Low">Lower edge (inclusive).</param>
/// <param name="High">Upper edge (exclusive; 1 is in the last bin).</param>
/// <param name="Answers">Typed answers whose confidence falls in the bin.</param>
/// <param name="Correct">Of those, the correct ones.</param>
/// <param name="MeanConfidence">Their mean confidence.</param>
public sealed record ReliabilityBin(double Low, double High, int Answers, int Correct, double MeanConfidence)
{
    /// <summary>Share of the bin's answers that are right (0 when empty).</summary>
    public double Accuracy => Answers == 0 ? 0 : (double)Correct / Answers;
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

    /// <summary>Answers equal to the label or its secondary, over all files.</summary>
    public required double AcceptableAccuracy { get; init; }

    /// <summary>Answers that were <c>unknown</c>.</summary>
    public required int Abstained { get; init; }

    /// <summary>Confidence bins of the typed answers, tenths of [0, 1].</summary>
    public required IReadOnlyList<ReliabilityBin> Reliability { get; init; }

    /// <summary>Expected calibration error of the typed answers: the answer-weighted mean gap between confidence and accuracy over the bins.</summary>
    public required double CalibrationError { get; init; }

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
        var typed = items.Where(i => i.Actual != ErrorType.Unknown).ToList();
        var bins = Enumerable.Range(0, 10).Select(b =>
        {
            var inBin = typed.Where(i => Math.Min((int)(i.Confidence * 10), 9) == b).ToList();
            return new ReliabilityBin(b / 10d, (b + 1) / 10d, inBin.Count, inBin.Count(i => i.Correct), inBin.Count == 0 ? 0 : inBin.Average(i => i.Confidence));
        }).ToList();
        return new EvaluationReport
        {
            Items = items,
            Labels = labels,
            MacroF1 = labels.Where(l => l.Support > 0).Select(l => l.F1).DefaultIfEmpty(0).Average(),
            Accuracy = items.Count == 0 ? 0 : (double)items.Count(i => i.Correct) / items.Count,
            AcceptableAccuracy = items.Count == 0 ? 0 : (double)items.Count(i => i.Acceptable) / items.Count,
            Abstained = items.Count(i => i.Actual == ErrorType.Unknown),
            Reliability = bins,
            CalibrationError = typed.Count == 0 ? 0 : bins.Sum(b => b.Answers * Math.Abs(b.MeanConfidence - b.Accuracy)) / typed.Count,
            ConfidentAnswers = confident.Count,
            ConfidentCorrect = confident.Count(i => i.Correct),
            Confusion = items.GroupBy(i => i.Expected).ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<ErrorType, int>)g.GroupBy(i => i.Actual).ToDictionary(a => a.Key, a => a.Count())),
        };
    }
}
