namespace Praxi.FixEngine.Healing;

/// <summary>
/// A text or a name broken into lower-case words, in order of first appearance and without repeats, with the
/// words run together (<c>Log in</c> and <c>Login</c> both run together as <c>login</c>). Words are kept in an
/// array, not only a set, so that every comparison walks them in the same order and scores are reproducible.
/// </summary>
internal sealed class ElementWords
{
    private ElementWords(string[] words, string joined)
    {
        Words = words;
        Set = new HashSet<string>(words, StringComparer.Ordinal);
        Joined = joined;
    }

    public IReadOnlyList<string> Words { get; }

    public IReadOnlySet<string> Set { get; }

    public string Joined { get; }

    /// <summary>The words of a visible text: runs of letters and digits, lower-cased.</summary>
    public static ElementWords? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return Create(words);
    }

    /// <summary>
    /// The words of an identifier (id, test id, name, class): split at every character that is not a letter or a
    /// digit, between a lower-case and an upper-case letter (<c>addToCart</c>), before the last capital of a
    /// capital run that a lower-case letter follows (<c>HTMLParser</c>), and between letters and digits
    /// (<c>item2</c>), then lower-cased.
    /// </summary>
    public static ElementWords? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            if (!char.IsLetterOrDigit(c))
            {
                if (start >= 0)
                {
                    words.Add(name[start..i].ToLowerInvariant());
                    start = -1;
                }

                continue;
            }

            if (start >= 0 && IsBoundary(name, i))
            {
                words.Add(name[start..i].ToLowerInvariant());
                start = i;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return Create(words);
    }

    private static bool IsBoundary(string s, int i)
    {
        char prev = s[i - 1], c = s[i];
        if (char.IsDigit(prev) != char.IsDigit(c))
        {
            return true;
        }

        if (char.IsLower(prev) && char.IsUpper(c))
        {
            return true;
        }

        return char.IsUpper(prev) && char.IsUpper(c) && i + 1 < s.Length && char.IsLower(s[i + 1]);
    }

    private static ElementWords? Create(List<string> words)
    {
        if (words.Count == 0)
        {
            return null;
        }

        var distinct = new List<string>(words.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (seen.Add(w))
            {
                distinct.Add(w);
            }
        }

        return new ElementWords([.. distinct], string.Concat(words));
    }
}
