namespace Praxi.FixEngine.Healing;

/// <summary>One candidate's properties in the form <see cref="SimilarityRelocator"/> compares them.</summary>
internal sealed class CandidateFeatures
{
    public CandidateFeatures(RelocationCandidate candidate)
    {
        var p = candidate.Props;
        Id = candidate.Id;
        Props = p;
        Tag = SimilarityRelocator.KnownTag(p.Tag);
        ElementId = Name(p.Id);
        TestId = Name(p.TestId);
        FormName = Name(p.Name);
        Role = PropertySimilarity.Lower(p.Role);
        Type = PropertySimilarity.Lower(p.Type);
        Text = ElementWords.FromText(p.SeenText);
        AccessibleNames = AccessibleWords(p);
        Around = ElementWords.FromText(p.AroundText);
        Classes = ElementWords.FromName(p.Class);
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

    private static ElementWords[] AccessibleWords(ElementProps p)
    {
        if (p.AccessibleName is null && p.AriaLabel is null && p.Label is null)
        {
            return [];
        }

        var words = new List<ElementWords>(3);
        foreach (var text in new[] { p.AccessibleName, p.AriaLabel, p.Label })
        {
            if (ElementWords.FromText(text) is { } w)
            {
                words.Add(w);
            }
        }

        return [.. words];
    }

    private static (ElementWords Words, string Raw)? Name(string? value) =>
        PropertySimilarity.Lower(value) is { } raw && ElementWords.FromName(value) is { } words ? (words, raw) : null;
}
