using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Praxi.FixEngine.Healing.Fingerprints;

/// <summary>
/// One pass over a document, open shadow roots included, that gives every element what its fingerprint needs from
/// the rest of the page: its paths, its text and visible text (capped), its section and the heading before it.
/// A shadow root is the <c>&lt;template __playwright_shadow_root_="open"&gt;</c> child Playwright's snapshot gives
/// its host (PLAYWRIGHT-EVIDENCE.md §3); AngleSharp keeps its nodes in the template's content fragment. The walk
/// treats them as the host's first children, so paths run through the host, as a user would read the page.
/// </summary>
internal sealed class DomIndex
{
    /// <summary>The attribute Playwright's snapshot puts on a shadow root's template.</summary>
    public const string ShadowRootAttribute = "__playwright_shadow_root_";

    /// <summary>Deeper levels are left out (the snapshot renderer keeps 1024).</summary>
    public const int MaxDepth = 1100;

    private static readonly HashSet<string> NoText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head" };

    // Elements that are never worth scoring: metadata, markup with no box, and the document's own frame.
    private static readonly HashSet<string> NotCandidates = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "script", "style", "noscript", "template", "meta", "link", "base", "title",
        "br", "wbr", "source", "track", "param", "col", "colgroup", "datalist",
    };

    // Boundaries of a section: a heading or label before one of these does not describe what is inside.
    private static readonly HashSet<string> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        "body", "section", "article", "aside", "nav", "main", "header", "footer", "form", "fieldset", "dialog", "table", "tr", "ul", "ol", "li",
    };

    private static readonly HashSet<string> Headings = new(StringComparer.OrdinalIgnoreCase) { "h1", "h2", "h3", "h4", "h5", "h6", "label", "legend", "caption" };

    private readonly Dictionary<IElement, Entry> _byElement = new(ReferenceEqualityComparer.Instance);

    private DomIndex(int maxText, Func<IElement, bool> isHidden)
    {
        MaxText = maxText;
        IsHiddenSelf = isHidden;
    }

    /// <summary>Every element reached, in document order (shadow content at its host's place).</summary>
    public List<Entry> Entries { get; } = [];

    private int MaxText { get; }

    private Func<IElement, bool> IsHiddenSelf { get; }

    /// <summary>Indexes the document from its root element.</summary>
    /// <param name="document">The document.</param>
    /// <param name="maxText">Texts are cut to this many characters.</param>
    /// <param name="isHiddenSelf">Whether an element hides itself and what it holds (its ancestors aside).</param>
    public static DomIndex Build(IDocument document, int maxText, Func<IElement, bool> isHiddenSelf)
    {
        var index = new DomIndex(maxText, isHiddenSelf);
        if (document.DocumentElement is { } root)
        {
            index.Walk(root);
        }

        return index;
    }

    /// <summary>The entry of an element, when the walk reached it.</summary>
    public Entry? Find(IElement element) => _byElement.GetValueOrDefault(element);

    /// <summary>Whether an element is shadow-root markup of Playwright's snapshot.</summary>
    public static bool IsShadowRoot(IElement element) =>
        element is IHtmlTemplateElement && element.HasAttribute(ShadowRootAttribute);

    /// <summary>The children a user sees under an element: an open shadow root's nodes in place of its template.</summary>
    public static IEnumerable<INode> RenderedChildren(IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement e && IsShadowRoot(e))
            {
                foreach (var shadowChild in ((IHtmlTemplateElement)e).Content.ChildNodes)
                {
                    yield return shadowChild;
                }
            }
            else
            {
                yield return child;
            }
        }
    }

    private void Walk(IElement root)
    {
        // Iterative: page DOMs can be deeper than a comfortable recursion.
        var rootEntry = Open(root, parent: null, step: Step(root, 1));
        var stack = new Stack<(Entry Entry, IEnumerator<INode> Children, Dictionary<string, int> Counts)>();
        stack.Push((rootEntry, RenderedChildren(root).GetEnumerator(), new Dictionary<string, int>(StringComparer.Ordinal)));
        while (stack.Count > 0)
        {
            var (entry, children, counts) = stack.Peek();
            if (!children.MoveNext())
            {
                children.Dispose();
                stack.Pop();
                Close(entry);
                continue;
            }

            switch (children.Current)
            {
                case IElement child when !IsShadowRoot(child):
                    if (stack.Count >= MaxDepth)
                    {
                        continue;
                    }

                    var key = StepName(child);
                    var n = counts.GetValueOrDefault(key) + 1;
                    counts[key] = n;
                    var childEntry = Open(child, entry, Step(child, n));
                    entry.Children.Add(childEntry);
                    IEnumerator<INode> grandChildren = NoText.Contains(child.LocalName)
                        ? Enumerable.Empty<INode>().GetEnumerator()
                        : RenderedChildren(child).GetEnumerator();
                    stack.Push((childEntry, grandChildren, new Dictionary<string, int>(StringComparer.Ordinal)));
                    break;
                case IText text when !NoText.Contains(entry.Element.LocalName):
                    var collapsed = Collapse(text.Data);
                    if (collapsed.Length > 0)
                    {
                        entry.Children.Add(collapsed);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private Entry Open(IElement element, Entry? parent, string step)
    {
        var id = element.GetAttribute("id");
        var xpath = (parent?.XPath ?? string.Empty) + "/" + step;
        var entry = new Entry
        {
            Element = element,
            Parent = parent,
            Order = Entries.Count,
            XPath = xpath,
            IdXPath = !string.IsNullOrEmpty(id) ? IdStep(id) : parent is null ? xpath : parent.IdXPath + "/" + step,
            Hidden = (parent?.Hidden ?? false) || IsHiddenSelf(element),
            InSvg = parent is not null && (parent.InSvg || string.Equals(parent.Element.LocalName, "svg", StringComparison.OrdinalIgnoreCase)),
            Section = parent is null ? null : Sections.Contains(parent.Element.LocalName) ? parent : parent.Section,
        };
        // A section with no heading of its own so far is described by the one before it.
        entry.Heading = entry.Section?.LastHeading ?? entry.Section?.Heading;
        if (Headings.Contains(element.LocalName) && entry.Section is { } section)
        {
            section.LastHeading = entry;
        }

        entry.IsCandidate = !entry.InSvg && !NotCandidates.Contains(element.LocalName) && parent is not null;
        Entries.Add(entry);
        _byElement[element] = entry;
        return entry;
    }

    private void Close(Entry entry)
    {
        if (NoText.Contains(entry.Element.LocalName))
        {
            entry.Text = entry.VisibleText = string.Empty;
            return;
        }

        var text = new StringBuilder();
        var visible = new StringBuilder();
        foreach (var child in entry.Children)
        {
            if (child is string s)
            {
                Append(text, s);
                if (!entry.Hidden)
                {
                    Append(visible, s);
                }
            }
            else if (child is Entry e)
            {
                Append(text, e.Text);
                Append(visible, e.VisibleText);
            }
        }

        entry.Text = text.ToString();
        entry.VisibleText = entry.Hidden ? string.Empty : visible.ToString();
    }

    private void Append(StringBuilder sb, string piece)
    {
        if (piece.Length == 0 || sb.Length > MaxText + 1)
        {
            return;
        }

        var start = sb.Length > 0 && sb[^1] == ' ' && piece[0] == ' ' ? 1 : 0;
        var room = MaxText + 2 - sb.Length;
        sb.Append(piece, start, Math.Min(piece.Length - start, room));
    }

    /// <summary>Whitespace runs become one space; ends are kept, so texts can be joined without losing a word break.</summary>
    private static string Collapse(string data)
    {
        var sb = new StringBuilder(data.Length);
        var space = false;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) || c is '\u200b' or '\u00ad')
            {
                if (c is '\u200b' or '\u00ad')
                {
                    continue;
                }

                if (!space)
                {
                    sb.Append(' ');
                    space = true;
                }
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }

        return sb.ToString();
    }

    private static bool IsHtml(IElement element) => element.NamespaceUri is null || element.NamespaceUri == NamespaceNames.HtmlUri;

    private static string StepName(IElement element) => IsHtml(element) ? element.LocalName.ToLowerInvariant() : "*:" + element.LocalName;

    /// <summary><c>div[2]</c>; outside HTML (SVG) <c>*[local-name() = "svg"][1]</c>, as the relocation datasets write it.</summary>
    private static string Step(IElement element, int n) =>
        IsHtml(element)
            ? string.Create(CultureInfo.InvariantCulture, $"{element.LocalName.ToLowerInvariant()}[{n}]")
            : string.Create(CultureInfo.InvariantCulture, $"*[local-name() = \"{element.LocalName}\"][{n}]");

    private static string IdStep(string id) =>
        id.Contains('\'', StringComparison.Ordinal) ? $"//*[@id=\"{id}\"]" : $"//*[@id='{id}']";

    /// <summary>What the walk knows about one element.</summary>
    internal sealed class Entry
    {
        public required IElement Element { get; init; }

        public Entry? Parent { get; init; }

        public int Order { get; init; }

        public required string XPath { get; init; }

        public required string IdXPath { get; init; }

        /// <summary>Hidden by itself or an ancestor.</summary>
        public bool Hidden { get; init; }

        public bool InSvg { get; init; }

        public bool IsCandidate { get; set; }

        /// <summary>The nearest ancestor that is a section boundary.</summary>
        public Entry? Section { get; init; }

        /// <summary>The last heading, label, legend or caption before the element in its section.</summary>
        public Entry? Heading { get; set; }

        /// <summary>While walking: the last heading seen inside this section.</summary>
        public Entry? LastHeading { get; set; }

        /// <summary>Rendered children: <see cref="Entry"/> for elements, strings (whitespace collapsed) for texts.</summary>
        public List<object> Children { get; } = [];

        /// <summary>Text content, whitespace collapsed, not trimmed, capped.</summary>
        public string Text { get; set; } = string.Empty;

        /// <summary>Text content without hidden parts, whitespace collapsed, not trimmed, capped.</summary>
        public string VisibleText { get; set; } = string.Empty;

        public bool IsSection => Sections.Contains(Element.LocalName);

        /// <summary>Whether this entry is <paramref name="other"/> or one of its ancestors.</summary>
        public bool Contains(Entry other)
        {
            for (var e = other; e is not null; e = e.Parent)
            {
                if (ReferenceEquals(e, this))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
