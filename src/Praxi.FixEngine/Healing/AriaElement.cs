using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// One entry of an ARIA page snapshot as the healer reads it: the parsed node with its place in the tree (parent,
/// child entries, a path of roles), the text a user reads in it, and whether Playwright's locators on the page can
/// reach it at all. Text runs (<c>- text: …</c>) are not entries of their own: their text belongs to their parent,
/// as a text node belongs to its element.
/// </summary>
internal sealed class AriaElement
{
    private readonly List<AriaElement> _children = [];

    public AriaElement(AriaNode node, AriaElement? parent, string path, int order)
    {
        Node = node;
        Parent = parent;
        Path = path;
        Order = order;
        Hidden = node.Flags.ContainsKey("aria-hidden") || parent?.Hidden == true;
        InFrame = parent is not null && (parent.Role == "iframe" || parent.InFrame);
        Name = node.Name is { } name && !IsPattern(name) ? AriaSemantics.Normalize(name) : null;
        parent?._children.Add(this);
    }

    public AriaNode Node { get; }

    public AriaElement? Parent { get; }

    /// <summary>The entries nested under this one, text runs left out, in order.</summary>
    public IReadOnlyList<AriaElement> Children => _children;

    /// <summary>Roles and positions among same-role siblings from the top (<c>/main[1]/region[1]/button[2]</c>): unique within the snapshot.</summary>
    public string Path { get; }

    /// <summary>The position in document order.</summary>
    public int Order { get; }

    /// <summary>The ARIA role as the snapshot writes it (<c>generic</c> when the element has none).</summary>
    public string Role => Node.Role;

    /// <summary>The accessible name, normalised; null when it has none or the snapshot writes it as a <c>/pattern/</c>.</summary>
    public string? Name { get; }

    /// <summary>Its text content, normalised (text runs, inline texts, and the names of content-named leaves, form values left out): what <c>getByText</c> reads.</summary>
    public string Text { get; internal set; } = string.Empty;

    /// <summary>
    /// The text it says itself: its inline text, its own text runs, or a content-named leaf's name. Nested entries'
    /// texts are left out, so that a section holding one button does not read as that button.
    /// </summary>
    public string OwnText { get; internal set; } = string.Empty;

    /// <summary>Where its words start and end in the page's words, in document order.</summary>
    internal (int Start, int End) Words { get; set; }

    /// <summary>The value of a text field, spin button, slider or combo box (its inline text in the snapshot).</summary>
    public string? Value { get; internal set; }

    /// <summary>The words before and after it in document order.</summary>
    public string? NeighborText { get; internal set; }

    /// <summary>Flagged <c>[aria-hidden]</c>, itself or an ancestor: role locators do not find it.</summary>
    public bool Hidden { get; }

    /// <summary>Inside an <c>iframe</c>'s tree: a locator on the page does not reach it without entering the frame.</summary>
    public bool InFrame { get; }

    /// <summary>Whether it has entries nested under it (text runs aside).</summary>
    public bool HasChildElements => _children.Count > 0;

    /// <summary>The enclosing entries, nearest first.</summary>
    public IEnumerable<AriaElement> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            yield return p;
        }
    }

    /// <summary>The entries nested under it at any depth, in document order.</summary>
    public IEnumerable<AriaElement> Descendants()
    {
        foreach (var child in _children)
        {
            yield return child;
            foreach (var d in child.Descendants())
            {
                yield return d;
            }
        }
    }

    /// <summary>Whether <paramref name="other"/> is nested under this entry.</summary>
    public bool Contains(AriaElement other) => other.Ancestors().Any(a => ReferenceEquals(a, this));

    /// <summary>For a reviewer, as the snapshot line reads: <c>button "Add to cart"</c>, <c>paragraph: Status: ready</c>.</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder(Role);
        if (Node.Name is { Length: > 0 } name)
        {
            sb.Append(" \"").Append(name.Length > 40 ? name[..40] + "…" : name).Append('"');
        }

        var text = Value ?? (HasChildElements ? null : Text);
        if (!string.IsNullOrEmpty(text) && text != Name)
        {
            sb.Append(": ").Append(text.Length > 50 ? text[..50] + "…" : text);
        }

        return sb.ToString();
    }

    // An assertion template may write a name as a /regex/; a page snapshot never does, but a pattern is no name to match.
    private static bool IsPattern(string name) => name.Length > 1 && name[0] == '/' && name[^1] == '/';
}
