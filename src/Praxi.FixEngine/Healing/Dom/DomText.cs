using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// Element text as Playwright's text engines see it (<c>elementText</c> in its selector utilities): the element's text
/// nodes plus its descendants', then its shadow root's; <c>script</c>, <c>noscript</c>, <c>style</c> and anything in
/// <c>&lt;head&gt;</c> give nothing; an <c>input</c> of type submit or button gives its value. One instance caches
/// per element, so a query over a whole page computes each text once.
/// </summary>
internal sealed class DomText
{
    private static readonly ElementText Empty = new(string.Empty, string.Empty, []);

    private readonly Dictionary<INode, ElementText> _cache = new(ReferenceEqualityComparer.Instance);

    /// <summary>The text of one element, uncached.</summary>
    public static ElementText Of(IElement element) => new DomText().Text(element);

    /// <summary>The text of an element (or a shadow root fragment).</summary>
    public ElementText Text(INode node)
    {
        if (_cache.TryGetValue(node, out var cached))
        {
            return cached;
        }

        var value = Compute(node);
        _cache[node] = value;
        return value;
    }

    /// <summary>True for elements text matching skips: <c>script</c>, <c>noscript</c>, <c>style</c>, and the document head.</summary>
    public static bool SkipsTextMatching(IElement element)
    {
        if (element.LocalName is "script" or "noscript" or "style")
        {
            return true;
        }

        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.LocalName == "head")
            {
                return true;
            }
        }

        return false;
    }

    private ElementText Compute(INode node)
    {
        if (node is IElement element)
        {
            if (SkipsTextMatching(element))
            {
                return Empty;
            }

            if (element.LocalName == "input" && AriaSemantics.InputType(element) is "submit" or "button")
            {
                var value = element.GetAttribute("__playwright_value_") ?? element.GetAttribute("value") ?? string.Empty;
                return new ElementText(value, AriaSemantics.Normalize(value), [value]);
            }
        }

        var full = new System.Text.StringBuilder();
        var immediate = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case IText text:
                    full.Append(text.Data);
                    current.Append(text.Data);
                    break;
                case IComment:
                    break;
                default:
                    if (current.Length > 0)
                    {
                        immediate.Add(current.ToString());
                        current.Clear();
                    }

                    if (child is IElement childElement && !ComposedTree.IsShadowTemplate(childElement))
                    {
                        full.Append(Text(childElement).Full);
                    }

                    break;
            }
        }

        if (current.Length > 0)
        {
            immediate.Add(current.ToString());
        }

        if (node is IElement host && ComposedTree.ShadowRoot(host) is { } shadow)
        {
            full.Append(Text(shadow).Full);
        }

        var fullText = full.ToString();
        return new ElementText(fullText, AriaSemantics.Normalize(fullText), immediate);
    }
}
