namespace Praxi.FixEngine.Healing;

/// <summary>
/// A new page's candidates, normalised once for <see cref="SimilarityRelocator"/>, with the page's word counts
/// (<see cref="PageVocabulary"/>). Build it once per page and relocate any number of targets against it.
/// </summary>
internal sealed class RelocationPage
{
    public RelocationPage(IReadOnlyList<RelocationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);

        var features = new List<CandidateFeatures>(candidates.Count);
        var words = new WordCache();
        foreach (var candidate in candidates)
        {
            var c = new CandidateFeatures(candidate, words);
            features.Add(c);
            TextWords.Add(c.AccessibleNames.Prepend(c.Text));
            AroundWords.Add(c.Around);
            ClassWords.Add(c.Classes);
            NameWords.Add([c.ElementId?.Words, c.TestId?.Words, c.FormName?.Words]);
        }

        Candidates = features;
    }

    public IReadOnlyList<CandidateFeatures> Candidates { get; }

    /// <summary>Words of the candidates' visible texts and accessible names.</summary>
    public PageVocabulary TextWords { get; } = new();

    /// <summary>Words of the candidates' neighbour texts.</summary>
    public PageVocabulary AroundWords { get; } = new();

    /// <summary>Words of the candidates' class names.</summary>
    public PageVocabulary ClassWords { get; } = new();

    /// <summary>Words of the candidates' ids, test ids and names.</summary>
    public PageVocabulary NameWords { get; } = new();
}
