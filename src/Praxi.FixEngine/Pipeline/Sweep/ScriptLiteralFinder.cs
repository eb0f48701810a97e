using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting.JavaScript;

namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>
/// The literal selectors and timeouts of a TypeScript or JavaScript file, found on Acornima's tokens: the string argument
/// of <c>.locator(</c>, <c>getByX(</c>, page-level actions (<c>page.click('sel')</c>), the <c>name</c> of
/// <c>getByRole</c>, and numeric <c>timeout:</c> properties and <c>setTimeout</c>-style calls.
/// </summary>
internal static class ScriptLiteralFinder
{
    /// <summary>Locator calls whose first argument is a selector or a text (the literal a heal would change).</summary>
    private static readonly HashSet<string> LocatorCalls =
        [.. LocatorMethods.Playwright.Where(m => m.Argument is LocatorArgument.Selector or LocatorArgument.Text).Select(m => m.JavaScript)];

    /// <summary>Page-level actions whose first argument is a selector.</summary>
    private static readonly HashSet<string> PageActions = [.. LocatorMethods.PageActions.Where(a => a.JavaScript is not null).Select(a => a.JavaScript!)];

    /// <summary>Calls that go on refining a locator: the failing locator is the chain up to the last of them.</summary>
    private static readonly HashSet<string> ChainSteps = [.. LocatorMethods.Playwright.Select(m => m.JavaScript)];

    private static readonly HashSet<string> TimeoutKeys = ["timeout", "actionTimeout", "navigationTimeout"];

    private static readonly HashSet<string> TimeoutCalls = ["setTimeout", "setDefaultTimeout", "setDefaultNavigationTimeout"];

    /// <summary>The literals, or null (with the tokenizer's message) when the file does not tokenize.</summary>
    public static IReadOnlyList<SweepLiteral>? Find(string file, string text, out string? error)
    {
        var doc = JsDocument.TryCreate(file, text, out error);
        if (doc is null)
        {
            return null;
        }

        var found = new List<SweepLiteral>();
        for (var i = 0; i < doc.Count; i++)
        {
            var t = doc[i];
            if (t.Kind != JsTokenKind.Name && !(t.Kind == JsTokenKind.Punct && t.Text is "$" or "$$"))
            {
                continue;
            }

            if (TimeoutKeys.Contains(t.Text) && doc.Is(i + 1, ":") && Number(doc, i + 2) is { } ms && !doc.Is(i - 1, "."))
            {
                found.Add(Timeout(doc, i + 2, t.Text + ":", ms));
                continue;
            }

            if (!doc.Is(i + 1, "(") || !doc.Is(i - 1, ".") && !doc.Is(i - 1, "?."))
            {
                continue;
            }

            var open = i + 1;
            var close = doc.Match(open);
            if (close < 0)
            {
                continue;
            }

            if (TimeoutCalls.Contains(t.Text) && close == open + 2 && Number(doc, open + 1) is { } callMs)
            {
                found.Add(Timeout(doc, open + 1, t.Text + "(", callMs));
                continue;
            }

            if (t.Text == "getByRole")
            {
                if (RoleName(doc, open, close) is { } name)
                {
                    found.Add(Selector(doc, i, close, name, "getByRole name"));
                }

                continue;
            }

            if ((LocatorCalls.Contains(t.Text) || PageActions.Contains(t.Text) && IsPageLike(doc, i - 2)) && Literal(doc, open + 1) is { } literal)
            {
                found.Add(Selector(doc, i, close, literal, t.Text));
            }
        }

        return found;
    }

    /// <summary>A string token, or the text of a template literal without substitutions; the index of its first token and the delimiter length.</summary>
    private static (int Token, int Close)? Literal(JsDocument doc, int index)
    {
        if (index < doc.Count && doc[index].Kind == JsTokenKind.String)
        {
            return (index, 1);
        }

        return doc.Is(index, "`") && index + 2 < doc.Count && doc[index + 1].Kind == JsTokenKind.TemplateText && doc.Is(index + 2, "`") ? (index, 1) : null;
    }

    private static int? Number(JsDocument doc, int index) =>
        index < doc.Count && doc[index].Kind == JsTokenKind.Number && (doc.Is(index + 1, ",") || doc.Is(index + 1, "}") || doc.Is(index + 1, ")"))
            ? SweepInstructions.Number(doc[index].Text)
            : null;

    /// <summary>The <c>name: '…'</c> string of the options object of <c>getByRole(role, { … })</c>.</summary>
    private static (int Token, int Close)? RoleName(JsDocument doc, int open, int close)
    {
        for (var j = open + 1; j < close; j++)
        {
            if (doc.Is(j, "{") && doc.Parent(j) == open)
            {
                var end = doc.Match(j);
                for (var k = j + 1; k < end; k++)
                {
                    if (doc.IsName(k, "name") && doc.Parent(k) == j && doc.Is(k + 1, ":") && Literal(doc, k + 2) is { } literal)
                    {
                        return literal;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when the receiver before <c>.action(</c> is a page or frame (<c>page</c>, <c>this.page</c>, <c>frame</c>).</summary>
    private static bool IsPageLike(JsDocument doc, int receiver) =>
        doc.IsName(receiver) && (doc[receiver].Text.Contains("page", StringComparison.OrdinalIgnoreCase) || doc[receiver].Text.Contains("frame", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first token of the call chain that ends with the call named at <paramref name="name"/>.</summary>
    private static int ChainStart(JsDocument doc, int name)
    {
        var start = name;
        while (doc.Is(start - 1, ".") || doc.Is(start - 1, "?."))
        {
            var previous = start - 2;
            if (doc.Is(previous, "!"))
            {
                previous--;
            }

            if (doc.Is(previous, ")") && doc.Match(previous) is var open and > 0 && doc.IsName(open - 1))
            {
                start = open - 1;
            }
            else if (doc.IsName(previous))
            {
                start = previous;
            }
            else
            {
                break;
            }
        }

        return start;
    }

    private static SweepLiteral Selector(JsDocument doc, int name, int close, (int Token, int Close) literal, string form)
    {
        var first = doc[literal.Token];
        var last = doc[doc.Is(literal.Token, "`") ? literal.Token + 2 : literal.Token];
        var start = ChainStart(doc, name);
        while (doc.Is(close + 1, ".") && doc.IsName(close + 2) && ChainSteps.Contains(doc[close + 2].Text) && doc.Is(close + 3, "(") && doc.Match(close + 3) > 0)
        {
            close = doc.Match(close + 3);
        }

        var expression = doc.Text[doc[start].Start..doc[close].End];
        var raw = doc.Text[first.Start..last.End];
        return SweepInstructions.Selector(doc.Path, doc.LineOf(first.Start), Column(doc, first.Start), first.Start, form, expression, first.Start - doc[start].Start, raw, literal.Close);
    }

    private static SweepLiteral Timeout(JsDocument doc, int token, string form, int ms)
    {
        var t = doc[token];
        return SweepInstructions.Timeout(doc.Path, doc.LineOf(t.Start), Column(doc, t.Start), t.Start, t.End - t.Start, form, ms);
    }

    private static int Column(JsDocument doc, int offset)
    {
        var lineStart = doc.Text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        return offset < lineStart ? 1 : offset - lineStart + 1;
    }
}
