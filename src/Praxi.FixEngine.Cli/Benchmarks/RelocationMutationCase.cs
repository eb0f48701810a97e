using Praxi.FixEngine.Healing;

namespace Praxi.FixEngine.Cli.Benchmarks;

/// <summary>
/// One target under one mutation: the element's XPath on the mutated page (<see langword="null"/> when it was
/// removed) and what the relocator said. Each case is exactly one of correct, wrong and abstained: a removed
/// element is correct when the relocator abstained and wrong when it chose anything.
/// </summary>
internal sealed record RelocationMutationCase(string Page, string Target, RelocationMutation Mutation, string? Truth, RelocationResult Result)
{
    public bool Correct => Truth is null ? Result.Abstained : Result.ChosenId == Truth;

    public bool Wrong => !Result.Abstained && Result.ChosenId != Truth;

    /// <summary>The relocator abstained although the element is still on the page.</summary>
    public bool Abstained => Truth is not null && Result.Abstained;
}
