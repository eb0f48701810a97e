using System.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// Turns "these selector parts of this chain become those" into minimal edits: a literal within the same
/// locator form when the form can say it, a call (method and arguments) when it cannot, a call appended to
/// narrow. Edits land where the values are defined.
/// </summary>
internal sealed class SelectorPlanner(JsResolver resolver, JsDocument failing, FixInstruction instruction, LocatorCandidate candidate, SelectorPreferences preferences)
{
    private readonly List<TextEdit> _edits = [];

    private List<LocatorStep> Steps => candidate.Steps;

    private string Where => $"{instruction.File}:{instruction.Line}";

    /// <summary>Inserts parts after candidate part <paramref name="at"/> − 1 (narrowing: <c>.first()</c>, <c>.filter(…)</c>).</summary>
    public RewriteResult Insert(int at, List<string> region)
    {
        if (at <= 0)
        {
            return Prepend(region);
        }

        var (stepIndex, part) = candidate.Index[at - 1];
        var step = Steps[stepIndex];
        if (IsString(step) && (step.Kind == LocatorStepKind.Action || part < StringParts(step) - 1))
        {
            return RewriteString(step, part + 1, part, region);
        }

        if (part != step.Parts.Count - 1)
        {
            return RewriteResult.ManualReview($"{Where}: cannot insert {SelectorChain.Join(region)} inside {step.Method}(…)");
        }

        var text = "." + LocatorRenderer.Calls(region, Quote(step), preferences);
        AddSpan(step.Document, step.End, step.End, text, step.Definition);
        return Done();
    }

    /// <summary>
    /// Scopes the whole locator: the calls for <paramref name="region"/> go before its first call, on the same receiver
    /// (<c>page.locator('.nav')</c> → <c>page.getByRole('banner').locator('.nav')</c>), where that call is defined. A
    /// page-level action (<c>page.click('.nav')</c>) becomes the locator's own action
    /// (<c>page.getByRole('banner').locator('.nav').click()</c>).
    /// </summary>
    private RewriteResult Prepend(List<string> region)
    {
        var first = Steps[0];
        var doc = first.Document;
        if (region.Count == 0 || !doc.Is(first.Link.Name - 1, ".") && !doc.Is(first.Link.Name - 1, "?."))
        {
            return RewriteResult.ManualReview($"{Where}: the new locator adds parts before the first call, and {first.Method}(…) has no receiver to scope");
        }

        var quote = Quote(first);
        var scope = LocatorRenderer.Calls(region, quote, preferences);
        if (first.Kind != LocatorStepKind.Action)
        {
            AddSpan(doc, first.Start, first.Start, scope + ".", first.Definition);
            return Done();
        }

        if (!LocatorActions.Contains(first.Method) || first.ArgumentRange.First < 0 || !first.Link.IsCall)
        {
            return RewriteResult.ManualReview($"{Where}: the new locator adds a scope, and page.{first.Method}(…) has no locator form to scope");
        }

        // page.fill('#x', 'v', { timeout }) → page.<scope>.locator('#x').fill('v', { timeout })
        var selector = doc.Text[doc[first.ArgumentRange.First].Start..doc[first.ArgumentRange.Last].End];
        var restFrom = first.ArgumentRange.Last + 1;
        var rest = doc.Is(restFrom, ",") ? doc.Text[doc[restFrom].End..doc[first.Link.Close].Start].Trim() : string.Empty;
        AddSpan(doc, first.Start, first.End, $"{scope}.locator({selector}).{first.Method}({rest})", first.Definition);
        return Done();
    }

    /// <summary>Page-level actions whose locator method has the same name and takes the arguments after the selector.</summary>
    private static readonly HashSet<string> LocatorActions =
        [.. LocatorMethods.PageActions.Select(a => a.JavaScript).OfType<string>().Where(m => m is not ("waitForSelector" or "$" or "$$" or "$eval" or "$$eval"))];

