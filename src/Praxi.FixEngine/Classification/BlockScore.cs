using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>A rule that fired on a line.</summary>
internal readonly record struct RuleHit(ClassificationRule Rule, string Source, LogLine Line, double Contribution);

/// <summary>Per-type scores of one block of lines, with the hits behind them.</summary>
internal sealed class BlockScore
{
    private static readonly int TypeCount = Enum.GetValues<ErrorType>().Length;

    public BlockScore(IReadOnlyList<RuleHit> hits)
    {
        Hits = hits;
        Scores = new double[TypeCount];
        // Rules that suppress other types are the specific ones: suppression lowers only what the generic
        // rules of a type say, so two specific rules never cancel each other out.
        var suppression = new double[TypeCount];
        Array.Fill(suppression, 1d);
        foreach (var hit in hits.Where(h => h.Rule.Suppresses.Count > 0).DistinctBy(h => h.Rule.Id))
        {
            foreach (var type in hit.Rule.Suppresses)
            {
                suppression[(int)type] *= 1 - hit.Contribution;
            }
        }

        foreach (var group in hits.GroupBy(h => h.Rule.Type))
        {
            var factor = suppression[(int)group.Key];
            var specific = Combine(group.Where(h => h.Rule.Suppresses.Count > 0), 1);
            var generic = Combine(group.Where(h => h.Rule.Suppresses.Count == 0), factor);
            Scores[(int)group.Key] = specific + ((1 - specific) * generic);
        }

        var order = Enumerable.Range(0, TypeCount).Where(i => i != (int)ErrorType.Unknown).OrderByDescending(i => Scores[i]).ThenBy(i => CausePriority.Rank((ErrorType)i)).ToArray();
        Best = Scores[order[0]] > 0 ? (ErrorType)order[0] : ErrorType.Unknown;
        Second = Scores[order[1]] > 0 ? (ErrorType)order[1] : ErrorType.Unknown;
    }

    /// <summary>One line counts once per type (its best rule); further lines add with diminishing weight.</summary>
    private static double Combine(IEnumerable<RuleHit> hits, double factor)
    {
        var perLine = hits.GroupBy(h => (h.Source, h.Line.Number)).Select(g => g.Max(h => h.Contribution) * factor).OrderDescending();
        var score = 0d;
        var damp = 1d;
        foreach (var c in perLine)
        {
            score += (1 - score) * c * damp;
            damp *= 0.5;
        }

        return score;
    }

    public static BlockScore Empty { get; } = new([]);

    public IReadOnlyList<RuleHit> Hits { get; }

    public double[] Scores { get; }

    public ErrorType Best { get; }

    public ErrorType Second { get; }

    public double BestScore => this[Best];

    public double SecondScore => this[Second];

    public double this[ErrorType type] => type == ErrorType.Unknown ? 0 : Scores[(int)type];

    /// <summary>The hits for <paramref name="type"/>, strongest first, one per line.</summary>
    public IEnumerable<RuleHit> HitsFor(ErrorType type) =>
        Hits.Where(h => h.Rule.Type == type).OrderByDescending(h => h.Contribution).ThenBy(h => h.Line.Number).DistinctBy(h => (h.Source, h.Line.Number));
}
