namespace Praxi.FixEngine.Healing;

/// <summary>
/// A text or a name broken into lower-case words, in order of first appearance and without repeats, with the
/// words run together (<c>Log in</c> and <c>Login</c> both run together as <c>login</c>). Words are kept in an
/// array, not only a set, so that every comparison walks them in the same order and scores are reproducible. A
/// page has thousands of these, so the set and the run-together form are built only when asked for.
/// </summary>
internal sealed class ElementWords
{
    // Up to this many words a scan of the array is cheaper than building a set.
    private const int ScanLimit = 8;

    private readonly string[] _words;
    private readonly string _lower;
    private HashSet<string>? _set;
    private string? _joined;

    private ElementWords(string[] words, string lower)
    {
        _words = words;
        _lower = lower;
    }

    public IReadOnlyList<string> Words => _words;

    /// <summary>Every letter and digit, in order, lower-cased: the words (repeats included) run together.</summary>
    public string Joined => _joined ??= LettersAndDigits(_lower);

    public int Count => _words.Length;

    /// <summary>Whether the word is one of these.</summary>
    public bool Contains(string word)
    {
        if (_words.Length <= ScanLimit)
        {
            foreach (var w in _words)
            {
                if (string.Equals(w, word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        return (_set ??= new HashSet<string>(_words, StringComparer.Ordinal)).Contains(word);
    }

    /// <summary>Whether both have the same words (order and repeats aside).</summary>
    public bool SameWords(ElementWords other) => _words.Length == other._words.Length && _words.All(other.Contains);

    /// <summary>The words of a visible text: runs of letters and digits, lower-cased.</summary>
    public static ElementWords? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        var words = new Distinct();
        var start = -1;
        for (var i = 0; i <= lower.Length; i++)
        {
            var inWord = i < lower.Length && char.IsLetterOrDigit(lower[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(lower[start..i]);
                start = -1;
            }
        }

        return words.Count == 0 ? null : new ElementWords(words.ToArray(), lower);
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

        // Lower-casing maps character by character, so the indexes of the name hold in its lower-case copy.
        var lower = name.ToLowerInvariant();
        var words = new Distinct();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            if (!char.IsLetterOrDigit(c))
            {
                if (start >= 0)
                {
                    words.Add(lower[start..i]);
                    start = -1;
                }

                continue;
            }

            if (start >= 0 && IsBoundary(name, i))
            {
                words.Add(lower[start..i]);
                start = i;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return words.Count == 0 ? null : new ElementWords(words.ToArray(), lower);
    }

    private static string LettersAndDigits(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return n == s.Length ? s : string.Create(n, s, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    span[i++] = c;
                }
            }
        });
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

    /// <summary>Words in order of first appearance, without repeats: scanned while few, a set once many.</summary>
    private sealed class Distinct
    {
        private readonly List<string> _list = [];
        private HashSet<string>? _set;

        public int Count => _list.Count;

        public void Add(string word)
        {
            if (_set is not null)
            {
                if (_set.Add(word))
                {
                    _list.Add(word);
                }

                return;
            }

            foreach (var w in _list)
            {
                if (string.Equals(w, word, StringComparison.Ordinal))
                {
                    return;
                }
            }

            _list.Add(word);
            if (_list.Count > ScanLimit)
            {
                _set = new HashSet<string>(_list, StringComparer.Ordinal);
            }
        }

        public string[] ToArray() => [.. _list];
    }
}
