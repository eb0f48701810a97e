namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>Light structure recognition on tokens: expression extents, argument lists, object literal properties.</summary>
internal static class JsSyntax
{
    private static readonly HashSet<string> Continuing =
    [
        ".", "?.", "+", "-", "*", "/", "%", "**", "?", ":", "&&", "||", "??", "=>", "=", "==", "===", "!=", "!==",
        "<", ">", "<=", ">=", "|", "&", "^", "<<", ">>", ">>>", ",", "(", "[", "{", "${",
    ];

    /// <summary>
    /// The last token of the expression that starts at <paramref name="start"/>: it ends before a top-level
    /// <c>,</c> or <c>;</c>, before a closing bracket of an enclosing pair, or at a line break where the
    /// expression cannot go on (automatic semicolon insertion).
    /// </summary>
    public static int ExpressionEnd(JsDocument doc, int start)
    {
        var i = start;
        var last = start - 1;
        while (i < doc.Count)
        {
            var t = doc[i];
            if (t.Kind == JsTokenKind.Punct)
            {
                if (t.Text is "," or ";")
                {
                    break;
                }

                if (t.Text is ")" or "]" or "}" && doc.Match(i) < start)
                {
                    break;
                }
            }

            if (last >= start && doc.LineOfToken(i) > doc.LineOf(doc[last].End) && !ContinuesAcrossLine(doc, last, i))
            {
                break;
            }

            if (t.Kind == JsTokenKind.Punct && t.Text is "(" or "[" or "{" or "${")
            {
                i = doc.Match(i);
            }
            else if (t.IsPunct("`"))
            {
                i = JsLiteral.TemplateEnd(doc, i);
            }

            last = i;
            i++;
        }

        return last;
    }

    private static bool ContinuesAcrossLine(JsDocument doc, int previous, int next)
    {
        var p = doc[previous];
        var n = doc[next];
        if (p.Kind == JsTokenKind.Punct && Continuing.Contains(p.Text) || p.Kind == JsTokenKind.Name && p.Text is "new" or "await" or "typeof" or "as" or "satisfies" or "return")
        {
            return true;
        }

        return n.Kind == JsTokenKind.Punct && n.Text is "." or "?." or "+" or "-" or "*" or "/" or "?" or ":" or "&&" or "||" or "??" or "=>" or "," or "!"
            || n.Kind == JsTokenKind.Name && n.Text is "as" or "satisfies";
    }

    /// <summary>The arguments of the call whose <c>(</c> is at <paramref name="open"/>, each as (first, last) tokens.</summary>
    public static List<(int First, int Last)> Arguments(JsDocument doc, int open)
    {
        var result = new List<(int, int)>();
        var close = doc.Match(open);
        var i = open + 1;
        while (i < close)
        {
            var first = i;
            var last = i - 1;
            while (i < close && !doc.Is(i, ","))
            {
                if (doc[i].Kind == JsTokenKind.Punct && doc[i].Text is "(" or "[" or "{" or "${")
                {
                    i = doc.Match(i);
                }
                else if (doc.Is(i, "`"))
                {
                    i = JsLiteral.TemplateEnd(doc, i);
                }

                last = i;
                i++;
            }

            if (last >= first)
            {
                result.Add((first, last));
            }

            i++;
        }

        return result;
    }

    /// <summary>
    /// The properties of the object literal whose <c>{</c> is at <paramref name="open"/>: key token and value
    /// tokens (for a shorthand property, the value is the key itself).
    /// </summary>
    public static List<(int Key, int First, int Last)> Properties(JsDocument doc, int open)
    {
        var result = new List<(int, int, int)>();
        if (!doc.Is(open, "{"))
        {
            return result;
        }

        foreach (var (first, last) in Arguments(doc, open))
        {
            var key = first;
            if (doc[key].Kind is JsTokenKind.Name or JsTokenKind.String or JsTokenKind.Number && doc.Is(key + 1, ":") && key + 2 <= last)
            {
                result.Add((key, key + 2, last));
            }
            else if (first == last && doc[key].Kind == JsTokenKind.Name)
            {
                result.Add((key, key, key));
            }
        }

        return result;
    }

    /// <summary>The key's name (identifier or quoted).</summary>
    public static string KeyName(JsDocument doc, int key) => doc[key].Value;

    /// <summary>Trims wrappers that do not change a value: parentheses, <c>as T</c>, <c>satisfies T</c>, a trailing <c>!</c>.</summary>
    public static (int First, int Last) Unwrap(JsDocument doc, int first, int last)
    {
        while (first <= last)
        {
            if (doc.Is(first, "(") && doc.Match(first) == last)
            {
                first++;
                last--;
                continue;
            }

            if (doc.Is(last, "!") && last > first)
            {
                last--;
                continue;
            }

            var cut = -1;
            for (var i = first + 1; i <= last; i++)
            {
                if (doc.IsName(i, "as") || doc.IsName(i, "satisfies"))
                {
                    if (doc.Parent(i) == doc.Parent(first))
                    {
                        cut = i;
                        break;
                    }
                }

                if (doc[i].Kind == JsTokenKind.Punct && doc[i].Text is "(" or "[" or "{" or "${")
                {
                    i = doc.Match(i);
                }
            }

            if (cut > first)
            {
                last = cut - 1;
                continue;
            }

            break;
        }

        return (first, last);
    }

    /// <summary>True when the token is preceded by a member access (<c>.</c> or <c>?.</c>).</summary>
    public static bool AfterDot(JsDocument doc, int index) => doc.Is(index - 1, ".") || doc.Is(index - 1, "?.");
}
