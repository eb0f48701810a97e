using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>
/// Classifies one failure from its own text and the log signals that belong to it. Symptoms (a timeout, a
/// missing element, a wrong value) give way to a cause found beside them (a missing table, an expired
/// token, a server that never came up), which is what the team needs to fix.
/// </summary>
internal sealed class FailureClassifier(BlockScorer scorer, IReadOnlyList<IFailureClassifier> plugins, double minConfidence)
{
    /// <summary>A related block is listed with the failure when it scores at least this.</summary>
    private const double MinRelatedScore = 0.3;

    private const int MaxRelatedLines = 8;

    /// <summary>How much a signal without a time or path link to the failure counts.</summary>
    private const double UnlinkedSignalFactor = 0.9;

    public ClassifiedFailure Classify(TestFailure failure, IReadOnlyList<RelatedSignal> related)
    {
        var own = scorer.Score(failure.Source, FailureLines(failure));
        var context = new double[Enum.GetValues<ErrorType>().Length];
        var contextHits = new Dictionary<ErrorType, List<RuleHit>>();
        var relatedLines = new List<EvidenceLine>();
        foreach (var (_, linked, score) in related)
        {
            if (score.BestScore >= MinRelatedScore && relatedLines.Count < MaxRelatedLines)
            {
                relatedLines.AddRange(score.HitsFor(score.Best).Take(2).Select(h => new EvidenceLine(h.Source, h.Line.Number, Trim(h.Line.Text))));
            }

            foreach (var type in ErrorTypes.All)
            {
                var s = score[type] * (linked ? 1 : UnlinkedSignalFactor);
                if (s > context[(int)type])
                {
                    context[(int)type] = s;
                    contextHits[type] = [.. score.HitsFor(type)];
                }
            }
        }

        var type0 = own.Best;
        var confidence = Math.Clamp(own.BestScore - (0.35 * own.SecondScore), 0, 1);
        ErrorType? secondary = own.Second == ErrorType.Unknown ? null : own.Second;
        IEnumerable<RuleHit> evidence = own.HitsFor(type0);

        // A cause in the failure's own text outranks the symptom it produced…
        var ownCause = BestExplanation(type0, t => own[t]);
        if (ownCause is { } oc)
        {
            secondary = type0 == ErrorType.Unknown ? null : type0;
            type0 = oc;
            confidence = Math.Clamp(own[oc] - (0.2 * MaxOther(own.Scores, oc, secondary)), 0, 1);
            evidence = own.HitsFor(oc);
        }

        // …and so does a cause in the logs that belong to it.
        var contextCause = BestExplanation(type0, t => context[(int)t]);
        if (contextCause is { } cc)
        {
            secondary = type0 == ErrorType.Unknown ? secondary : type0;
            evidence = [.. contextHits[cc], .. own.HitsFor(type0)];
            type0 = cc;
            confidence = Math.Clamp(context[(int)cc] - 0.05, 0, 1);
        }

        // A login flow that never reaches the page after login is a login problem, not a renamed element.
        if (type0 is ErrorType.SelectorNotFound or ErrorType.Timeout && AuthFlow.IsPostLoginWait(failure))
        {
            secondary = type0;
            type0 = ErrorType.AuthState;
            confidence = Math.Min(confidence, AuthFlow.Confidence);
            evidence = [new RuleHit(AuthFlow.Rule, failure.Source, new LogLine(failure.SourceLine, failure.Test), AuthFlow.Confidence), .. evidence];
        }

        var shown = evidence.Take(5).ToList();
        var byUser = shown.Any(h => h.Rule.Type == type0 && !RuleSet.IsBuiltIn(h.Rule) && !ReferenceEquals(h.Rule, AuthFlow.Rule));
        var lines = shown.Select(h => new EvidenceLine(h.Source, h.Line.Number, Trim(h.Line.Text))).ToList();
        (type0, confidence, var byPlugin) = ApplyPlugins(failure, related, type0, confidence, lines);
        byUser |= byPlugin;

        if (confidence < minConfidence && type0 != ErrorType.Unknown)
        {
            secondary = type0;
            type0 = ErrorType.Unknown;
        }

        if (secondary == type0)
        {
            secondary = null;
        }

        return new ClassifiedFailure(failure, type0, Math.Round(confidence, 3), secondary, lines, [.. related.Select(r => r.Signal)], relatedLines)
        {
            OwnScores = own.Scores,
            ContextScores = context,
            ByUser = byUser,
        };
    }

    /// <summary>The lines a failure is judged on: its block, or its message when the format gave no block.</summary>
    internal static IReadOnlyList<LogLine> FailureLines(TestFailure failure)
    {
        if (failure.Block.Count > 0)
        {
            return failure.Block;
        }

        if (failure.NoErrorText)
        {
            return [];
        }

        var parts = failure.Message.Split('\n');
        return [.. parts.Select((p, i) => new LogLine(failure.SourceLine + i, p.TrimEnd('\r')))];
    }

    /// <summary>The strongest cause that explains <paramref name="shown"/> with enough evidence, or null.</summary>
    private static ErrorType? BestExplanation(ErrorType shown, Func<ErrorType, double> score)
    {
        ErrorType? best = null;
        foreach (var cause in ErrorTypes.All.Where(CausePriority.IsCause).OrderBy(CausePriority.Rank))
        {
            if (CausePriority.ExplainsAt(cause, shown) is { } needed && score(cause) >= needed && (best is null || score(cause) > score(best.Value)))
            {
                best = cause;
            }
        }

        return best;
    }

    /// <summary>The custom classifiers' verdict when one is more confident than the rules; <c>ByPlugin</c> says whether one was.</summary>
    private (ErrorType Type, double Confidence, bool ByPlugin) ApplyPlugins(TestFailure failure, IReadOnlyList<RelatedSignal> related, ErrorType type, double confidence, List<EvidenceLine> lines)
    {
        if (plugins.Count == 0)
        {
            return (type, confidence, false);
        }

        var context = new FailureContext(
            failure.Test,
            failure.Message,
            [.. FailureLines(failure).Select(l => l.Text)],
            [.. related.SelectMany(r => r.Signal.Lines).Select(l => l.Text)],
            failure.Action,
            failure.Selector,
            failure.Framework);
        var byPlugin = false;
        foreach (var plugin in plugins)
        {
            var verdict = plugin.Classify(context);
            if (verdict is not null && verdict.Confidence > confidence && !double.IsNaN(verdict.Confidence))
            {
                byPlugin = true;
                type = verdict.ErrorType;
                confidence = Math.Clamp(verdict.Confidence, 0, 1);
                lines.Insert(0, new EvidenceLine(plugin.GetType().Name, 0, Trim(verdict.Evidence)));
            }
        }

        return (type, confidence, byPlugin);
    }

    private static double MaxOther(double[] scores, ErrorType chosen, ErrorType? symptom)
    {
        var max = 0d;
        for (var i = 0; i < scores.Length; i++)
        {
            var t = (ErrorType)i;
            if (t != chosen && t != symptom && CausePriority.IsCause(t))
            {
                max = Math.Max(max, scores[i]);
            }
        }

        return max;
    }

    internal static string Trim(string text)
    {
        var t = text.Trim();
        return t.Length <= 300 ? t : string.Concat(t.AsSpan(0, 297), "...");
    }
}
