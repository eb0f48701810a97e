namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// A member chain as written: <c>this.page.locator('form').getByRole('button').click()</c> — a root name
/// (<c>this</c>, <c>page</c>, <c>expect(…)</c>) and its links. Non-null assertions (<c>!</c>) are skipped.
/// </summary>
internal sealed record CallChain(JsDocument Document, IReadOnlyList<ChainLink> Links)
{
    public int First => Links[0].Name;

    public int Last => Links[^1].End;

    /// <summary>The chain whose root name is at <paramref name="start"/>, or null when no name is there.</summary>
    public static CallChain? Parse(JsDocument doc, int start)
    {
        if (!doc.IsName(start))
        {
            return null;
        }

        var links = new List<ChainLink>();
        var i = start;
        links.Add(Link(doc, ref i));
        while (i < doc.Count)
        {
            var j = i;
            while (doc.Is(j, "!"))
            {
                j++;
            }

            if ((doc.Is(j, ".") || doc.Is(j, "?.")) && doc.IsName(j + 1))
            {
                i = j + 1;
                links.Add(Link(doc, ref i));
                continue;
            }

            break;
        }

        return new CallChain(doc, links);
    }

    private static ChainLink Link(JsDocument doc, ref int i)
    {
        var name = i;
        i++;
        var open = i;
        if (doc.Is(open, "?.") && doc.Is(open + 1, "("))
        {
            open++;
        }

        if (doc.Is(open, "("))
        {
            var close = doc.Match(open);
            i = close + 1;
            return new ChainLink(name, open, close);
        }

        return new ChainLink(name, -1, -1);
    }

    /// <summary>Every chain of the document whose root is not itself a member (<c>a.b</c> gives one chain, not two).</summary>
    public static IEnumerable<CallChain> All(JsDocument doc, int fromToken = 0, int toToken = int.MaxValue)
    {
        for (var i = Math.Max(fromToken, 0); i < doc.Count && i <= toToken; i++)
        {
            if (!doc.IsName(i) || JsSyntax.AfterDot(doc, i))
            {
                continue;
            }

            var chain = Parse(doc, i);
            if (chain is not null)
            {
                yield return chain;
            }
        }
    }
}
