using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// Repairs a strict-mode violation while keeping the author's locator: given the old locator (which matches several
/// elements) and the intended one among them, proposes verified narrowings, in order — the exact accessible name when
/// that alone is unique; the old locator scoped under a distinguishing ancestor (by id, test id, landmark role and
/// name, or form: <c>form#checkout &gt;&gt; internal:role=button[name="Place order"i]</c>); a
/// <c>has-text</c>/<c>has</c> filter; and last an <c>nth=</c> index, marked fragile. Chains are <c>by = selector</c>
/// specs that <see cref="LocatorExpression.TryParseSelector"/> reads back unchanged.
/// </summary>
internal static class LocatorNarrower
{
    private static readonly HashSet<string> Landmarks = new(StringComparer.Ordinal)
    {
        "banner", "complementary", "contentinfo", "dialog", "form", "main", "navigation", "region", "search", "alertdialog",
    };

    /// <summary>Verified narrowings of <paramref name="old"/> to <paramref name="target"/>; empty when the old locator does not find the target.</summary>
    /// <exception cref="FixEngineException">The old locator is malformed.</exception>
    public static IReadOnlyList<GeneratedLocator> Narrow(LocatorSpec old, IElement target, INode scope, DomQueryContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scope);
        context ??= DomQueryContext.Default;
        var matches = SelectorEngine.Query(scope, old, context);
        var index = IndexOf(matches, target);
        if (index < 0)
        {
            return [];
        }

        var results = new List<GeneratedLocator>();
        var seen = new HashSet<LocatorSpec>();
        void Add(LocatorSpec spec, string strategy, bool fragile, string why)
        {
            if (seen.Add(spec) && LocatorGenerator.ResolvesTo(scope, spec, target, context))
            {
                results.Add(new GeneratedLocator(spec, strategy, fragile, why));
            }
        }

        if (matches.Count == 1)
        {
            return [new GeneratedLocator(old, "exact", false, "The locator already resolves to this element alone.")];
        }

        foreach (var exact in ExactForms(old, target))
        {
            Add(exact.Spec, "exact", false, exact.Why);
        }

        var oldSelector = SelectorOf(old, context);
        var scoped = 0;
        foreach (var (selector, what) in DistinguishingAncestors(target, scope, context))
        {
            if (scoped >= 3)
            {
                break;
            }

            var chain = $"{selector} >> {oldSelector}";
            if (!RoundTrips(chain))
            {
                continue;
            }

            var before = results.Count;
            Add(new LocatorSpec { By = LocatorKind.Selector, Value = chain }, "scope", false, $"The test's locator, inside {what}.");
            scoped += results.Count - before;
        }

        foreach (var (filter, why) in Filters(target, scope, context))
        {
            var chain = $"{oldSelector} >> {filter}";
            var before = results.Count;
            if (RoundTrips(chain))
            {
                Add(new LocatorSpec { By = LocatorKind.Selector, Value = chain }, "filter", false, why);
            }

            if (results.Count > before)
            {
                break;
            }
        }

        var nth = $"{oldSelector} >> nth={index}";
        if (RoundTrips(nth))
        {
            Add(new LocatorSpec { By = LocatorKind.Selector, Value = nth }, "nth", true, $"Match {index + 1} of {matches.Count} in page order; breaks when the page is reordered.");
        }

