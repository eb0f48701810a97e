using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// The body of <c>internal:role</c>, <c>internal:attr</c> and <c>internal:testid</c> as Playwright's
/// <c>parseAttributeSelector</c> reads it: a name, then <c>[attr op value]</c> groups. A value is a quoted string
/// (<c>\</c> escapes the next character) with an optional <c>i</c>/<c>s</c> suffix, a <c>/regex/flags</c>, or a bare
/// word (<c>true</c>, <c>false</c>, a number, or — here always allowed — a string).
/// </summary>
/// <param name="Name">The part before the first <c>[</c> (a role; empty for attr/testid).</param>
/// <param name="Attributes">The bracketed groups in order.</param>
internal sealed record AttributeSelector(string Name, IReadOnlyList<AttributeSelector.Part> Attributes)
{
    /// <summary>Parses a body; a <see cref="FixEngineException"/> names the position of a syntax error.</summary>
    public static AttributeSelector Parse(string body, string engine)
    {
        var reader = new Reader(body, engine);
        return reader.Read();
    }

    /// <summary>Matches a string against one group, as Playwright's <c>matchesAttributePart</c> does.</summary>
    public static bool Matches(string actual, Part part)
    {
        if (part.Regex is { } regex)
        {
            return regex.IsMatchSafe(actual);
        }

        if (part.Op == "<truthy>")
        {
            return actual.Length > 0;
        }

        var value = part.Value ?? string.Empty;
        var comparison = part.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return part.Op switch
        {
            "=" => string.Equals(actual, value, comparison),
            "*=" => actual.Contains(value, comparison),
            "^=" => actual.StartsWith(value, comparison),
            "$=" => actual.EndsWith(value, comparison),
            "|=" => string.Equals(actual, value, comparison) || actual.StartsWith(value + "-", comparison),
            "~=" => actual.Split(' ').Any(token => string.Equals(token, value, comparison)),
            _ => false,
        };
    }

    /// <summary>One <c>[name op value]</c> group.</summary>
    /// <param name="Name">The attribute (or role option) name.</param>
    /// <param name="Op"><c>=</c>, <c>*=</c>, <c>^=</c>, <c>$=</c>, <c>|=</c>, <c>~=</c>, or <c>&lt;truthy&gt;</c> for <c>[name]</c>.</param>
    /// <param name="Value">The string value (bare words too); null for a regex or a truthy test.</param>
    /// <param name="Regex">The value when written as <c>/regex/flags</c>.</param>
    /// <param name="CaseSensitive">False after an <c>i</c> suffix; true otherwise.</param>
    /// <param name="Quoted">True when the value was a quoted string (so <c>"true"</c> is not a boolean).</param>
    internal sealed record Part(string Name, string Op, string? Value, Regex? Regex, bool CaseSensitive, bool Quoted);

    private sealed class Reader(string text, string engine)
    {
        private int _pos;

        private bool Eol => _pos >= text.Length;

        private char Next => _pos < text.Length ? text[_pos] : '\0';

        public AttributeSelector Read()
        {
            var name = ReadIdentifier();
            SkipSpaces();
            var attributes = new List<Part>();
            while (Next == '[')
            {
                attributes.Add(ReadAttribute());
                SkipSpaces();
            }

            if (!Eol)
            {
                throw Error("unexpected text");
            }

            if (name.Length == 0 && attributes.Count == 0)
            {
                throw new FixEngineException($"{engine}= needs a body, the selector part is empty.");
            }

            return new AttributeSelector(name, attributes);
        }

        private Part ReadAttribute()
        {
            _pos++; // [
            var path = new StringBuilder(ReadToken());
            SkipSpaces();
            while (Next == '.')
            {
                _pos++;
                path.Append('.').Append(ReadToken());
                SkipSpaces();
            }

            if (Next == ']')
            {
                _pos++;
                return new Part(path.ToString(), "<truthy>", null, null, CaseSensitive: false, Quoted: false);
            }

            var op = ReadOperator();
            SkipSpaces();
            string? value = null;
            Regex? regex = null;
            var caseSensitive = true;
            var quoted = false;
            if (Next == '/')
            {
                if (op != "=")
                {
                    throw Error($"a regular expression cannot follow {op}");
                }

                regex = ReadRegex();
            }
            else if (Next is '"' or '\'')
            {
                value = ReadQuoted(Next);
                quoted = true;
                SkipSpaces();
                if (Next is 'i' or 'I')
                {
                    caseSensitive = false;
                    _pos++;
                }
                else if (Next is 's' or 'S')
                {
                    _pos++;
                }
            }
            else
            {
                var start = _pos;
                while (!Eol && (IsNameChar(Next) || Next is '+' or '.'))
                {
                    _pos++;
                }

                value = text[start.._pos];
            }

            SkipSpaces();
            if (Next != ']')
            {
                throw Error("expected ']'");
            }

            _pos++;
            return new Part(path.ToString(), op, value, regex, caseSensitive, quoted);
        }

        private string ReadToken()
        {
            SkipSpaces();
            var token = Next is '"' or '\'' ? ReadQuoted(Next) : ReadIdentifier();
            if (token.Length == 0)
            {
                throw Error("expected an attribute name");
            }

            return token;
        }

        private string ReadOperator()
        {
            SkipSpaces();
            var op = Next.ToString();
            _pos++;
            if (op != "=" && !Eol)
            {
                op += Next;
                _pos++;
            }

            return op is "=" or "*=" or "^=" or "$=" or "|=" or "~=" ? op : throw Error("expected an operator (=, *=, ^=, $=, |=, ~=)");
        }

        private string ReadQuoted(char quote)
        {
            var sb = new StringBuilder();
            _pos++;
            while (!Eol && Next != quote)
            {
                if (Next == '\\')
                {
                    _pos++;
                    if (Eol)
                    {
                        break;
                    }
                }

                sb.Append(Next);
                _pos++;
            }

            if (Next != quote)
            {
                throw Error("unterminated string");
            }

            _pos++;
            return sb.ToString();
        }

        private Regex ReadRegex()
        {
            _pos++; // opening slash
            var source = new StringBuilder();
            var inClass = false;
            while (!Eol)
            {
                if (Next == '\\')
                {
                    source.Append(Next);
                    _pos++;
                    if (Eol)
                    {
                        break;
                    }
                }
                else if (inClass && Next == ']')
                {
                    inClass = false;
                }
                else if (!inClass && Next == '[')
                {
                    inClass = true;
                }
                else if (!inClass && Next == '/')
                {
                    break;
                }

                source.Append(Next);
                _pos++;
            }

            if (Next != '/')
            {
                throw Error("unterminated regular expression");
            }

            _pos++;
            var flags = new StringBuilder();
            while (!Eol && "dgimsuyv".Contains(Next, StringComparison.Ordinal))
            {
                flags.Append(Next);
                _pos++;
            }

            return JsRegex.Create(source.ToString(), flags.ToString());
        }

        private string ReadIdentifier()
        {
            SkipSpaces();
            var start = _pos;
            while (!Eol && IsNameChar(Next))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        private void SkipSpaces()
        {
            while (!Eol && char.IsWhiteSpace(Next))
            {
                _pos++;
            }
        }

        private static bool IsNameChar(char c) => c >= '\u0080' || char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

        private FixEngineException Error(string what) =>
            new(string.Create(CultureInfo.InvariantCulture, $"Cannot parse the {engine}= body {SelectorParser.Shorten(text)}: {what} at position {_pos}."));
    }
}
