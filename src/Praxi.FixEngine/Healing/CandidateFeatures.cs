using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing;

/// <summary>One candidate's properties in the form <see cref="SimilarityRelocator"/> compares them.</summary>
internal sealed class CandidateFeatures
{
    public CandidateFeatures(RelocationCandidate candidate, WordCache? words = null)
    {
        words ??= new WordCache();
        var p = candidate.Props;
        Id = candidate.Id;
        Props = p;
        Tag = SimilarityRelocator.KnownTag(p.Tag);
        ElementId = Name(p.Id, words);
        TestId = Name(p.TestId, words);
        FormName = Name(p.Name, words);
        Role = PropertySimilarity.Lower(p.Role);
        Type = PropertySimilarity.Lower(p.Type);
        Text = words.Text(p.SeenText);
        AccessibleNames = AccessibleWords(p, words);
        Around = words.Text(p.AroundText);
        Classes = words.Name(p.Class);
        Href = PropertySimilarity.HrefSteps(p.Href);
        XPath = p.XPath is null ? null : PropertySimilarity.PathSteps(p.XPath);
        IdXPath = p.IdXPath is null ? null : PropertySimilarity.PathSteps(p.IdXPath);
        Hidden = p.Hidden == true;
    }

    public string Id { get; }

    public ElementProps Props { get; }

    public string? Tag { get; }

    public (ElementWords Words, string Raw)? ElementId { get; }

    public (ElementWords Words, string Raw)? TestId { get; }

    public (ElementWords Words, string Raw)? FormName { get; }

    public string? Role { get; }

    public string? Type { get; }

    public ElementWords? Text { get; }

    /// <summary>The accessible name, aria-label and label texts the candidate has (any of them may match).</summary>
    public IReadOnlyList<ElementWords> AccessibleNames { get; }

    public ElementWords? Around { get; }

    public ElementWords? Classes { get; }

    public string[]? Href { get; }

    public string[]? XPath { get; }

    public string[]? IdXPath { get; }

    public bool Hidden { get; }

    private static ElementWords[] AccessibleWords(ElementProps p, WordCache cache)
    {
        if (p.AccessibleName is null && p.AriaLabel is null && p.Label is null)
        {
            return [];
        }

        var words = new List<ElementWords>(3);
        foreach (var text in new[] { p.AccessibleName, p.AriaLabel, p.Label })
        {
            if (cache.Text(text) is { } w)
            {
                words.Add(w);
            }
        }

        return [.. words];
    }

    private static (ElementWords Words, string Raw)? Name(string? value, WordCache cache) =>
        PropertySimilarity.Lower(value) is { } raw && cache.Name(value) is { } words ? (words, raw) : null;
}

/// <summary>
/// The words of texts and names already split on one page: a grid repeats the same button text, classes and
/// neighbour texts hundreds of times, and <see cref="ElementWords"/> are read-only once built, so they are shared.
/// </summary>
internal sealed class WordCache
{
    private readonly Dictionary<string, ElementWords?> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ElementWords?> _names = new(StringComparer.Ordinal);

    public ElementWords? Text(string? text) => Get(_texts, text, ElementWords.FromText);

    public ElementWords? Name(string? name) => Get(_names, name, ElementWords.FromName);

    private static ElementWords? Get(Dictionary<string, ElementWords?> cache, string? value, Func<string?, ElementWords?> split)
    {
        if (value is null)
        {
            return null;
        }

        if (!cache.TryGetValue(value, out var words))
        {
            cache[value] = words = split(value);
        }

        return words;
    }
}