        return results;
    }

    /// <summary>The spec as a Playwright selector string, the test id under the context's attribute.</summary>
    internal static string SelectorOf(LocatorSpec spec, DomQueryContext context) => PlaywrightSelectors.Print(spec, context.TestIdAttribute);

    private static IEnumerable<(LocatorSpec Spec, string Why)> ExactForms(LocatorSpec old, IElement target)
    {
        switch (old.By)
        {
            case LocatorKind.Role:
                var name = AriaSemantics.AccessibleName(target);
                if (StableValues.IsUsableText(name) && (old.Exact != true || old.Name != name))
                {
                    yield return (new LocatorSpec { By = LocatorKind.Role, Role = old.Role, Name = name, Exact = true }, $"The {old.Role} named exactly \"{name}\"; the other matches have longer names.");
                }

                break;
            case LocatorKind.Text or LocatorKind.LinkText:
                var text = DomText.For(target).Text(target).Normalized;
                if (StableValues.IsUsableText(text) && (old.Exact != true || old.Value != text))
                {
                    yield return (old with { Value = text, Exact = true }, $"The element reading exactly \"{text}\"; the other matches read more.");
                }

                break;
        }
    }

    /// <summary>Ancestor selectors, nearest first, that find exactly that ancestor: id, test id, landmark role (named when it has a name), form.</summary>
    private static IEnumerable<(string Selector, string What)> DistinguishingAncestors(IElement target, INode scope, DomQueryContext context)
    {
        for (var ancestor = ComposedTree.Parent(target); ancestor is not null && ancestor.LocalName is not ("body" or "html"); ancestor = ComposedTree.Parent(ancestor))
        {
            var tag = ancestor.LocalName;
            if (StableValues.IsStableToken(ancestor.Id))
            {
                var selector = $"{tag}#{CssEscapes.Identifier(ancestor.Id!)}";
                if (Finds(scope, new LocatorSpec { By = LocatorKind.Css, Value = selector }, ancestor, context))
                {
                    yield return (selector, selector);
                }
            }

            var testId = ancestor.GetAttribute(context.TestIdAttribute);
            if (StableValues.IsStableToken(testId))
            {
                var selector = PlaywrightSelectors.TestId(context.TestIdAttribute, testId!);
                if (Finds(scope, new LocatorSpec { By = LocatorKind.Selector, Value = selector }, ancestor, context))
                {
                    yield return (selector, $"{context.TestIdAttribute}=\"{testId}\"");
                }
            }

            if (AriaSemantics.Role(ancestor) is { } role && Landmarks.Contains(role) && !AriaSemantics.IsHidden(ancestor))
            {
                var name = AriaSemantics.AccessibleName(ancestor);
                var selector = StableValues.IsUsableText(name)
                    ? PlaywrightSelectors.Role(role, name, exact: false)
                    : PlaywrightSelectors.Role(role, []);
                if (Finds(scope, new LocatorSpec { By = LocatorKind.Selector, Value = selector }, ancestor, context))
                {
                    yield return (selector, name.Length > 0 ? $"the {role} \"{name}\"" : $"the {role}");
                }
            }

            if (tag == "form")
            {
                var formName = ancestor.GetAttribute("name");
                var selector = StableValues.IsStableToken(formName) ? $"form[name={CssEscapes.String(formName!)}]" : "form";
                if (Finds(scope, new LocatorSpec { By = LocatorKind.Css, Value = selector }, ancestor, context))
                {
                    yield return (selector, "the form");
                }
            }
        }
    }

    /// <summary>
    /// Filters on the element itself: the text of one of its leaf descendants (a card's title), its whole text, then a
    /// descendant with a stable id or test id.
    /// </summary>
    private static IEnumerable<(string Filter, string Why)> Filters(IElement target, INode scope, DomQueryContext context)
    {
        var texts = new List<string>();
        foreach (var leaf in ComposedTree.Descendants(target).Take(200).Where(e => e.ChildElementCount == 0))
        {
            var leafText = DomText.For(leaf).Text(leaf).Normalized;
            if (StableValues.IsUsableText(leafText) && !texts.Contains(leafText))
            {
                texts.Add(leafText);
            }
        }

        var own = DomText.For(target).Text(target).Normalized;
        if (StableValues.IsUsableText(own) && !texts.Contains(own))
        {
            texts.Add(own);
        }

        foreach (var text in texts)
        {
            yield return (PlaywrightSelectors.HasText(text), $"The match that contains the text \"{text}\".");
        }

        foreach (var descendant in ComposedTree.Descendants(target).Take(200))
        {
            if (StableValues.IsStableToken(descendant.Id))
            {
                var inner = $"#{CssEscapes.Identifier(descendant.Id!)}";
                if (Finds(scope, new LocatorSpec { By = LocatorKind.Css, Value = inner }, descendant, context))
                {
                    yield return ($"internal:has={PlaywrightSelectors.Quote(inner)}", $"The match that contains {inner}.");
                }
            }

            var testId = descendant.GetAttribute(context.TestIdAttribute);
            if (StableValues.IsStableToken(testId))
            {
                var inner = PlaywrightSelectors.TestId(context.TestIdAttribute, testId!);
                yield return ($"internal:has={PlaywrightSelectors.Quote(inner)}", $"The match that contains {context.TestIdAttribute}=\"{testId}\".");
            }
        }
    }

    private static bool Finds(INode scope, LocatorSpec spec, IElement element, DomQueryContext context) =>
        LocatorGenerator.ResolvesTo(scope, spec, element, context);

    /// <summary>The rewriter reads specs back through the log parser: a chain must come back as the same selector.</summary>
    private static bool RoundTrips(string chain) =>
        LocatorExpression.TryParseSelector(chain, out var parsed) && parsed.By == LocatorKind.Selector && parsed.Value == chain;

    private static int IndexOf(IReadOnlyList<IElement> elements, IElement target)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (ReferenceEquals(elements[i], target))
            {
                return i;
            }
        }

        return -1;
    }
}
