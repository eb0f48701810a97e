using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Analysis;

/// <summary>Turns classified failures into the <c>analysis.json</c> contract: run verdict, plan, instructions, triggers.</summary>
internal static class ReportBuilder
{
    /// <summary>A plain-text block with no failure word in it counts this much toward the run's verdict.</summary>
    private const double UnmarkedBlockWeight = 0.6;

    /// <summary>Below this run confidence a person should look even when a pipeline is triggered.</summary>
    private const double ReviewBelow = 0.6;

    public static AnalysisReport Build(AnalysisOptions options, IReadOnlyList<ParsedLog> logs, IReadOnlyList<ClassifiedFailure> classified, JudgeVerdict? judged = null)
    {
        var (type, confidence) = Dominant(classified);
        var ruleEvidence = classified.Where(c => c.Type == type).OrderByDescending(c => c.Confidence)
            .SelectMany(c => c.Evidence).DistinctBy(e => (e.Source, e.Line, e.Text)).ToList();
        var evidence = ruleEvidence.Take(5).ToList();
        ErrorType? secondary = null;
        var decidedBy = classified.Any(c => c.ByUser && c.Type == type) ? "user" : "rules";
        if (judged is not null)
        {
            // The judge speaks for the run; the failures the rules put under the run's type (or could not type) follow it.
            var ruleType = type;
            classified = [.. classified.Select(c => c.Type == ruleType || c.Type == ErrorType.Unknown ? Follow(c, judged) : c)];
            type = judged.Type;
            confidence = judged.Confidence;
            secondary = judged.RunnerUp == type ? null : judged.RunnerUp;
            var agreeing = judged.Type == ruleType || (judged.Type == ErrorType.Unknown && judged.RunnerUp == ruleType) ? ruleEvidence : [];
            evidence = [.. agreeing.Concat(judged.Evidence).DistinctBy(e => (e.Source, e.Line)).Take(5)];
            decidedBy = "model";
        }
        var failures = classified.Select(ToReport).ToList();
        var plan = classified.Count == 0 && judged is null
            ? new SelfHealPlan { Eligible = false, Reason = "no failure was found in the artifacts", Actions = [], MaxAttempts = options.MaxSelfHealAttempts }
            : SelfHealPlans.For(type, options.MaxSelfHealAttempts);
        var instructions = FixInstructions.For(classified, options);
        var fixAgent = instructions.Count > 0;
        var review = (classified.Count > 0 || judged is not null) && (type is ErrorType.Unknown or ErrorType.AssertionFailure or ErrorType.BackendError or ErrorType.CompileError
            || confidence < ReviewBelow
            || (!plan.Eligible && !fixAgent));
        return new AnalysisReport
        {
            RunId = options.RunId,
            Classification = new RunClassification
            {
                ErrorType = type,
                Confidence = Math.Round(confidence, 3),
                Evidence = evidence,
                Failures = failures,
                SecondaryType = secondary,
                DecidedBy = classified.Count == 0 && judged is null ? null : decidedBy,
            },
            SelfHealPlan = plan,
            FixAgentInstructions = instructions,
            Triggers = new Triggers(plan.Eligible, fixAgent, review),
            Sources = [.. logs.Select(l => new ArtifactSummary(l.Source, l.Format, l.Failures.Count, l.Signals.Count))],
        };
    }

    /// <summary>A failure under the judge's verdict: its rules' type becomes the runner-up, its evidence the judge's when they disagree.</summary>
    private static ClassifiedFailure Follow(ClassifiedFailure c, JudgeVerdict judged)
    {
        if (c.Type == judged.Type)
        {
            return c with { Confidence = judged.Confidence };
        }

        var secondary = c.Type == ErrorType.Unknown ? c.Secondary ?? judged.RunnerUp : c.Type;
        return c with
        {
            Type = judged.Type,
            Confidence = judged.Confidence,
            Secondary = secondary == judged.Type ? null : secondary,
            Evidence = judged.Evidence.Count > 0 ? judged.Evidence : c.Evidence,
        };
    }

    /// <summary>The type with the most (confidence-weighted) failures; ties go to the root cause.</summary>
    internal static (ErrorType Type, double Confidence) Dominant(IReadOnlyList<ClassifiedFailure> classified)
    {
        var known = classified.Where(c => c.Type != ErrorType.Unknown).ToList();
        if (known.Count == 0)
        {
            // The confidence of "unknown" is that of the best guess it did not dare to give.
            return (ErrorType.Unknown, classified.Count == 0 ? 0 : classified.Max(c => c.Confidence));
        }

        var weights = known.GroupBy(c => c.Type)
            .Select(g => (Type: g.Key, Weight: g.Sum(Weight), Mean: g.Average(c => c.Confidence)))
            .OrderByDescending(x => x.Weight).ThenBy(x => CausePriority.Rank(x.Type)).ToList();
        var top = weights[0];
        var total = weights.Sum(w => w.Weight);
        var share = total <= 0 ? 1 : top.Weight / total;
        return (top.Type, Math.Clamp(top.Mean * (0.7 + (0.3 * share)), 0, 1));
    }

    private static double Weight(ClassifiedFailure c) =>
        c.Failure.Framework is null && c.Failure.Block.Count > 0 && !c.Failure.Block.Any(l => FailureMarkers.Has(l.Text))
            ? c.Confidence * UnmarkedBlockWeight
            : c.Confidence;

    private static FailureReport ToReport(ClassifiedFailure c)
    {
        var f = c.Failure;
        var (language, runner) = TestStack.Of(f.TestFile ?? f.File, null, f.Runner, f.Framework, f.Test);
        return new FailureReport
        {
            Test = f.Test,
            File = f.File,
            Line = f.Line,
            Column = f.Column,
            TestFile = f.TestFile,
            TestLine = f.TestLine,
            ErrorType = c.Type,
            Confidence = c.Confidence,
            Action = f.Action,
            Selector = LocatorExpression.TryParse(f.Selector, out var spec) ? PlaywrightSelectors.Print(spec) : null,
            Locator = f.Selector,
            TimeoutMs = f.TimeoutMs,
            Message = FirstLine(f.Message),
            Framework = f.Framework,
            Language = language,
            Runner = runner,
            SecondaryType = c.Secondary,
            Evidence = c.Evidence,
            RelatedLogLines = c.RelatedLines,
            Attachments = f.Attachments,
        };
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        return FailureClassifier.Trim(line);
    }
}
