using System.Runtime.CompilerServices;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// The composed (shadow-including) tree of a rebuilt snapshot. A trace renders an open shadow root as a child
/// <c>&lt;template __playwright_shadow_root_="open"&gt;</c> of its host (docs/evidence.md#shadow-roots-and-frames);
/// AngleSharp parses the template's children into a separate <see cref="IDocumentFragment"/>, so this type links that
/// fragment back to the host the way a browser's <c>parentElementOrShadowHost</c> does.
/// </summary>
internal static class ComposedTree
{
    /// <summary>The marker attribute of a rendered shadow root.</summary>
    public const string ShadowRootAttribute = "__playwright_shadow_root_";

    private static readonly ConditionalWeakTable<IDocument, ShadowIndex> Indexes = [];

    private static readonly ConditionalWeakTable<INode, RootIndex> RootIndexes = [];

    /// <summary>True for the <c>&lt;template&gt;</c> that stands for a shadow root.</summary>
    public static bool IsShadowTemplate(IElement element) =>
        element is IHtmlTemplateElement && element.HasAttribute(ShadowRootAttribute);

    /// <summary>The shadow root content of a host, or null when it has none.</summary>
    public static IDocumentFragment? ShadowRoot(IElement host) =>
        host.Owner is { } document && Index(document, refresh: false).RootOf.TryGetValue(host, out var root) ? root : null;

    /// <summary>True when the document holds at least one rendered shadow root (then plain CSS does not see everything).</summary>
    public static bool HasShadowRoots(IDocument document) => Index(document, refresh: false).TemplateOf.Count > 0;

    /// <summary>The parent element, or the shadow host for a top-level node of a shadow root.</summary>
    public static IElement? Parent(INode node)
    {
        var parent = node.Parent;
        return parent switch
        {
            IElement element => element,
            IDocumentFragment fragment => HostOf(fragment),
            _ => null,
        };
    }

    /// <summary>The shadow host whose rendered root is <paramref name="fragment"/>, or null for any other fragment.</summary>
    public static IElement? HostOf(IDocumentFragment fragment)
    {
        if (fragment.Owner is not { } document)
        {
            return null;
        }

        if (Index(document, refresh: false).TemplateOf.TryGetValue(fragment, out var template))
        {
            return template.ParentElement ?? (template.Parent is IDocumentFragment outer ? HostOf(outer) : null);
        }

        // The document may have changed since the map was built; rebuild once.
        return Index(document, refresh: true).TemplateOf.TryGetValue(fragment, out template)
            ? template.ParentElement ?? (template.Parent is IDocumentFragment again ? HostOf(again) : null)
            : null;
    }

    /// <summary>The root a node belongs to: its document, or the shadow-root fragment it sits in.</summary>
    public static INode Root(INode node)
    {
        var current = node;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    /// <summary>
    /// The element with this id in a root (a document or a shadow root), the first in tree order as
    /// <c>getElementById</c> gives it; indexed once per root because AngleSharp's lookup walks the whole tree.
    /// </summary>
    public static IElement? ElementById(INode root, string id) => IndexOf(root).Ids.GetValueOrDefault(id);

    /// <summary>The <c>&lt;label&gt;</c> elements of a root (a document or a shadow root), in tree order.</summary>
    public static IReadOnlyList<IElement> LabelsIn(INode root) => IndexOf(root).Labels;

    private static RootIndex IndexOf(INode root) => RootIndexes.GetValue(root, static r =>
    {
        // One walk of the root's own tree (shadow roots have their own index), children by index: see PushChildren.
        var index = new RootIndex();
        var stack = new Stack<INode>();
        PushChildren(stack, r);
        while (stack.Count > 0)
        {
            var element = (IElement)stack.Pop();
            if (element.Id is { Length: > 0 } id)
            {
                index.Ids.TryAdd(id, element);
            }

            if (element.LocalName == "label")
            {
                index.Labels.Add(element);
            }

            PushChildren(stack, element);
        }

        return index;
    });

    /// <summary>True for a node inside a rendered shadow root (XPath and light-DOM CSS do not reach it).</summary>
    public static bool IsInShadowTree(INode node) => Root(node) is IDocumentFragment;

    /// <summary>True when <paramref name="ancestor"/> contains <paramref name="node"/> in the composed tree (or is it).</summary>
    public static bool Contains(INode ancestor, INode node)
    {
        for (INode? current = node; current is not null; current = ParentNode(current))
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parent node, or the shadow host in place of a rendered shadow root.</summary>
    public static INode? ParentNode(INode node) =>
        node.Parent is IDocumentFragment fragment && HostOf(fragment) is { } host ? host : node.Parent;

    /// <summary>
    /// Elements under <paramref name="scope"/> (not the scope itself) in composed pre-order: each shadow root's
    /// content in place of its template, the template itself left out.
    /// </summary>
    public static IEnumerable<IElement> Descendants(INode scope)
    {
        var stack = new Stack<INode>();
        PushChildren(stack, scope);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is not IElement element)
            {
                continue;
            }

            if (IsShadowTemplate(element))
            {
                PushChildren(stack, ((IHtmlTemplateElement)element).Content);
                continue;
            }

            yield return element;
            PushChildren(stack, element);
        }
    }

    private static void PushChildren(Stack<INode> stack, INode parent)
    {
        // Index the child list: AngleSharp's sibling links scan the parent's children, quadratic on wide lists.
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child)
            {
                stack.Push(child);
            }
        }
    }

    private static ShadowIndex Index(IDocument document, bool refresh)
    {
        if (!refresh && Indexes.TryGetValue(document, out var index))
        {
            return index;
        }

        index = new ShadowIndex();
        var pending = new Stack<IParentNode>();
        pending.Push(document);
        while (pending.Count > 0)
        {
            foreach (var template in pending.Pop().QuerySelectorAll("template"))
            {
                var content = ((IHtmlTemplateElement)template).Content;
                if (template.HasAttribute(ShadowRootAttribute))
                {
                    index.TemplateOf[content] = template;
                    if (template.ParentElement is { } host && !index.RootOf.ContainsKey(host))
                    {
                        index.RootOf[host] = content;
                    }
                }

                // Templates nest: a shadow root's content is searched in its own fragment.
                pending.Push(content);
            }
        }

        Indexes.AddOrUpdate(document, index);
        return index;
    }

    private sealed class RootIndex
    {
        public Dictionary<string, IElement> Ids { get; } = new(StringComparer.Ordinal);

        public List<IElement> Labels { get; } = [];
    }

    private sealed class ShadowIndex
    {
        public Dictionary<INode, IElement> TemplateOf { get; } = new(ReferenceEqualityComparer.Instance);

        public Dictionary<IElement, IDocumentFragment> RootOf { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
