using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Analysis;

/// <summary>Gathers what the judge weighs for a run from the parsed logs and the rules' verdicts.</summary>
internal static class RunEvidence
{
    public static JudgeInput From(IReadOnlyList<ParsedLog> logs, IReadOnlyList<ClassifiedFailure> classified, ErrorType ruleType, double ruleConfidence)
    {
        var count = Enum.GetValues<ErrorType>().Length;
        var own = new double[count];
        var context = new double[count];
        foreach (var c in classified)
        {
            Max(own, c.OwnScores);
            Max(context, c.ContextScores);
        }

        // The failures' own lines first, then the blocks beside them: the judge reads at most JudgeFeatures.MaxLines.
        var lines = new List<EvidenceLine>();
        var seen = new HashSet<(string, int)>();
        void Add(string source, LogLine line)
        {
            if (lines.Count < JudgeFeatures.MaxLines && seen.Add((source, line.Number)) && !NoiseLines.IsNoiseOrContext(line.Text))
            {
                lines.Add(new EvidenceLine(source, line.Number, line.Text));
            }
        }

        foreach (var c in classified)
        {
            foreach (var line in FailureClassifier.FailureLines(c.Failure))
            {
                Add(c.Failure.Source, line);
            }
        }

        // The blocks that belong to the failures (or every block when no failure was recognised).
        var blocks = classified.Count > 0 ? classified.SelectMany(c => c.Related).Distinct() : logs.SelectMany(l => l.Signals);
        foreach (var signal in blocks)
        {
            foreach (var line in signal.Lines)
            {
                Add(signal.Source, line);
            }
        }

        // Nothing recognised as a failure: the judge reads the lines that look like trouble instead.
        if (classified.Count == 0)
        {
            foreach (var log in logs)
            {
                foreach (var line in log.Suspect)
                {
                    Add(log.Source, line);
                }
            }
        }

        return new JudgeInput(
            own,
            context,
            ruleType,
            ruleConfidence,
            lines,
            [.. classified.Select(c => c.Failure.Framework).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            [.. logs.Select(l => l.Format.ToString()).Distinct().Order(StringComparer.Ordinal)]);
    }

    private static void Max(double[] into, IReadOnlyList<double> scores)
    {
        for (var i = 0; i < Math.Min(into.Length, scores.Count); i++)
        {
            into[i] = Math.Max(into[i], scores[i]);
        }
    }
}
