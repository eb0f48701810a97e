using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Rewriting.JavaScript;

internal sealed partial class JavaScriptRewriter
{
    /// <summary>
    /// <c>await page.waitForTimeout(N)</c> right before an action on a locator becomes <c>await &lt;locator&gt;.waitFor()</c>.
    /// The line may point at the wait or at the action after it.
    /// </summary>
    private static RewriteResult HardWait(JsResolver resolver, JsDocument doc, FixInstruction instruction)
    {
        if (instruction.Line is not { } line)
        {
            return RewriteResult.NotFound($"{instruction.File}: the instruction has no line");
        }

        var where = $"{instruction.File}:{line}";
        var chains = CallChain.All(doc, doc.TokenAt(doc.OffsetOf(Math.Max(1, line - 30), 1)))
            .TakeWhile(c => doc.LineOfToken(c.First) <= line + 30).ToList();
        CallChain? wait = null;
        foreach (var chain in chains)
        {
            var last = chain.Links[^1];
            if (last.IsCall && doc.IsName(last.Name, "waitForTimeout") && doc.LineOfToken(chain.First) <= line && doc.LineOf(doc[chain.Last].End) >= line)
            {
                wait = chain;
                break;
            }
        }

        if (wait is null)
        {
            // The line may be the action: look at the statement before it.
            foreach (var chain in chains.Where(c => doc.LineOfToken(c.First) == line))
            {
                var before = PreviousStatementStart(doc, chain.First);
                var previous = before >= 0 ? CallChain.Parse(doc, before) : null;
                if (previous is not null && previous.Links[^1].IsCall && doc.IsName(previous.Links[^1].Name, "waitForTimeout"))
                {
                    wait = previous;
                    break;
                }
            }
        }

        if (wait is null)
        {
            return chains.Any(c => doc.LineOfToken(c.First) <= line && c.Links.Any(l => doc.IsName(l.Name, "waitFor")))
                ? RewriteResult.NoChange($"{where} already waits for a locator")
                : RewriteResult.NotFound($"{where}: no waitForTimeout(…) here");
        }

        var next = wait.Last + 1;
        while (doc.Is(next, ";") || doc.Is(next, ")"))
        {
            next++;
        }

        if (doc.IsName(next, "await"))
        {
            next++;
        }

        var action = CallChain.Parse(doc, next);
        var end = -1;
        var steps = action is null ? null : resolver.Steps(action, 0, out end);
        if (action is null || steps is not { Count: > 0 } || end >= action.Links.Count && steps[^1].Kind != LocatorStepKind.Action)
        {
            return RewriteResult.NotFound($"{where}: the wait is not followed by an action on a locator");
        }

        string locator;
        var lastStep = steps[^1];
        if (lastStep.Kind == LocatorStepKind.Action)
        {
            // page.click('#save') → page.locator('#save').waitFor()
            if (lastStep.ArgumentRange.First < 0)
            {
                return RewriteResult.NotFound($"{where}: the action after the wait has no selector");
            }

            var receiver = doc.Text[doc[action.First].Start..doc[lastStep.Link.Name].Start];
            locator = receiver + "locator(" + doc.Source(lastStep.ArgumentRange.First, lastStep.ArgumentRange.Last) + ")";
        }
        else
        {
            locator = doc.Text[doc[action.First].Start..doc[action.Links[end - 1].End].End];
        }

        var waitEnd = wait.Links[^1].Close;
        var edit = new TextEdit(doc.Path, doc[wait.First].Start, doc[waitEnd].End - doc[wait.First].Start, locator + ".waitFor()",
            doc.LineOfToken(wait.First), instruction.Kind.ToName());
        return RewriteResult.Edited([edit]);
    }

    /// <summary>The first token of the statement before the one starting at <paramref name="start"/> (skipping <c>await</c>), or -1.</summary>
    private static int PreviousStatementStart(JsDocument doc, int start)
    {
        var i = start - 1;
        if (doc.IsName(i, "await"))
        {
            i--;
        }

        if (doc.Is(i, ";"))
        {
            i--;
        }

        if (i < 0 || !doc.Is(i, ")"))
        {
            return -1;
        }

        // Walk back over the chain `page.waitForTimeout(500)`.
        var j = doc.Match(i) - 1;
        while (j > 0 && (doc.Is(j - 1, ".") || doc.Is(j - 1, "?.")))
        {
            j -= 2;
            if (doc.Is(j, ")"))
            {
                j = doc.Match(j) - 1;
            }
        }

        return doc.IsName(j) ? j : -1;
    }
}
