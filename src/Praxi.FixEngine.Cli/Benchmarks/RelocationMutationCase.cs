using Praxi.FixEngine.Healing;

namespace Praxi.FixEngine.Cli.Benchmarks;

/// <summary>
/// One target under one mutation: the element's XPath on the mutated page (<see langword="null"/> when it was
/// removed) and what the relocator said. A removed element counts as correct only when the relocator abstained.
/// </summary>
internal sealed record RelocationMutationCase(string Page, string Target, RelocationMutation Mutation, string? Truth, RelocationResult Result)
{
    public bool Correct => Truth is null ? Result.Abstained : Result.ChosenId == Truth;

    public bool Wrong => !Result.Abstained && Result.ChosenId != Truth;

    public bool Abstained => Result.Abstained;
}
