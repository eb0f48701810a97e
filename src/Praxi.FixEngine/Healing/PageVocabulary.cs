namespace Praxi.FixEngine.Healing;

/// <summary>
/// How many of a page's candidates use each word in one property (their texts, their neighbours, their class
/// names, their ids and names), so that a word shared by many candidates counts less than a rare one: the
/// class <c>item</c> on thirty list entries says little about which entry the target is, a unique id word
/// says a lot. Counted per page, from the candidates alone.
/// </summary>
internal sealed class PageVocabulary
{
    private readonly Dictionary<string, int> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _weights = new(StringComparer.Ordinal);
    private int _pages;
    private double? _unused;

    /// <summary>Counts one candidate's words (each word once per candidate).</summary>
    public void Add(ElementWords? words)
    {
        _pages++;
        if (words is null)
        {
            return;
        }

        foreach (var w in words.Words)
        {
            _documents[w] = _documents.GetValueOrDefault(w) + 1;
        }
    }

    /// <summary>Counts one candidate's words from several of its properties (each word once per candidate).</summary>
    public void Add(IEnumerable<ElementWords?> parts)
    {
        _pages++;
        HashSet<string>? seen = null;
        foreach (var words in parts)
        {
            if (words is null)
            {
                continue;
            }

            foreach (var w in words.Words)
            {
                if ((seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(w))
                {
                    _documents[w] = _documents.GetValueOrDefault(w) + 1;
                }
            }
        }
    }

    /// <summary>
    /// The weight of a word, <c>1 + ln((N + 1) / (n + 1))</c> for a word that <c>n</c> of <c>N</c> candidates use
    /// (smoothed inverse document frequency). The leading 1 keeps a word that every candidate shares from
    /// counting for nothing: it still tells that the candidate is of the same kind. A word no candidate uses
    /// weighs most; when the target has it, every candidate misses it alike.
    /// </summary>
    public double Weight(string word)
    {
        // Words that no candidate uses (the target's own) are not cached: they all weigh the same.
        if (!_documents.TryGetValue(word, out var n))
        {
            return _unused ??= 1 + Math.Log(_pages + 1.0);
        }

        if (!_weights.TryGetValue(word, out var weight))
        {
            weight = 1 + Math.Log((_pages + 1.0) / (n + 1.0));
            _weights[word] = weight;
        }

        return weight;
    }
}
