namespace Praxi.FixEngine.Healing.Fingerprints;

/// <summary>How element fingerprints are taken from a DOM.</summary>
internal sealed record FingerprintOptions
{
    /// <summary>The test-id attributes the DOM readers know, in the order they are tried.</summary>
    public static IReadOnlyList<string> DefaultTestIdAttributes { get; } = ["data-testid", "data-test-id", "data-test", "data-qa", "data-cy"];

    /// <summary>The defaults.</summary>
    public static FingerprintOptions Default { get; } = new();

    /// <summary>
    /// Attributes that hold a test id; the first one an element carries (with a value) becomes its <c>TestId</c>.
    /// </summary>
    /// <value>The default is <c>data-testid</c>, <c>data-test-id</c>, <c>data-test</c>, <c>data-qa</c>, <c>data-cy</c>.</value>
    public IReadOnlyList<string> TestIdAttributes { get; init; } = DefaultTestIdAttributes;

    /// <summary>Texts (<c>Text</c>, <c>VisibleText</c>) are cut to this many characters after whitespace is normalised.</summary>
    /// <value>The default is 200.</value>
    public int MaxTextLength { get; init; } = 200;

    /// <summary>How many words <c>NeighborText</c> takes from each side of the element and from its section's heading.</summary>
    /// <value>The default is 10.</value>
    public int NeighborWords { get; init; } = 10;

    /// <summary>The options with the project's test-id attributes first, then the other known ones.</summary>
    public static FingerprintOptions For(IReadOnlyList<string>? projectTestIdAttributes)
    {
        if (projectTestIdAttributes is null || projectTestIdAttributes.Count == 0)
        {
            return Default;
        }

        return new FingerprintOptions
        {
            TestIdAttributes = [.. projectTestIdAttributes.Concat(DefaultTestIdAttributes).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }
}
