using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// Element text as Playwright's text engines see it (<c>elementText</c> in its selector utilities): the element's text
/// nodes plus its descendants', then its shadow root's; <c>script</c>, <c>noscript</c>, <c>style</c> and anything in
/// <c>&lt;head&gt;</c> give nothing; an <c>input</c> of type submit or button gives its value.
/// </summary>
/// <remarks>
/// Every element's text is a contiguous run of one document-wide buffer (texts in the order the concatenation
/// produces them), so the whole page costs one walk and one buffer instead of a copy of the text per nesting level;
/// an element's string is cut from the buffer only when a matcher needs it. <see cref="For"/> shares one instance per
/// document: evidence documents are not edited after loading (one that is must be parsed again).
/// </remarks>
internal sealed class DomText
{
    /// <summary>Text below this nesting depth is left out (as the snapshot renderer leaves out deeper levels).</summary>
    private const int MaxDepth = 1024;

    private static readonly ConditionalWeakTable<IDocument, DomText> Shared = [];

    private readonly string _buffer;
    private readonly Dictionary<INode, (int Start, int Length)> _spans = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<INode, ElementText> _cache = new(ReferenceEqualityComparer.Instance);

    private DomText(INode root)
    {
        var buffer = new StringBuilder();
        Walk(root, buffer, depth: 0);
        _buffer = buffer.ToString();
    }

    /// <summary>The text of one element, computed for its subtree alone.</summary>
    public static ElementText Of(IElement element) => new DomText(element).Text(element);

    /// <summary>The shared texts of the node's document.</summary>
    public static DomText For(INode node)
    {
        var document = node as IDocument ?? node.Owner;
        return document is null ? new DomText(ComposedTree.Root(node)) : Shared.GetValue(document, d => new DomText(d));
    }

    /// <summary>The text of an element (or a shadow root fragment).</summary>
    public ElementText Text(INode node) => _cache.GetOrAdd(node, Create);

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

    private ElementText Create(INode node)
    {
        if (_spans.TryGetValue(node, out var span))
        {
            return new ElementText(_buffer, span.Start, span.Length, node);
        }

        // Not reached by the walk (a detached node, or a template that is not a shadow root): compute it alone.
        var buffer = new StringBuilder();
        Walk(node, buffer, depth: 0);
        return new ElementText(buffer.ToString(), 0, buffer.Length, node);
    }

    private void Walk(INode node, StringBuilder buffer, int depth)
    {
        var start = buffer.Length;
        if (node is IElement element)
        {
            if (element.LocalName is "script" or "noscript" or "style" or "head")
            {
                MarkEmpty(element, buffer.Length);
                return;
            }

            if (element.LocalName == "input" && AriaSemantics.InputType(element) is "submit" or "button")
            {
                buffer.Append(element.GetAttribute("__playwright_value_") ?? element.GetAttribute("value") ?? string.Empty);
                _spans[element] = (start, buffer.Length - start);
                return;
            }
        }

        if (depth > MaxDepth)
        {
            _spans[node] = (start, 0);
            return;
        }

        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            switch (children[i])
            {
                case IText text:
                    buffer.Append(text.Data);
                    break;
                case IElement child when !ComposedTree.IsShadowTemplate(child):
                    Walk(child, buffer, depth + 1);
                    break;
            }
        }

        if (node is IElement host && ComposedTree.ShadowRoot(host) is { } shadow)
        {
            Walk(shadow, buffer, depth + 1);
        }

        _spans[node] = (start, buffer.Length - start);
    }

    /// <summary>A skipped subtree (script, head…) has no text, and neither has anything inside it.</summary>
    private void MarkEmpty(IElement element, int at)
    {
        _spans[element] = (at, 0);
        foreach (var descendant in ComposedTree.Descendants(element))
        {
            _spans[descendant] = (at, 0);
        }
    }
}
