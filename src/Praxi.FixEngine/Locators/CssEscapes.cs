using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// CSS escaping, for every stage: identifiers as <c>CSS.escape</c> writes them, quoted strings, Selenium's
/// escape-everything form, and the reverse — escapes that change nothing (<c>\-</c>, <c>\_</c> and an escaped letter
/// that is not a hex digit read the same unescaped inside an identifier). Selenium escapes every non-alphanumeric
/// character of <c>By.Id("add-to-cart")</c> and sends and prints <c>#add\-to\-cart</c>; without the needless escapes
/// the two spellings compare equal.
/// </summary>
internal static partial class CssEscapes
{
    /// <summary>A CSS identifier, escaped as <c>CSS.escape</c> would (enough for ids and classes).</summary>
    public static string Identifier(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetter(c) || c == '_' || c >= '\u0080' || (c == '-' && !(i == 0 && value.Length == 1)) || (char.IsAsciiDigit(c) && !(i == 0 || (i == 1 && value[0] == '-'))))
            {
                sb.Append(c);
            }
            else if (char.IsAsciiDigit(c))
            {
                sb.Append('\\').Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                sb.Append('\\').Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// An identifier with a backslash before every character that is not a letter, digit, <c>-</c>, <c>_</c> or
    /// non-ASCII — the shape of the id Selenium's <c>By.Id</c> turns into CSS.
    /// </summary>
    public static string EscapeNonNameCharacters(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || c > 0x7f))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>A CSS string in <paramref name="quote"/>s, with backslashes and that quote escaped.</summary>
    public static string String(string value, char quote = '"')
    {
        var sb = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            if (c == '\\' || c == quote)
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append(quote).ToString();
    }

    /// <summary>The selector with its needless escapes removed; escapes that matter (<c>\.</c>, <c>\:</c>, hex) are kept.</summary>
    public static string WithoutNeedless(string css) => css.Contains('\\', StringComparison.Ordinal) ? Needless().Replace(css, "$1") : css;

    [GeneratedRegex(@"\\([-_g-zG-Z])")]
    private static partial Regex Needless();
}
