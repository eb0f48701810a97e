namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>
/// One target under one mutation: the element's XPath on the mutated page (<see langword="null"/> when it was
/// removed) and what the relocator said. Each case is exactly one of correct, wrong and abstained: a removed
/// element is correct when the relocator abstained and wrong when it chose anything.
/// </summary>
/// <param name="Page">The page, relative to the current directory.</param>
/// <param name="Target">The element's XPath on the unchanged page.</param>
/// <param name="Mutation">The change made to the page.</param>
/// <param name="Truth">The element's XPath on the mutated page; null when it was removed.</param>
/// <param name="Result">What the relocator said.</param>
public sealed record RelocationMutationCase(string Page, string Target, RelocationMutation Mutation, string? Truth, RelocationResult Result)
{
    /// <summary>The relocator found the element, or abstained on a removed one.</summary>
    public bool Correct => Truth is null ? Result.Abstained : Result.ChosenId == Truth;

    /// <summary>The relocator chose another element, or anything for a removed one (a wrong heal).</summary>
    public bool Wrong => !Result.Abstained && Result.ChosenId != Truth;

    /// <summary>The relocator abstained although the element is still on the page.</summary>
    public bool Abstained => Truth is not null && Result.Abstained;
}