    /// <summary>Replaces parts <paramref name="from"/>..<paramref name="to"/> of one step.</summary>
    public RewriteResult ReplaceInStep(int stepIndex, int from, int to, List<string> region)
    {
        var step = Steps[stepIndex];
        if (IsString(step))
        {
            var stringParts = StringParts(step);
            if (to >= stringParts)
            {
                return RewriteResult.ManualReview($"{Where}: the change is in the options of {step.Method}(…)");
            }

            var site = step.Argument!.Site!;
            var keepsEngine = region.Count == 1 && from == to
                && EngineForms.Keep(SelectorChain.SplitRaw(site.Value)[from], SelectorParts.SpecOf(region[0]), preferences.TestIdAttribute) is not null;
            if (step.Kind == LocatorStepKind.Selector && from == 0 && to == stringParts - 1 && step.Parts.Count == stringParts && step.Options < 0
                && region.Count > 0 && !keepsEngine && Inline(step, site) && LocatorRenderer.Call(region[0], site.Quote, preferences) is not null)
            {
                // locator('#x') cannot say "test id Save" as well as getByTestId('Save') does: change the call.
                AddSpan(step.Document, step.Start, step.End, LocatorRenderer.Calls(region, site.Quote, preferences), step.Definition);
                return Done();
            }

            return RewriteString(step, from, to, region);
        }

        if (region.Count == 1 && from == 0 && to == step.Parts.Count - 1)
        {
            switch (step.Kind)
            {
                case LocatorStepKind.GetBy:
                    return WithinForm(step, region[0]) ?? ChangeForm(stepIndex, stepIndex, region);
                case LocatorStepKind.Filter when region[0].StartsWith("internal:has-text=\"", StringComparison.Ordinal)
                    && SelectorParts.TryHasText(region[0], out var newText) && step.NameOption?.Site is { Kind: LiteralKind.String } hasText:
                    AddLiteral(hasText, JsLiteral.Quote(newText.Value ?? string.Empty, hasText.Quote), step.NameOption, step);
                    return Done();
            }
        }

        return ChangeForm(stepIndex, stepIndex, region);
    }

    /// <summary>Replaces whole steps <paramref name="a"/>..<paramref name="b"/> with calls for the new parts.</summary>
    public RewriteResult ReplaceSteps(int a, int b, int fromPart, int toPart, List<string> region)
    {
        if (fromPart != 0 || toPart != Steps[b].Parts.Count - 1)
        {
            return RewriteResult.ManualReview($"{Where}: the change spans parts of several calls ({SelectorChain.Join(candidate.Parts)})");
        }

        return ChangeForm(a, b, region);
    }

    private RewriteResult ChangeForm(int a, int b, List<string> region)
    {
        var first = Steps[a];
        var last = Steps[b];
        for (var i = a; i <= b; i++)
        {
            var s = Steps[i];
            if (s.Kind == LocatorStepKind.Action)
            {
                return RewriteResult.ManualReview($"{Where}: {s.Method}('…') takes a selector string only");
            }

            if (!ReferenceEquals(s.Document, first.Document) || s.Definition != first.Definition || i > a && !Adjacent(Steps[i - 1], s))
            {
                return RewriteResult.ManualReview($"{Where}: the change spans calls defined in different places");
            }

            foreach (var value in new[] { s.Argument, s.NameOption })
            {
                if (value?.Site is { } site && !Inline(s, site))
                {
                    return RewriteResult.ManualReview(
                        $"{Where}: changing {s.Method}(…) to another form would drop its reference to the value at {site.Document.Path}:{site.Line}; edit by hand");
                }
            }
        }

        if (region.Count > 0)
        {
            AddSpan(first.Document, first.Start, last.End, LocatorRenderer.Calls(region, Quote(first), preferences), first.Definition);
            return Done();
        }

        // Remove the calls: `locator('form').getByRole(…)` → `getByRole(…)`.
        var next = b + 1 < Steps.Count && Adjacent(last, Steps[b + 1]) && ReferenceEquals(Steps[b + 1].Document, last.Document) ? Steps[b + 1] : null;
        if (next is not null)
        {
            AddSpan(first.Document, first.Start, next.Start, string.Empty, first.Definition);
            return Done();
        }

        if (a > 0 && Adjacent(Steps[a - 1], first))
        {
            AddSpan(first.Document, Steps[a - 1].End, last.End, string.Empty, first.Definition);
            return Done();
        }

        return RewriteResult.ManualReview($"{Where}: removing {first.Method}(…) would leave no locator");
    }

    private static bool Adjacent(LocatorStep before, LocatorStep after)
    {
        var dot = before.Link.End + 1;
        return ReferenceEquals(before.Document, after.Document) && (before.Document.Is(dot, ".") || before.Document.Is(dot, "?.")) && after.Link.Name == dot + 1;
    }

