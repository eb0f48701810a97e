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
    /// <summary>The judge's verdict, or null when the rules' own verdict is at least as confident.</summary>
    public static JudgeVerdict? Choose(JudgeInput input, JudgeVerdict judged) =>
        input.RuleType != ErrorType.Unknown && input.RuleConfidence >= judged.Confidence ? null : judged;
}
