using System.Globalization;
using System.Text;

namespace Praxi.FixEngine.Locators;

/// <summary>Small scanners shared by the CSS and XPath readers: quotes, brackets and CSS identifiers.</summary>
internal static class SelectorText
{
    /// <summary>Splits at top-level occurrences of <paramref name="separator"/> (outside quotes, brackets, parentheses).</summary>
    public static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        Scan(text, 0, (i, c, depth) =>
        {
            if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }

            return false;
        });
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The index just past the bracket or parenthesis that closes the one at <paramref name="open"/>; -1 when unbalanced.</summary>
    public static int SkipBalanced(string text, int open)
    {
        var close = Scan(text, open, (_, c, depth) => c is ']' or ')' && depth == 1);
        return close < 0 ? -1 : close + 1;
    }

    /// <summary>
    /// Walks <paramref name="text"/> from <paramref name="from"/>, skipping quoted runs (<c>"…"</c>, <c>'…'</c>) and
    /// backslash escapes, and shows every other character to <paramref name="stop"/> with the bracket and parenthesis
    /// depth before it (brackets themselves included). Gives the index where <paramref name="stop"/> said true, or -1.
    /// </summary>
    public static int Scan(string text, int from, Func<int, char, int, bool> stop)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }

            if (c == '\\')
            {
                i++;
                continue;
            }

            if (stop(i, c, depth))
            {
                return i;
            }

            depth = c switch
            {
                '[' or '(' => depth + 1,
                ']' or ')' => Math.Max(0, depth - 1),
                _ => depth,
            };
        }

        return -1;
    }

    /// <summary>Reads a quoted string (CSS or XPath: <c>'…'</c> or <c>"…"</c>, backslash escapes for CSS).</summary>
    public static bool TryReadQuoted(string text, int start, bool backslashEscapes, out string value, out int end)
    {
        value = string.Empty;
        end = start;
        if (start >= text.Length || text[start] is not ('"' or '\''))
        {
            return false;
        }

        var quote = text[start];
        var sb = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (backslashEscapes && c == '\\' && i + 1 < text.Length)
            {
                i = ReadEscape(text, i, sb) - 1;
                continue;
            }

            if (c == quote)
            {
                value = sb.ToString();
                end = i + 1;
                return true;
            }

            sb.Append(c);
        }

        return false;
    }

    /// <summary>Reads a CSS identifier with its escapes (<c>add\-to-cart</c>, <c>\31 23</c>); empty when none starts here.</summary>
    public static string ReadIdent(string text, int start, out int end)
    {
        var sb = new StringBuilder();
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                i = ReadEscape(text, i, sb);
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || c > 0x7f)
            {
                sb.Append(c);
                i++;
                continue;
            }

            break;
        }

        end = i;
        return sb.ToString();
    }

    /// <summary>Appends the character a CSS escape at <paramref name="backslash"/> stands for; returns the index after it.</summary>
    private static int ReadEscape(string text, int backslash, StringBuilder sb)
    {
        var i = backslash + 1;
        var hex = 0;
        while (hex < 6 && i + hex < text.Length && char.IsAsciiHexDigit(text[i + hex]))
        {
            hex++;
        }

        if (hex == 0)
        {
            sb.Append(text[i]);
            return i + 1;
        }

        var code = int.Parse(text.AsSpan(i, hex), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        sb.Append(code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : "\uFFFD");
        i += hex;
        return i < text.Length && text[i] == ' ' ? i + 1 : i;
    }
}
