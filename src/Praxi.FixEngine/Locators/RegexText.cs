using System.Text;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// A new text written in the author's regex style: when a locator named its element with a regex
/// (<c>{ name: /sign in/i }</c>, <c>NameRegex = new Regex("sign in", RegexOptions.IgnoreCase)</c>), a heal to another
/// name stays a regex — the new name's literal text, escaped, with the author's flags.
/// </summary>
internal static class RegexText
{
    /// <summary>The characters that mean something in a JavaScript or .NET regex pattern.</summary>
    private const string Special = @"\^$.|?*+()[]{}";

    /// <summary><paramref name="text"/> as a pattern that matches it literally; <c>/</c> is escaped too when <paramref name="slash"/>.</summary>
    public static string Escape(string text, bool slash)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal) || slash && c == '/')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// A JavaScript regex literal for <paramref name="text"/> with the flags of <paramref name="authorRegex"/>
    /// (<c>/sign in/i</c>, "Log in" → <c>/Log in/i</c>); anchored (<c>/^Log in$/i</c>) when the heal needs the whole
    /// text (<paramref name="whole"/>: the element is only unique by its exact name).
    /// </summary>
    public static string JavaScript(string authorRegex, string text, bool whole)
    {
        var close = authorRegex.LastIndexOf('/');
        var flags = close > 0 ? authorRegex[(close + 1)..] : string.Empty;
        return "/" + Pattern(text, whole, slash: true) + "/" + flags;
    }

    /// <summary>The pattern that matches <paramref name="text"/> literally, anchored when <paramref name="whole"/>.</summary>
    public static string Pattern(string text, bool whole, bool slash) => whole ? "^" + Escape(text, slash) + "$" : Escape(text, slash);

    /// <summary>
    /// The text a JavaScript regex literal matches when its pattern is only literal characters (<c>/Log in\(s\)/i</c> →
    /// "Log in(s)"), and whether it is anchored at both ends (<c>/^Log in$/</c>); null for a real pattern or flags other
    /// than <c>i</c>, <c>u</c>, <c>m</c> and <c>s</c> (which change nothing for a literal text).
    /// </summary>
    public static (string Text, bool Whole)? LiteralOf(string regex)
    {
        var close = regex.LastIndexOf('/');
        if (!regex.StartsWith('/') || close <= 0 || regex[(close + 1)..].Any(f => f is not ('i' or 'u' or 'm' or 's')))
        {
            return null;
        }

        var sb = new StringBuilder();
        var from = 1;
        var whole = close >= 3 && regex[1] == '^' && regex[close - 1] == '$' && regex[close - 2] != '\\';
        if (whole)
        {
            from = 2;
            close--;
        }

        for (var i = from; i < close; i++)
        {
            var c = regex[i];
            if (c == '\\' && i + 1 < close && (Special.Contains(regex[i + 1], StringComparison.Ordinal) || regex[i + 1] == '/'))
            {
                sb.Append(regex[++i]);
            }
            else if (Special.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
            else
            {
                sb.Append(c);
            }
        }

        return (sb.ToString(), whole);
    }

    /// <summary>
    /// A JavaScript regex literal (what a selector's <c>name=/…/i</c> holds) as the .NET expression that makes it:
    /// <c>/sign in/i</c> → <c>new Regex("sign in", RegexOptions.IgnoreCase)</c>; <c>i</c>, <c>m</c> and <c>s</c> map to
    /// options, the other flags change nothing for one test. <paramref name="literal"/> writes a C# string literal.
    /// </summary>
    public static string DotNet(string regex, Func<string, string> literal)
    {
        var (pattern, flags) = Split(regex);
        var options = flags.Select(f => f switch { 'i' => "RegexOptions.IgnoreCase", 'm' => "RegexOptions.Multiline", 's' => "RegexOptions.Singleline", _ => null })
            .OfType<string>().Distinct().ToList();
        return $"new Regex({literal(pattern)}{(options.Count == 0 ? string.Empty : ", " + string.Join(" | ", options))})";
    }

    /// <summary>
    /// A .NET pattern and its <c>RegexOptions</c> member names as the JavaScript regex literal Playwright prints in a
    /// selector (<c>"sign in"</c>, [IgnoreCase] → <c>/sign in/i</c>).
    /// </summary>
    public static string FromDotNet(string pattern, IEnumerable<string> options)
    {
        var flags = string.Concat(options.Select(o => o switch { "IgnoreCase" => "i", "Multiline" => "m", "Singleline" => "s", _ => string.Empty }).Distinct().Order(StringComparer.Ordinal));
        var sb = new StringBuilder("/");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(pattern, i++, 2);
            }
            else
            {
                sb.Append(pattern[i] == '/' ? "\\/" : pattern[i].ToString());
            }
        }

        return sb.Append('/').Append(flags).ToString();
    }

    /// <summary>The pattern (with <c>\/</c> unescaped) and the flags of a JavaScript regex literal.</summary>
    public static (string Pattern, string Flags) Split(string regex)
    {
        var close = regex.LastIndexOf('/');
        if (!regex.StartsWith('/') || close <= 0)
        {
            return (regex, string.Empty);
        }

        return (regex[1..close].Replace("\\/", "/", StringComparison.Ordinal), regex[(close + 1)..]);
    }
}