    /// <summary>Edits within a getBy* call: the role, the text, the name, <c>exact</c>. Null when the form cannot say the new part.</summary>
    private RewriteResult? WithinForm(LocatorStep step, string part)
    {
        var by = step.By!.Value;
        string? value = null, regex = null, name = null, nameRegex = null;
        var exact = false;
        if (SelectorParts.TryRegexRole(part, out var rr, out var rre))
        {
            if (by != LocatorKind.Role)
            {
                return null;
            }

            value = rr;
            nameRegex = rre;
        }
        else if (SelectorParts.TryRegexValue(part, out var rb, out var rv))
        {
            if (by != rb)
            {
                return null;
            }

            regex = rv;
        }
        else
        {
            var spec = LocatorRenderer.Equivalents(part, preferences).FirstOrDefault(e => e.By == by);
            if (spec is null)
            {
                return null;
            }

            value = by == LocatorKind.Role ? spec.Role : spec.Value;
            name = spec.Name;
            exact = spec.Exact == true;
        }

        var site = step.Argument?.Site;
        if (site is null)
        {
            return null;
        }

        // The author wrote a regex (getByText(/sign in/i), { name: /sign in/i }): the new text stays a regex, same flags.
        if (regex is null && by != LocatorKind.Role && value is not null && site.Kind == LiteralKind.Regex)
        {
            regex = RegexText.JavaScript(site.Value, value, exact);
            exact = false;
        }

        if (nameRegex is null && name is not null && step.NameOption?.Site is { Kind: LiteralKind.Regex } authorName)
        {
            nameRegex = RegexText.JavaScript(authorName.Value, name, exact);
            exact = false;
        }

        var quote = Quote(step);

        // The first argument: role, text, test id (a string), or a regex.
        var firstText = regex ?? JsLiteral.Quote(value ?? string.Empty, site.Kind == LiteralKind.String ? site.Quote : quote);
        var firstSame = regex is not null ? site.Kind == LiteralKind.Regex && site.Value == regex : site.Kind == LiteralKind.String && site.Value == value;
        if (!firstSame)
        {
            if (regex is not null && step.Argument!.Symbol is not null)
            {
                return RewriteResult.ManualReview($"{Where}: a regex cannot replace the string declared at {site.Document.Path}:{site.Line}");
            }

            AddLiteral(site, firstText, step.Argument!, step);
        }

        // Options: name (role) and exact.
        var doc = step.Document;
        var props = step.Options >= 0 ? JsSyntax.Properties(doc, step.Options) : [];
        var nameProp = props.FindIndex(p => JsSyntax.KeyName(doc, p.Key) == "name");
        var exactProp = props.FindIndex(p => JsSyntax.KeyName(doc, p.Key) == "exact");
        var oldExact = exactProp >= 0 && doc.IsName(props[exactProp].First, "true");
        var wantName = by == LocatorKind.Role ? nameRegex ?? (name is null ? null : JsLiteral.Quote(name, quote)) : null;
        var wantExact = by != LocatorKind.TestId && exact;
        var removeName = by == LocatorKind.Role && wantName is null && nameProp >= 0;
        var addName = wantName is not null && nameProp < 0;
        var exactChanges = oldExact != wantExact;

        if (wantName is not null && nameProp >= 0)
        {
            var nameSite = step.NameOption?.Site;
            if (nameSite is null)
            {
                return RewriteResult.ManualReview($"{Where}: the name option of {step.Method}(…) is not a literal");
            }

            var same = nameRegex is not null ? nameSite.Kind == LiteralKind.Regex && nameSite.Value == nameRegex : nameSite.Kind == LiteralKind.String && nameSite.Value == name;
            if (!same)
            {
                var text = nameRegex ?? JsLiteral.Quote(name!, nameSite.Kind == LiteralKind.String ? nameSite.Quote : quote);
                AddLiteral(nameSite, text, step.NameOption!, step);
            }
        }

        if (exactChanges && exactProp >= 0 && !removeName && !addName && wantExact)
        {
            // exact: false → exact: true
            var b = props[exactProp];
            AddSpan(doc, doc[b.First].Start, doc[b.Last].End, "true", step.Definition);
        }
        else if (removeName || addName || exactChanges)
        {
            var kept = new List<string>();
            for (var i = 0; i < props.Count; i++)
            {
                if (i == exactProp || i == nameProp && removeName)
                {
                    continue;
                }

                kept.Add(doc.Text[doc[props[i].Key].Start..doc[props[i].Last].End]);
            }

            if (addName)
            {
                kept.Insert(0, "name: " + wantName);
            }

            if (wantExact)
            {
                kept.Add("exact: true");
            }

            if (step.Options >= 0)
            {
                if (kept.Count == 0)
                {
                    AddSpan(doc, doc[step.ArgumentRange.Last].End, doc[doc.Match(step.Options)].End, string.Empty, step.Definition);
                }
                else
                {
                    AddSpan(doc, doc[step.Options].Start, doc[doc.Match(step.Options)].End, "{ " + string.Join(", ", kept) + " }", step.Definition);
                }
            }
            else if (kept.Count > 0)
            {
                var at = doc[step.ArgumentRange.Last].End;
                AddSpan(doc, at, at, ", { " + string.Join(", ", kept) + " }", step.Definition);
            }
        }

        return Done();
    }

