using System.Text;

namespace Praxi.FixEngine.Locators;

internal static partial class LocatorExpression
{
    internal enum TokenKind
    {
        Ident,
        String,
        Regex,
        Number,
        Punct,
    }

    /// <summary>A token of a locator expression; <see cref="Text"/> is the decoded value for strings.</summary>
    internal readonly record struct Token(TokenKind Kind, string Text, int Start, int End);

    /// <summary>A small tokenizer for the call syntax of JS/TS, Python, C# and Java locator expressions.</summary>
    internal static class Tokenizer
    {
        /// <summary>Tokens of <paramref name="text"/>; false on an unterminated string or an unknown character.</summary>
        public static bool TryTokenize(string text, out List<Token> tokens)
        {
            tokens = [];
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                var c0 = i;
                if (c is '"' or '\'' or '`')
                {
                    if (!TryReadString(text, i, out var value, out i))
                    {
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.String, value, c0, i));
                    continue;
                }

                if (c == '@' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    if (!TryReadVerbatim(text, i + 1, out var value, out i))
                    {
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.String, value, c0, i));
                    continue;
                }

                if (c == '/' && RegexMayStart(tokens))
                {
                    var end = ReadRegex(text, i);
                    if (end < 0)
                    {
                        return false;
                    }

                    i = end;
                    tokens.Add(new Token(TokenKind.Regex, text[c0..i], c0, i));
                    continue;
                }

                if (char.IsAsciiLetter(c) || c is '_' or '$')
                {
                    var start = i;
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                    {
                        i++;
                    }

                    var ident = text[start..i];

                    // Python string prefixes: r"…", u'…'.
                    if (i < text.Length && text[i] is '"' or '\'' && ident is "r" or "u" or "b" or "f" or "rb" or "br")
                    {
                        continue;
                    }

                    tokens.Add(new Token(TokenKind.Ident, ident, c0, i));
                    continue;
                }

                if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    var start = i;
                    i++;
                    while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Number, text[start..i], c0, i));
                    continue;
                }

                if (c is '(' or ')' or '{' or '}' or '[' or ']' or ',' or ':' or '=' or '.' or ';' or '!' or '?')
                {
                    i++;
                    tokens.Add(new Token(TokenKind.Punct, c.ToString(), c0, i));
                    continue;
                }

                return false;
            }

            return true;
        }

        /// <summary>Reads a '…', "…" or `…` literal at <paramref name="start"/> (backslash escapes); <paramref name="end"/> is past the quote.</summary>
        public static bool TryReadString(string text, int start, out string value, out int end)
        {
            value = string.Empty;
            end = start;
            if (start >= text.Length || text[start] is not ('"' or '\'' or '`'))
            {
                return false;
            }

            var quote = text[start];
            var sb = new StringBuilder();
            for (var i = start + 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c == quote)
                {
                    value = sb.ToString();
                    end = i + 1;
                    return true;
                }

                if (c == '\\' && i + 1 < text.Length)
                {
                    i++;
                    var e = text[i];
                    switch (e)
                    {
                        case 'n':
                            sb.Append('\n');
                            break;
                        case 't':
                            sb.Append('\t');
                            break;
                        case 'u' when i + 4 < text.Length && ushort.TryParse(text.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                            sb.Append((char)code);
                            i += 4;
                            break;
                        default:
                            sb.Append(e);
                            break;
                    }

                    continue;
                }

                sb.Append(c);
            }

            return false;
        }

        private static bool TryReadVerbatim(string text, int start, out string value, out int end)
        {
            var sb = new StringBuilder();
            for (var i = start + 1; i < text.Length; i++)
            {
                if (text[i] != '"')
                {
                    sb.Append(text[i]);
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                    continue;
                }

                value = sb.ToString();
                end = i + 1;
                return true;
            }

            value = string.Empty;
            end = start;
            return false;
        }

        private static bool RegexMayStart(List<Token> tokens) =>
            tokens.Count == 0 || tokens[^1] is { Kind: TokenKind.Punct, Text: "(" or "," or ":" or "=" or "[" or "{" };

        private static int ReadRegex(string text, int start)
        {
            var inClass = false;
            for (var i = start + 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '[')
                {
                    inClass = true;
                }
                else if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '/' && !inClass)
                {
                    i++;
                    while (i < text.Length && char.IsAsciiLetter(text[i]))
                    {
                        i++;
                    }

                    return i;
                }
            }

            return -1;
        }
    }
}
