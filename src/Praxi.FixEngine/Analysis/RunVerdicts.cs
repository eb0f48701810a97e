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

    /// <summary>
    /// The judge's verdict for the run, or null when the rules keep it: the judge is not asked for a user's verdict
    /// or a green run, and does not overrule rules that are sure or at least as confident.
    /// </summary>
    /// <param name="run">The run as the rules saw it.</param>
    /// <param name="judge">Asks the judge (a model, or a cross-validation fold's answer); called only when the judge has a say.</param>
    public static JudgeVerdict? Choose(RunExamination run, Func<JudgeInput, JudgeVerdict> judge)
    {
        if (!run.Judgeable)
        {
            return null;
        }

        var judged = judge(run.Input);
        var input = run.Input;
        return input.RuleType != ErrorType.Unknown && input.RuleConfidence >= Math.Min(judged.Confidence, RulesTrustedAt) ? null : judged;
    }
}
