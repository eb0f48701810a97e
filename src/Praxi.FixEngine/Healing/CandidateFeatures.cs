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
        AccessibleNames = [.. new[] { p.AccessibleName, p.AriaLabel, p.Label }.Select(ElementWords.FromText).OfType<ElementWords>()];
        Around = ElementWords.FromText(p.AroundText);
        Classes = ElementWords.FromName(p.Class);
        Href = PropertySimilarity.HrefSteps(p.Href);
        XPath = p.XPath is null ? null : PropertySimilarity.PathSteps(p.XPath);
        IdXPath = p.IdXPath is null ? null : PropertySimilarity.PathSteps(p.IdXPath);
        Hidden = p.Hidden == true;
        TextAndNames = ElementWords.FromText(string.Join(' ', new[] { p.SeenText, p.AccessibleName, p.AriaLabel, p.Label }.Where(s => s is not null)));
        AllNames = ElementWords.FromName(string.Join(' ', new[] { p.Id, p.TestId, p.Name }.Where(s => s is not null)));
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

    /// <summary>For the page's word counts only: the visible text and accessible names together.</summary>
    public ElementWords? TextAndNames { get; }

    /// <summary>For the page's word counts only: id, test id and name together.</summary>
    public ElementWords? AllNames { get; }

    private static (ElementWords Words, string Raw)? Name(string? value) =>
        PropertySimilarity.Lower(value) is { } raw && ElementWords.FromName(value) is { } words ? (words, raw) : null;
}
