using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Praxi.FixEngine.Healing.Dom;

namespace Praxi.FixEngine.Healing.Fingerprints;

/// <summary>
/// One pass over a document, open shadow roots included, that gives every element what its fingerprint needs from the
/// rest of the page: its paths, its text and visible text (capped), its section and the heading before it. A shadow
/// root is the <c>&lt;template __playwright_shadow_root_="open"&gt;</c> child Playwright's snapshot gives its host
/// (docs/evidence.md#shadow-roots-and-frames); AngleSharp keeps its nodes in the template's content fragment. The walk
/// treats them as the host's first children, so paths run through the host, as a user would read the page.
/// </summary>
internal sealed class DomIndex
{
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

    // Boxes a user reads apart: innerText breaks the line or tabs between them, so their words never run together
    // ("Product" and "Quantity" in two header cells are two words, not "ProductQuantity").
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> Headings = new(StringComparer.OrdinalIgnoreCase) { "h1", "h2", "h3", "h4", "h5", "h6", "label", "legend", "caption" };

    // Elements the user-agent stylesheet or their own state may hide (AriaSemantics' rules name them).
    private static readonly HashSet<string> MayHideThemselves = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "template", "noscript", "title", "meta", "link", "base", "datalist", "param", "source",
        "track", "noframes", "input", "dialog", "summary", "option",
    };

    private readonly Dictionary<IElement, Entry> _byElement = new(ReferenceEqualityComparer.Instance);
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _visible = new();

    private DomIndex(int maxText) => MaxText = maxText;

    /// <summary>Every element reached, in document order (shadow content at its host's place).</summary>
    public List<Entry> Entries { get; } = [];

    private int MaxText { get; }

    /// <summary>Indexes the document from its root element.</summary>
    /// <param name="document">The document.</param>
    /// <param name="maxText">Texts are cut to this many characters.</param>
    public static DomIndex Build(IDocument document, int maxText)
    {
        var index = new DomIndex(maxText);
        if (document.DocumentElement is { } root)
        {
            index.Walk(root);
        }

        return index;
    }

    /// <summary>The entry of an element, when the walk reached it.</summary>
    public Entry? Find(IElement element) => _byElement.GetValueOrDefault(element);

    /// <summary>The children a user sees under an element: an open shadow root's nodes in place of its template.</summary>
    public static IEnumerable<INode> RenderedChildren(IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement e && ComposedTree.IsShadowTemplate(e))
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
        // Iterative: page DOMs can be deeper than a comfortable recursion. Sibling counters are pooled: one per
        // open level, not one per element.
        var rootEntry = Open(root, parent: null, step: Step(root, 1));
        var stack = new Stack<(Entry Entry, IEnumerator<INode> Children, Dictionary<string, int> Counts)>();
        var pool = new Stack<Dictionary<string, int>>();
        stack.Push((rootEntry, RenderedChildren(root).GetEnumerator(), new Dictionary<string, int>(StringComparer.Ordinal)));
        while (stack.Count > 0)
        {
            var (entry, children, counts) = stack.Peek();
            if (!children.MoveNext())
            {
                children.Dispose();
                stack.Pop();
                counts.Clear();
                pool.Push(counts);
                Close(entry);
                continue;
            }

            switch (children.Current)
            {
                case IElement child when !ComposedTree.IsShadowTemplate(child):
                    if (stack.Count >= MaxDepth)
                    {
                        continue;
                    }

                    var key = StepName(child);
                    var n = counts.GetValueOrDefault(key) + 1;
                    counts[key] = n;
                    var childEntry = Open(child, entry, Step(child, n));
                    childEntry.IndexInParent = entry.Children.Count;
                    entry.Children.Add(childEntry);
                    IEnumerator<INode> grandChildren = NoText.Contains(child.LocalName)
                        ? Enumerable.Empty<INode>().GetEnumerator()
                        : RenderedChildren(child).GetEnumerator();
                    stack.Push((childEntry, grandChildren, pool.Count > 0 ? pool.Pop() : new Dictionary<string, int>(StringComparer.Ordinal)));
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
        var ask = parent is null || MayDifferFromParent(element, parent);
        var entry = new Entry
        {
            Element = element,
            Parent = parent,
            Order = Entries.Count,
            XPath = xpath,
            IdXPath = !string.IsNullOrEmpty(id) ? IdStep(id) : parent is null ? xpath : parent.IdXPath + "/" + step,
            Invisible = ask ? AriaSemantics.IsInvisible(element) : parent!.Invisible,
            Hidden = ask ? AriaSemantics.IsHidden(element) : parent!.Hidden,
            HasShadowRoot = ComposedTree.ShadowRoot(element) is not null,
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

    /// <summary>
    /// Whether an element's hidden-ness can differ from its parent's. AriaSemantics walks every ancestor of the
    /// element it is asked about, which over a whole page costs depth × elements; an element that carries no style,
    /// <c>hidden</c> or <c>aria-hidden</c>, is no element the user agent hides, and sits under no closed
    /// <c>&lt;details&gt;</c> or shadow host inherits its parent's answer, so only the others are asked.
    /// </summary>
    private static bool MayDifferFromParent(IElement element, Entry parent) =>
        element.HasAttribute("style") || element.HasAttribute("hidden") || element.HasAttribute("aria-hidden")
        || MayHideThemselves.Contains(element.LocalName) || parent.HasShadowRoot
        || string.Equals(parent.Element.LocalName, "details", StringComparison.OrdinalIgnoreCase);

    private void Close(Entry entry)
    {
        if (NoText.Contains(entry.Element.LocalName))
        {
            entry.Text = entry.VisibleText = string.Empty;
            return;
        }

        // A wrapper around one element reads as that element.
        if (entry.Children is [Entry only] && !Blocks.Contains(only.Element.LocalName))
        {
            entry.Text = only.Text;
            entry.VisibleText = entry.Invisible ? string.Empty : only.VisibleText;
            return;
        }

        var text = _text.Clear();
        var visible = _visible.Clear();
        foreach (var child in entry.Children)
        {
            if (child is string s)
            {
                Append(text, s);
                if (!entry.Invisible)
                {
                    Append(visible, s);
                }
            }
            else if (child is Entry e)
            {
                Append(text, e.Text);
                var block = Blocks.Contains(e.Element.LocalName) && e.VisibleText.Length > 0;
                if (block)
                {
                    Append(visible, " ");
                }

                Append(visible, e.VisibleText);
                if (block)
                {
                    Append(visible, " ");
                }
            }
        }

        entry.Text = text.ToString();
        entry.VisibleText = entry.Invisible ? string.Empty : visible.Equals(text) ? entry.Text : visible.ToString();
    }

    private void Append(StringBuilder sb, string piece)
    {
        if (piece.Length == 0 || sb.Length > MaxText + 1)
        {
            return;
        }

        var start = sb.Length > 0 && sb[^1] == ' ' && piece[0] == ' ' ? 1 : 0;
        if (start >= piece.Length)
        {
            return;
        }

        var room = MaxText + 2 - sb.Length;
        sb.Append(piece, start, Math.Min(piece.Length - start, room));
    }

    /// <summary>Whitespace runs become one space; ends are kept, so texts can be joined without losing a word break.</summary>
    private static string Collapse(string data)
    {
        if (IsCollapsed(data))
        {
            return data;
        }

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

    private static bool IsCollapsed(string data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            if (c is '\u200b' or '\u00ad' || (char.IsWhiteSpace(c) && (c != ' ' || (i > 0 && data[i - 1] == ' '))))
            {
                return false;
            }
        }

        return true;
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

        /// <summary>Where this entry sits in its parent's <see cref="Children"/> (texts included), so neighbours need no search.</summary>
        public int IndexInParent { get; set; } = -1;

        public int Order { get; init; }

        public required string XPath { get; init; }

        public required string IdXPath { get; init; }

        /// <summary>Out of the layout by itself or an ancestor (<c>display: none</c>, <c>visibility: hidden</c>).</summary>
        public bool Invisible { get; init; }

        /// <summary>Hidden from ARIA (<see cref="AriaSemantics.IsHidden"/>): also <c>aria-hidden</c>.</summary>
        public bool Hidden { get; init; }

        public bool HasShadowRoot { get; init; }

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
