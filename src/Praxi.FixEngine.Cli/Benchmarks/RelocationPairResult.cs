using Praxi.FixEngine.Healing;

namespace Praxi.FixEngine.Cli.Benchmarks;

/// <summary>One target's outcome: what the relocator said, and where the answer ranked among its scores.</summary>
internal sealed record RelocationPairResult(string Site, string TargetId, string AnswerId, RelocationResult Result, double AnswerScore)
{
    public bool Correct => Result.ChosenId == AnswerId;

    public bool Wrong => Result.ChosenId is not null && Result.ChosenId != AnswerId;
}
