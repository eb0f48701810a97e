namespace Praxi.FixEngine.Locators;

/// <summary>
/// The <c>&gt;&gt;</c> chain of a Playwright selector, split by Playwright's own rules (<c>parseSelectorString</c>,
/// docs/locators.md#chain-splitting): a backslash takes the next character with it, in quotes or not; <c>"</c>,
/// <c>'</c> and <c>`</c> open a quoted run that only the same quote closes — except a quote in the body of an unquoted
/// <c>text=</c> part after some text (<c>text=it's &gt;&gt; button</c> is two parts); brackets and parentheses do not
/// hide a <c>&gt;&gt;</c> (Playwright itself writes one inside a regex as <c>\&gt;\&gt;</c>). Every stage splits chains
/// here.
/// </summary>
internal static class SelectorChain
{
    /// <summary>How Playwright joins the parts of a chain it prints.</summary>
    public const string Separator = " >> ";

    /// <summary>The parts as written, untrimmed (a selector without <c>&gt;&gt;</c> is one part).</summary>
    public static IReadOnlyList<string> SplitRaw(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (!selector.Contains(">>", StringComparison.Ordinal))
        {
            return [selector];
        }

        var parts = new List<string>();
        var start = 0;
        var quote = '\0';
        var i = 0;
        while (i < selector.Length)
        {
            var c = selector[i];
            if (c == '\\' && i + 1 < selector.Length)
            {
                i += 2;
            }
            else if (quote != '\0' && c == quote)
            {
                quote = '\0';
                i++;
            }
            else if (quote == '\0' && c is '"' or '\'' or '`' && !InUnquotedTextBody(selector, start, i))
            {
                quote = c;
                i++;
            }
            else if (quote == '\0' && c == '>' && i + 1 < selector.Length && selector[i + 1] == '>')
            {
                parts.Add(selector[start..i]);
                i += 2;
                start = i;
            }
            else
            {
                i++;
            }
        }

        parts.Add(selector[start..]);
        return parts;
    }

    /// <summary>The parts, trimmed (empty parts kept, so a caller can tell <c>a &gt;&gt; &gt;&gt; b</c> from <c>a &gt;&gt; b</c>).</summary>
    public static IReadOnlyList<string> Split(string selector) => [.. SplitRaw(selector).Select(p => p.Trim())];

    /// <summary>The parts joined the way Playwright prints a chain.</summary>
    public static string Join(IEnumerable<string> parts) => string.Join(Separator, parts);

    /// <summary>
    /// Playwright's <c>/^\s*text\s*=(.*)$/</c> on the part so far with a non-empty group: the quote at
    /// <paramref name="index"/> follows some text of an unquoted <c>text=</c> body. JavaScript's <c>.</c> stops at line
    /// terminators, so a body with one does not match.
    /// </summary>
    private static bool InUnquotedTextBody(string selector, int start, int index)
    {
        var i = start;
        while (i < index && IsJsWhiteSpace(selector[i]))
        {
            i++;
        }

        if (index - i < 4 || string.CompareOrdinal(selector, i, "text", 0, 4) != 0)
        {
            return false;
        }

        i += 4;
        while (i < index && IsJsWhiteSpace(selector[i]))
        {
            i++;
        }

        if (i >= index || selector[i] != '=')
        {
            return false;
        }

        var body = selector.AsSpan(i + 1, index - i - 1);
        return !body.IsEmpty && body.IndexOfAny("\n\r\u2028\u2029") < 0;
    }

    /// <summary>JavaScript's <c>\s</c>: white space and line terminators (it has U+FEFF and lacks U+0085, unlike .NET).</summary>
    private static bool IsJsWhiteSpace(char c) => c == '\uFEFF' || (c != '\u0085' && char.IsWhiteSpace(c));
}
