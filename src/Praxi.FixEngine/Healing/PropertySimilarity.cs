using System.Globalization;

namespace Praxi.FixEngine.Healing;

/// <summary>The comparisons of <see cref="SimilarityRelocator"/>: each returns a similarity between 0 and 1.</summary>
internal static class PropertySimilarity
{
    /// <summary>
    /// What a word that differs by one letter (<c>colour</c>/<c>color</c>, <c>adress</c>/<c>address</c>) earns of
    /// an equal word. Less than 1 because one letter also separates different words; only words of
    /// <see cref="FuzzyMinLength"/> characters or more with a letter in them are paired: shorter ones differ in
    /// meaning too often, and numbers one digit apart (<c>1039</c>/<c>1038</c>) are different numbers.
    /// </summary>
    public const double FuzzyWordCredit = 0.8;

    public const int FuzzyMinLength = 4;

    /// <summary>Two names with the same words in another spelling (<c>addToCart</c>, <c>add-to-cart</c>).</summary>
    public const double SameWordsOtherSpelling = 0.9;

    /// <summary>
    /// At most what a name that shares only some words earns (<c>add-to-cart</c>/<c>add-to-basket</c>). Siblings
    /// are named by one scheme (<c>btnSave</c>, <c>btnCancel</c>) and share words too, so a partial name is weak
    /// evidence: it may give a candidate the lead over unrelated ones, not over a candidate whose text agrees.
    /// </summary>
    public const double PartialNameCap = 0.6;

    // Above this many unmatched word pairs the one-letter pairing is skipped (long texts, whole containers): it
    // would cost time and a long text is not an edited label.
    private const int FuzzyPairLimit = 400;

    /// <summary>
    /// Weighted Jaccard of two word sets, each word weighted by its rarity on the page; words of
    /// <see cref="FuzzyMinLength"/>+ letters that differ by one edit pair up for <see cref="FuzzyWordCredit"/>.
    /// Equal sets, and texts equal once run together (<c>Log in</c>/<c>Login</c>), are 1.
    /// </summary>
    public static double Words(ElementWords a, ElementWords? b, PageVocabulary vocabulary, bool fuzzy)
    {
        if (b is null)
        {
            return 0;
        }

        if (a.SameWords(b) || string.Equals(a.Joined, b.Joined, StringComparison.Ordinal))
        {
            return 1;
        }

        double shared = 0, union = 0;
        List<string>? onlyA = null;
        foreach (var w in a.Words)
        {
            var weight = vocabulary.Weight(w);
            union += weight;
            if (b.Contains(w))
            {
                shared += weight;
            }
            else if (fuzzy && Pairable(w))
            {
                (onlyA ??= []).Add(w);
            }
        }

        List<string>? onlyB = null;
        foreach (var w in b.Words)
        {
            if (!a.Contains(w))
            {
                union += vocabulary.Weight(w);
                if (onlyA is not null && Pairable(w))
                {
                    (onlyB ??= []).Add(w);
                }
            }
        }

        if (onlyA is not null && onlyB is not null && onlyA.Count * onlyB.Count <= FuzzyPairLimit)
        {
            var used = new bool[onlyB.Count];
            foreach (var x in onlyA)
            {
                for (var j = 0; j < onlyB.Count; j++)
                {
                    if (!used[j] && WithinOneEdit(x, onlyB[j]))
                    {
                        used[j] = true;
                        var weight = Math.Min(vocabulary.Weight(x), vocabulary.Weight(onlyB[j]));
                        shared += FuzzyWordCredit * weight;
                        union -= weight; // the pair is one word of the union, not two
                        break;
                    }
                }
            }
        }

        return union <= 0 ? 0 : Math.Min(1, shared / union);
    }

