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
        foreach (var group in hits.GroupBy(h => h.Rule.Type))
        {
            // One line counts once per type (its best rule); further lines add with diminishing weight.
            var perLine = group.GroupBy(h => (h.Source, h.Line.Number)).Select(g => g.Max(h => h.Contribution)).OrderDescending().ToArray();
            var score = 0d;
            var damp = 1d;
            foreach (var c in perLine)
            {
                score += (1 - score) * c * damp;
                damp *= 0.5;
            }

            Scores[(int)group.Key] = score;
        }

        foreach (var suppressed in hits.SelectMany(h => h.Rule.Suppresses.Select(t => (Type: t, h.Contribution))))
        {
            Scores[(int)suppressed.Type] *= 1 - suppressed.Contribution;
        }

        var order = Enumerable.Range(0, TypeCount).Where(i => i != (int)ErrorType.Unknown).OrderByDescending(i => Scores[i]).ThenBy(i => CausePriority.Rank((ErrorType)i)).ToArray();
        Best = Scores[order[0]] > 0 ? (ErrorType)order[0] : ErrorType.Unknown;
        Second = Scores[order[1]] > 0 ? (ErrorType)order[1] : ErrorType.Unknown;
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
