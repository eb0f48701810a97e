using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

internal sealed partial class LocatorGenerator
{
    /// <summary>How far up the generator looks for an ancestor with a stable id or test id.</summary>
    private const int AncestorLevels = 6;

    /// <summary>Short CSS: <c>#id</c>, then tag and stable classes, <c>tag[name]</c>, then under the nearest stable ancestor.</summary>
    private IEnumerable<Candidate> CssCandidates()
    {
        var tag = _target.LocalName;
        if (StableValues.IsStableToken(_target.Id))
        {
            yield return Css($"#{CssEscapes.Identifier(_target.Id!)}", $"id \"{_target.Id}\" is unique.");
        }

        var classes = StableClasses(_target);
        foreach (var token in classes)
        {
            yield return Css($"{tag}.{CssEscapes.Identifier(token)}", $"the only <{tag}> with class \"{token}\".");
        }

        if (classes.Count > 1)
        {
            yield return Css(tag + string.Concat(classes.Select(c => "." + CssEscapes.Identifier(c))), $"the only <{tag}> with classes {string.Join(' ', classes)}.");
        }

        var name = _target.GetAttribute("name");
        if (StableValues.IsStableToken(name))
        {
            yield return Css($"{tag}[name={CssEscapes.String(name!)}]", $"the only <{tag}> named \"{name}\".");
        }

        var own = classes.Count > 0 ? tag + "." + CssEscapes.Identifier(classes[0]) : tag;
        foreach (var (ancestor, selector, what) in StableAncestors())
        {
            yield return Css($"{selector} {own}", $"the only {own} inside {what}.");
            if (ReferenceEquals(_target.ParentElement, ancestor))
            {
                yield return Css($"{selector} > {tag}", $"the only <{tag}> child of {what}.");
            }
        }
    }

    /// <summary>XPath last: by id or name, by text, then a path from a stable ancestor or the root (positional: fragile).</summary>
    private IEnumerable<Candidate> XPathCandidates()
    {
        var tag = XPathName(_target);
        if (StableValues.IsStableToken(_target.Id))
        {
            yield return XPath($"//{tag}[@id={XPathLiterals.Quote(_target.Id!)}]", $"id \"{_target.Id}\" is unique.");
        }

        var name = _target.GetAttribute("name");
        if (StableValues.IsStableToken(name))
        {
            yield return XPath($"//{tag}[@name={XPathLiterals.Quote(name!)}]", $"the only <{tag}> named \"{name}\".");
        }

        var text = DomText.For(_target).Text(_target).Normalized;
        if (StableValues.IsUsableText(text) && !ComposedTree.IsInShadowTree(_target))
        {
            yield return XPath($"//{tag}[normalize-space()={XPathLiterals.Quote(text)}]", $"the only <{tag}> reading \"{text}\".");
        }

        if (ComposedTree.IsInShadowTree(_target))
        {
            // document.evaluate does not enter shadow roots.
            yield break;
        }

        foreach (var (ancestor, _, what) in StableAncestors())
        {
            if (ancestor.Id is { } id && StableValues.IsStableToken(id))
            {
                yield return XPath($"//*[@id={XPathLiterals.Quote(id)}]{RelativePath(ancestor, _target)}", $"position under {what}.", fragile: true);
            }
        }

        yield return XPath(RelativePath(null, _target), "absolute position in the page.", fragile: true);
    }

    /// <summary>Ancestors (nearest first) with a stable id or test id, as a CSS selector that finds only them.</summary>
    private IEnumerable<(IElement Ancestor, string Selector, string What)> StableAncestors()
    {
        var level = 0;
        for (var ancestor = ComposedTree.Parent(_target); ancestor is not null && level < AncestorLevels; ancestor = ComposedTree.Parent(ancestor), level++)
        {
            if (StableValues.IsStableToken(ancestor.Id))
            {
                var selector = $"#{CssEscapes.Identifier(ancestor.Id!)}";
                if (UniquelyFinds(selector, ancestor))
                {
                    yield return (ancestor, selector, $"#{ancestor.Id}");
                }
            }

            var testId = ancestor.GetAttribute(_context.TestIdAttribute);
            if (StableValues.IsStableToken(testId))
            {
                var selector = $"[{_context.TestIdAttribute}={CssEscapes.String(testId!)}]";
                if (UniquelyFinds(selector, ancestor))
                {
                    yield return (ancestor, selector, $"{_context.TestIdAttribute}=\"{testId}\"");
                }
            }
        }
    }

    private bool UniquelyFinds(string css, IElement element) =>
        ResolvesTo(_scope, new LocatorSpec { By = LocatorKind.Css, Value = css }, element, _context);

    private static List<string> StableClasses(IElement element) =>
        [.. element.ClassList.Where(StableValues.IsStableToken).Distinct(StringComparer.Ordinal).Take(3)];

    /// <summary><c>/div[2]/button[1]</c> from <paramref name="ancestor"/> (or the document) down to <paramref name="element"/>.</summary>
    private static string RelativePath(IElement? ancestor, IElement element)
    {
        var steps = new List<string>();
        for (var current = element; current is not null && !ReferenceEquals(current, ancestor); current = current.ParentElement)
        {
            var name = XPathName(current);
            var position = 1;
            var siblings = current.ParentElement?.Children ?? (IEnumerable<IElement>)[];
            foreach (var sibling in siblings)
            {
                if (ReferenceEquals(sibling, current))
                {
                    break;
                }

                if (sibling.LocalName == current.LocalName && sibling.NamespaceUri == current.NamespaceUri)
                {
                    position++;
                }
            }

            steps.Add(current.ParentElement is null ? "/" + name : $"/{name}[{Ordinal(position)}]");
        }

        steps.Reverse();
        return string.Concat(steps);
    }

    /// <summary>The name test for an element: HTML by its name, SVG and others by <c>*[local-name()=…]</c>.</summary>
    private static string XPathName(IElement element) =>
        element.NamespaceUri is null or "http://www.w3.org/1999/xhtml"
            ? element.LocalName
            : $"*[local-name()={XPathLiterals.Quote(element.LocalName)}]";

    private static Candidate Css(string css, string why) => new(new LocatorSpec { By = LocatorKind.Css, Value = css }, why);

    private static Candidate XPath(string xpath, string why, bool fragile = false) => new(new LocatorSpec { By = LocatorKind.XPath, Value = xpath }, why, fragile);
}
