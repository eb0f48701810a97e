namespace Praxi.FixEngine.Guardrails;

/// <summary>
/// Blanks comments out of source text (same length, newlines kept) so the integrity checks count code, not
/// commented-out code: an edit that turns <c>expect(a)</c> into <c>// expect(a)</c> removes an assertion.
/// String literals are kept (Cypress writes its matchers in strings). A light lexer per family: C-like
/// (C#, TS/JS, Java: <c>//</c>, <c>/* */</c>, quotes, verbatim and raw C# strings, template literals, JS
/// regex literals by the previous token) and Python (<c>#</c>, triple quotes); other files are not masked.
/// It only needs to be consistent between the before and after text of one file, not a full parser.
/// </summary>
internal static class CodeMask
{
    private enum Family
    {
        None,
        CLike,
        Python,
    }

    public static string Mask(string text, string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var family = ext switch
        {
            ".cs" or ".csx" or ".ts" or ".tsx" or ".mts" or ".cts" or ".js" or ".jsx" or ".mjs" or ".cjs" or ".java" or ".kt" => Family.CLike,
            ".py" => Family.Python,
            _ => Family.None,
        };
        var js = ext is ".ts" or ".tsx" or ".mts" or ".cts" or ".js" or ".jsx" or ".mjs" or ".cjs";
        return family switch
        {
            Family.CLike => MaskCLike(text, js, ext is ".cs" or ".csx"),
            Family.Python => MaskPython(text),
            _ => text,
        };
    }

    private static string MaskCLike(string text, bool js, bool csharp)
    {
        var chars = text.ToCharArray();
        var i = 0;
        var lastSignificant = '\0';
        while (i < chars.Length)
        {
            var c = chars[i];
            var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                i = Blank(chars, i, IndexOrEnd(text, '\n', i));
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = Blank(chars, i, end < 0 ? chars.Length : end + 2);
            }
            else if (csharp && c == '"' && next == '"' && i + 2 < chars.Length && chars[i + 2] == '"')
            {
                var n = 0;
                while (i + n < chars.Length && chars[i + n] == '"')
                {
                    n++;
                }

                var end = text.IndexOf(new string('"', n), i + n, StringComparison.Ordinal);
                i = end < 0 ? chars.Length : end + n;
                lastSignificant = '"';
            }
            else if (csharp && IsVerbatimStart(chars, i))
            {
                // Verbatim string: "" is a quote, backslash is literal.
                var j = text.IndexOf('"', i) + 1;
                while (j < chars.Length && !(chars[j] == '"' && (j + 1 >= chars.Length || chars[j + 1] != '"')))
                {
                    j += chars[j] == '"' ? 2 : 1;
                }

                i = Math.Min(chars.Length, j + 1);
                lastSignificant = '"';
            }
            else if (c is '"' or '\'' || js && c == '`')
            {
                i = SkipQuoted(chars, i, c, multiline: c == '`');
                lastSignificant = c;
            }
            else if (js && c == '/' && RegexMayStart(text, i, lastSignificant))
            {
                i = SkipRegex(chars, i);
                lastSignificant = '/';
            }
            else
            {
                if (!char.IsWhiteSpace(c))
                {
                    lastSignificant = c;
                }

                i++;
            }
        }

        return new string(chars);
    }

    private static bool IsVerbatimStart(char[] chars, int i)
    {
        var c = chars[i];
        var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
        var third = i + 2 < chars.Length ? chars[i + 2] : '\0';
        return c == '@' && next == '"' || (c == '$' && next == '@' || c == '@' && next == '$') && third == '"';
    }

    private static string MaskPython(string text)
    {
        var chars = text.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            var c = chars[i];
            if (c == '#')
            {
                i = Blank(chars, i, IndexOrEnd(text, '\n', i));
            }
            else if (c is '"' or '\'')
            {
                var triple = new string(c, 3);
                if (string.CompareOrdinal(text, i, triple, 0, 3) == 0)
                {
                    var end = text.IndexOf(triple, i + 3, StringComparison.Ordinal);
                    i = end < 0 ? chars.Length : end + 3;
                }
                else
                {
                    i = SkipQuoted(chars, i, c, multiline: false);
                }
            }
            else
            {
                i++;
            }
        }

        return new string(chars);
    }

    private static int SkipQuoted(char[] chars, int start, char quote, bool multiline)
    {
        var j = start + 1;
        while (j < chars.Length && chars[j] != quote)
        {
            if (chars[j] == '\\')
            {
                j++;
            }
            else if (chars[j] == '\n' && !multiline)
            {
                return j;
            }

            j++;
        }

        return Math.Min(chars.Length, j + 1);
    }

    /// <summary>A '/' starts a regex after an operator, an opening bracket, a comma or nothing; it divides after a value.</summary>
    private static bool RegexMayStart(string text, int i, char lastSignificant)
    {
        if (lastSignificant == '\0' || "(,=:[!&|?{};+-*%<>~^".Contains(lastSignificant, StringComparison.Ordinal))
        {
            return true;
        }

        // `return /x/`, `typeof /x/`: a keyword before it.
        var k = i - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        var end = k + 1;
        while (k >= 0 && char.IsLetter(text[k]))
        {
            k--;
        }

        var word = text[(k + 1)..end];
        return word is "return" or "typeof" or "case" or "in" or "of" or "new" or "delete" or "void" or "throw" or "yield" or "await";
    }

    private static int SkipRegex(char[] chars, int start)
    {
        var j = start + 1;
        var inClass = false;
        while (j < chars.Length && chars[j] != '\n')
        {
            var c = chars[j];
            if (c == '\\')
            {
                j += 2;
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                return j + 1;
            }

            j++;
        }

        // Not a regex after all (an unterminated line): treat the '/' as an operator.
        return start + 1;
    }

    private static int Blank(char[] chars, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (chars[k] is not '\n' and not '\r')
            {
                chars[k] = ' ';
            }
        }

        return to;
    }

    private static int IndexOrEnd(string text, char c, int from)
    {
        var i = text.IndexOf(c, from);
        return i < 0 ? text.Length : i;
    }
}