    /// <summary>
    /// Two identifiers: 1 when equal ignoring case, <see cref="SameWordsOtherSpelling"/> for the same words,
    /// otherwise <see cref="PartialNameCap"/> × the rarity-weighted Jaccard of their words.
    /// </summary>
    public static double Names(ElementWords a, string aRaw, ElementWords? b, string? bRaw, PageVocabulary vocabulary)
    {
        if (b is null || bRaw is null)
        {
            return 0;
        }

        if (string.Equals(aRaw, bRaw, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        if (a.SameWords(b))
        {
            return SameWordsOtherSpelling;
        }

        return PartialNameCap * Words(a, b, vocabulary, fuzzy: false);
    }

    /// <summary>An identifier against a text (<c>add-to-cart</c> against "Add to cart"): the same words, or some.</summary>
    public static double NameInText(ElementWords name, ElementWords? text, PageVocabulary vocabulary)
    {
        if (text is null)
        {
            return 0;
        }

        if (name.SameWords(text) || string.Equals(name.Joined, text.Joined, StringComparison.Ordinal))
        {
            return SameWordsOtherSpelling;
        }

        return PartialNameCap * Words(name, text, vocabulary, fuzzy: false);
    }

    private static bool Pairable(string word) => word.Length >= FuzzyMinLength && word.Any(char.IsLetter);

    /// <summary>Whether two words differ by at most one inserted, deleted or replaced character.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        if (b.Length - a.Length > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        return a.Length == b.Length
            ? a.AsSpan(Math.Min(i + 1, a.Length)).SequenceEqual(b.AsSpan(Math.Min(i + 1, b.Length)))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>The path and query of a link, in steps: archive prefixes and hosts change, the path names the page.</summary>
    public static string[]? HrefSteps(string? href)
    {
        if (Lower(href) is not { } s)
        {
            return null;
        }

        // A Wayback URL embeds the original one; the last scheme is the link's own.
        var at = Math.Max(s.LastIndexOf("http://", StringComparison.Ordinal), s.LastIndexOf("https://", StringComparison.Ordinal));
        if (at >= 0)
        {
            var rest = s[(s.IndexOf("//", at, StringComparison.Ordinal) + 2)..];
            var slash = rest.IndexOfAny(['/', '?', '#']);
            s = slash < 0 ? "/" : rest[slash..];
        }

        var hash = s.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && hash < s.Length - 1)
        {
            s = s[..hash] + "/" + s[(hash + 1)..];
        }

        return s.Split(['/', '?', '&'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Equal link steps, else the Jaccard of the steps.</summary>
    public static double Href(string[] a, string[]? b)
    {
        if (b is null)
        {
            return 0;
        }

        if (a.AsSpan().SequenceEqual(b))
        {
            return 1;
        }

        var setA = new HashSet<string>(a, StringComparer.Ordinal);
        var setB = new HashSet<string>(b, StringComparer.Ordinal);
        var shared = setA.Count(setB.Contains);
        var union = setA.Count + setB.Count - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>The steps of an XPath, lower-cased; <c>id("x")/div[1]</c> reads as <c>//*[@id='x']/div[1]</c>.</summary>
    public static string[] PathSteps(string path)
    {
        if (path.StartsWith("id(\"", StringComparison.Ordinal))
        {
            var end = path.IndexOf("\")", StringComparison.Ordinal);
            if (end > 0)
            {
                path = string.Create(CultureInfo.InvariantCulture, $"//*[@id='{path[4..end]}']{path[(end + 2)..]}");
            }
        }

        return path.ToLowerInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Shared leading and trailing steps over the longer path: a wrapper added or a sibling inserted costs one step.</summary>
    public static double Steps(string[] a, string[] b)
    {
        var longest = Math.Max(a.Length, b.Length);
        if (longest == 0)
        {
            return 0;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        return (double)(prefix + suffix) / longest;
    }

    /// <summary>The smaller of two sizes over the larger.</summary>
    public static double Ratio(int a, int b)
    {
        var (lo, hi) = (Math.Min(Math.Abs(a), Math.Abs(b)), Math.Max(Math.Abs(a), Math.Abs(b)));
        return hi == 0 ? 1 : (double)lo / hi;
    }

    /// <summary>Trimmed and lower-cased; null when nothing is left.</summary>
    public static string? Lower(string? value) => value?.Trim().ToLowerInvariant() is { Length: > 0 } s ? s : null;
}
