using System.Globalization;
using System.Text;

namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>Reads literals off the tokens and writes new ones in the author's style.</summary>
internal static class JsLiteral
{
    /// <summary>
    /// The literal that starts at token <paramref name="index"/>: a string, a template without substitutions,
    /// a regex, a number, <c>true</c>/<c>false</c>. Sets <paramref name="interpolated"/> for a template with <c>${…}</c>.
    /// </summary>
    public static LiteralSite? At(JsDocument doc, int index, out bool interpolated)
    {
        interpolated = false;
        if (index < 0 || index >= doc.Count)
        {
            return null;
        }

        var t = doc[index];
        switch (t.Kind)
        {
            case JsTokenKind.String:
                return new LiteralSite(doc, index, index, LiteralKind.String, t.Value, t.Text[0]);
            case JsTokenKind.Regex:
                return new LiteralSite(doc, index, index, LiteralKind.Regex, t.Text, '/');
            case JsTokenKind.Number:
                return new LiteralSite(doc, index, index, LiteralKind.Number, t.Text, '\0');
            case JsTokenKind.Name when t.Text is "true" or "false":
                return new LiteralSite(doc, index, index, LiteralKind.Boolean, t.Text, '\0');
            case JsTokenKind.Punct when t.Text == "`":
                {
                    var i = index + 1;
                    var text = string.Empty;
                    if (i < doc.Count && doc[i].Kind == JsTokenKind.TemplateText)
                    {
                        text = doc[i].Value;
                        i++;
                    }

                    if (doc.Is(i, "`"))
                    {
                        return new LiteralSite(doc, index, i, LiteralKind.String, text, '`');
                    }

                    interpolated = doc.Is(i, "${");
                    return null;
                }

            default:
                return null;
        }
    }

    /// <summary>The index of the last token of the template literal that starts at <paramref name="index"/>.</summary>
    public static int TemplateEnd(JsDocument doc, int index)
    {
        var i = index + 1;
        while (i < doc.Count)
        {
            if (doc.Is(i, "`"))
            {
                return i;
            }

            i = doc.Is(i, "${") ? doc.Match(i) + 1 : i + 1;
        }

        return doc.Count - 1;
    }

    /// <summary>A string literal for <paramref name="value"/> in quote <paramref name="quote"/>, escaped as needed.</summary>
    public static string Quote(string value, char quote)
    {
        if (quote is not ('\'' or '"' or '`'))
        {
            quote = '\'';
        }

        var sb = new StringBuilder(value.Length + 2).Append(quote);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '\n':
                    sb.Append(@"\n");
                    break;
                case '\r':
                    sb.Append(@"\r");
                    break;
                case '\u2028' or '\u2029':
                    sb.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case '$' when quote == '`' && i + 1 < value.Length && value[i + 1] == '{':
                    sb.Append(@"\$");
                    break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < ' ' && c != '\t')
                    {
                        sb.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }

    /// <summary>The number as the author writes numbers: with <c>_</c> thousands separators when the old literal had them.</summary>
    public static string Number(long value, string oldRaw)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        if (oldRaw.Contains('_', StringComparison.Ordinal))
        {
            var sb = new StringBuilder();
            for (var i = 0; i < digits.Length; i++)
            {
                if (i > 0 && (digits.Length - i) % 3 == 0)
                {
                    sb.Append('_');
                }

                sb.Append(digits[i]);
            }

            digits = sb.ToString();
        }

        return value < 0 ? "-" + digits : digits;
    }

    /// <summary>The value of a numeric literal's source text (<c>30_000</c>, <c>5e3</c>, <c>0x10</c>), or null.</summary>
    public static long? ParseNumber(string raw)
    {
        var text = raw.Replace("_", string.Empty, StringComparison.Ordinal);
        if (text.EndsWith('n'))
        {
            text = text[..^1];
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            return hex;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? (long)d
            : null;
    }

    /// <summary>The quote most string literals of the file use (for new literals with no old one to copy).</summary>
    public static char DominantQuote(JsDocument doc)
    {
        int single = 0, dbl = 0;
        foreach (var t in doc.Tokens)
        {
            if (t.Kind == JsTokenKind.String)
            {
                if (t.Text[0] == '"')
                {
                    dbl++;
                }
                else
                {
                    single++;
                }
            }
        }

        return dbl > single ? '"' : '\'';
    }
}