    /// <summary>Rewrites the selector string of a string-form step: parts <paramref name="from"/>..<paramref name="to"/> become the region.</summary>
    private RewriteResult RewriteString(LocatorStep step, int from, int to, List<string> region)
    {
        var site = step.Argument?.Site;
        if (site is not { Kind: LiteralKind.String })
        {
            return RewriteResult.ManualReview($"{Where}: the selector of {step.Method}(…) is not a string literal");
        }

        var pieces = SelectorChain.SplitRaw(site.Value);
        // Part for part, a new part keeps the engine its old part was written in (id=, text=, css=…).
        var rendered = region.Select((r, i) => region.Count == to - from + 1 ? LocatorRenderer.SelectorPart(r, pieces[from + i], preferences) : LocatorRenderer.SelectorString([r], preferences)).ToList();
        var result = new StringBuilder();
        var all = pieces.Take(from).Select(p => (Raw: true, Text: p))
            .Concat(rendered.Select(r => (Raw: false, Text: r)))
            .Concat(pieces.Skip(to + 1).Select(p => (Raw: true, Text: p)))
            .ToList();
        for (var i = 0; i < all.Count; i++)
        {
            if (i > 0)
            {
                result.Append(">>");
            }

            var text = all[i].Text;
            if (!all[i].Raw || region.Count == 0)
            {
                text = (i > 0 ? " " : string.Empty) + text.Trim() + (i < all.Count - 1 ? " " : string.Empty);
            }

            result.Append(text);
        }

        AddLiteral(site, JsLiteral.Quote(result.ToString(), site.Quote), step.Argument!, step);
        return Done();
    }

    private static bool IsString(LocatorStep step) => step.Kind is LocatorStepKind.Selector or LocatorStepKind.Action or LocatorStepKind.Frame;

    /// <summary>How many of the step's parts come from its selector string.</summary>
    private static int StringParts(LocatorStep step) =>
        step.Argument?.Site is { Kind: LiteralKind.String } site ? SelectorChain.SplitRaw(site.Value).Count : 0;

    private static bool Inline(LocatorStep step, LiteralSite site) =>
        ReferenceEquals(site.Document, step.Document) && site.First >= step.Link.Open && site.Last <= step.Link.Close;

    private static char Quote(LocatorStep step) =>
        step.Argument?.Site is { Kind: LiteralKind.String } s ? s.Quote : JsLiteral.DominantQuote(step.Document);

    private void AddLiteral(LiteralSite site, string text, JsValue value, LocatorStep step)
    {
        var symbol = value.Symbol ?? step.Definition;
        foreach (var s in value.MoreSites.Prepend(site))
        {
            AddSpan(s.Document, s.Start, s.End, text, symbol, value.MoreSites.Count > 0 || !ReferenceEquals(s.Document, failing) || !InChain(s.Start));
        }
    }

    private void AddSpan(JsDocument doc, int start, int end, string text, SymbolRef? symbol, bool? followed = null)
    {
        var isFollowed = followed ?? (!ReferenceEquals(doc, failing) || !InChain(start));
        var line = instruction.Line ?? failing.LineOfToken(candidate.Chain.First);
        var usages = isFollowed || symbol is not null ? JsUsages.Find(resolver, symbol, instruction.File, line) : [];
        _edits.Add(new TextEdit(doc.Path, start, end - start, text, doc.LineOf(start), instruction.Kind.ToName(),
            isFollowed ? $"{instruction.File}:{line}" : null, usages.Count == 0 ? null : usages));
    }

    private bool InChain(int offset) => offset >= failing[candidate.Chain.First].Start && offset <= failing[candidate.Chain.Last].End;

    private RewriteResult Done() => RewriteResult.Edited([.. _edits]);
}
