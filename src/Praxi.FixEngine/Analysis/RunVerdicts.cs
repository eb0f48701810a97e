using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Analysis;

/// <summary>
/// Who speaks for the run, the rules or the judge: the more confident of the two, as with custom classifiers. The
/// rules know causes the judge has seldom seen (a backend exception linked to the failing request, a login page where
/// the test expected the dashboard); the judge knows what the rules miss.
/// </summary>
internal static class RunVerdicts
{
    /// <summary>Rules this sure are right 19 times in 20 on the development corpus: the judge does not overrule them.</summary>
    private const double RulesTrustedAt = 0.8;

    /// <summary>The judge's verdict, or null when the rules' own verdict is at least as confident.</summary>
    public static JudgeVerdict? Choose(JudgeInput input, JudgeVerdict judged) =>
        input.RuleType != ErrorType.Unknown && input.RuleConfidence >= Math.Min(judged.Confidence, RulesTrustedAt) ? null : judged;
}
