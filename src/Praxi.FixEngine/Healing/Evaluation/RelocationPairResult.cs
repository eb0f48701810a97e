namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>One target's outcome: what the relocator said, and where the answer ranked among its scores.</summary>
/// <param name="Site">The target's site.</param>
/// <param name="TargetId">The target's id in the site's records.</param>
/// <param name="AnswerId">The id of the candidate that is the right answer.</param>
/// <param name="Result">What the relocator said.</param>
/// <param name="AnswerScore">The answer's similarity to the target (0 when it was not scored).</param>
public sealed record RelocationPairResult(string Site, string TargetId, string AnswerId, RelocationResult Result, double AnswerScore)
{
    /// <summary>True when the relocator chose the answer.</summary>
    public bool Correct => Result.ChosenId == AnswerId;

    /// <summary>True when the relocator chose another candidate than the answer (a wrong heal).</summary>
    public bool Wrong => Result.ChosenId is not null && Result.ChosenId != AnswerId;
}
