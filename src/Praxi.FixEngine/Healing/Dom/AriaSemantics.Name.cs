using System.Text;
using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Dom;

internal static partial class AriaSemantics
{
    /// <summary>Roles whose name may come from their content (when they are the element being named).</summary>
    private static readonly HashSet<string> NameFromContentRoles = new(StringComparer.Ordinal)
    {
        "button", "cell", "checkbox", "columnheader", "gridcell", "heading", "link", "menuitem", "menuitemcheckbox",
        "menuitemradio", "option", "radio", "row", "rowheader", "switch", "tab", "tooltip", "treeitem",
    };

    /// <summary>Further roles a descendant may have and still give its content to an ancestor's name.</summary>
    private static readonly HashSet<string> DescendantNameFromContentRoles = new(StringComparer.Ordinal)
    {
        string.Empty, "caption", "code", "contentinfo", "definition", "deletion", "emphasis", "insertion", "list", "listitem",
        "mark", "none", "paragraph", "presentation", "region", "row", "rowgroup", "section", "strong", "subscript",
        "superscript", "table", "term", "time",
    };

    /// <summary>Roles that never carry a name.</summary>
    private static readonly HashSet<string> NamingProhibitedRoles = new(StringComparer.Ordinal)
    {
        "caption", "code", "definition", "deletion", "emphasis", "generic", "insertion", "mark", "paragraph", "presentation",
        "strong", "subscript", "suggestion", "superscript", "term", "time",
    };

    /// <summary>Elements the user-agent stylesheet does not lay out inline: their text is set off by spaces in a name.</summary>
    private static readonly HashSet<string> NonInlineTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "input", "legend", "li", "listing", "main", "menu", "meter", "nav",
        "ol", "optgroup", "option", "p", "plaintext", "pre", "progress", "search", "section", "select", "summary", "table",
        "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "xmp",
    };

    private static readonly HashSet<string> PlaceholderInputTypes = new(StringComparer.Ordinal) { "text", "password", "search", "tel", "email", "url" };

    private enum Target
    {
        None,
        Self,
        Descendant,
    }

    /// <summary>The accessible name of a visible element, normalised (docs/locators.md#roles-and-accessible-names).</summary>
    public static string AccessibleName(IElement e) => AccessibleName(e, includeHidden: false);

    /// <summary>
    /// The accessible name, normalised: <c>aria-labelledby</c>, <c>aria-label</c>, native sources (input value, labels,
    /// title, placeholder, alt, legend, figcaption, caption), content for name-from-content roles (hidden parts skipped
    /// unless <paramref name="includeHidden"/>, an embedded textbox giving its value), then <c>title</c>.
    /// </summary>
    public static string AccessibleName(IElement e, bool includeHidden) => AccessibleNameCached(e, includeHidden, cache: null);

    /// <inheritdoc cref="AccessibleName(IElement, bool)"/>
    /// <param name="e">The element.</param>
    /// <param name="includeHidden">Whether hidden content counts.</param>
    /// <param name="cache">A per-query memo of hidden-ness, shared with the caller.</param>
    internal static string AccessibleNameCached(IElement e, bool includeHidden, AriaCache? cache)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Role(e) is { } role && NamingProhibitedRoles.Contains(role))
        {
            return string.Empty;
        }

        var state = new NameState(includeHidden, cache ?? new AriaCache());
        return Normalize(TextAlternative(e, new Embedding { Target = Target.Self }, state));
    }

    private static string TextAlternative(IElement e, Embedding embedding, NameState state)
    {
        if (state.Visited.Contains(e))
        {
            return string.Empty;
        }

        var childEmbedding = embedding with { Target = embedding.Target == Target.Self ? Target.Descendant : embedding.Target };

        // 2A: hidden and not referenced.
        if (!state.IncludeHidden && (IsIgnored(e) || (!embedding.InHiddenReference && IsHiddenCached(e, state.Cache))))
        {
            state.Visited.Add(e);
            return string.Empty;
        }

        // 2B: aria-labelledby, unless already inside such a traversal.
        var labelledBy = LabelledBy(e);
        if (!embedding.InLabelledBy && labelledBy is not null)
        {
            var name = string.Join(' ', labelledBy.Select(r => TextAlternative(r, new Embedding { InLabelledBy = true, InHiddenReference = IsHiddenCached(r, state.Cache) }, state)));
            if (name.Length > 0)
            {
                return name;
            }
        }

        var role = Role(e) ?? string.Empty;
        var tag = e.LocalName;

        // 2C: an embedded control gives its value.
        if ((embedding.InLabel || embedding.InLabelledBy || embedding.Target == Target.Descendant)
            && !(labelledBy?.Contains(e) ?? false)
            && EmbeddedControlValue(e, role, childEmbedding, state) is { } controlValue)
        {
            return controlValue;
        }

        // 2D: aria-label.
        var ariaLabel = e.GetAttribute("aria-label") ?? string.Empty;
        if (ariaLabel.Trim().Length > 0)
        {
            state.Visited.Add(e);
            return ariaLabel;
        }

        // 2E: native text alternatives.
        if (role is not ("presentation" or "none") && NativeAlternative(e, tag, labelledBy is not null, embedding, childEmbedding, state) is { } native)
        {
            return native;
        }

        // 2F: name from content.
        if (AllowsNameFromContent(role, embedding.Target == Target.Descendant)
            || embedding.InLabelledBy || embedding.InLabel || embedding.InNative)
        {
            state.Visited.Add(e);
            var content = ContentText(e, childEmbedding, state);
            if ((embedding.Target == Target.Self ? content.Trim() : content).Length > 0)
            {
                return content;
            }
        }

        // 2I: tooltip attribute.
        state.Visited.Add(e);
        if (role is not ("presentation" or "none") || tag == "iframe")
        {
            var title = e.GetAttribute("title") ?? string.Empty;
            if (title.Trim().Length > 0)
            {
                return title;
            }
        }

        return string.Empty;
    }

    private static string? EmbeddedControlValue(IElement e, string role, Embedding childEmbedding, NameState state)
    {
        switch (role)
        {
            case "textbox":
                state.Visited.Add(e);
                return e.LocalName is "input" or "textarea" ? ControlValue(e) : e.TextContent;
            case "combobox" or "listbox":
                state.Visited.Add(e);
                IReadOnlyList<IElement> selected = e.LocalName == "select"
                    ? SelectedOptions(e)
                    : [.. e.QuerySelectorAll("[aria-selected=\"true\"]").Where(o => Role(o) == "option")];
                if (selected.Count == 0 && e.LocalName == "input")
                {
                    return ControlValue(e);
                }

                return string.Join(' ', selected.Select(o => TextAlternative(o, childEmbedding, state)));
            case "progressbar" or "scrollbar" or "slider" or "spinbutton" or "meter":
                state.Visited.Add(e);
                return e.GetAttribute("aria-valuetext") ?? e.GetAttribute("aria-valuenow")
                    ?? (e.LocalName == "input" ? ControlValue(e) : e.GetAttribute("value")) ?? string.Empty;
            case "menu":
                state.Visited.Add(e);
                return string.Empty;
            default:
                return null;
        }
    }

    private static string? NativeAlternative(IElement e, string tag, bool hasLabelledBy, Embedding embedding, Embedding childEmbedding, NameState state)
    {
        var type = tag == "input" ? InputType(e) : string.Empty;
        if (type is "button" or "submit" or "reset")
        {
            state.Visited.Add(e);
            var value = ControlValue(e);
            if (value.Trim().Length > 0)
            {
                return value;
            }

            return type switch
            {
                "submit" => "Submit",
                "reset" => "Reset",
                _ => e.GetAttribute("title") ?? string.Empty,
            };
        }

        if (type == "image")
        {
            state.Visited.Add(e);
            var labels = Labels(e);
            if (labels.Count > 0 && !embedding.InLabelledBy)
            {
                return FromLabels(labels, state);
            }

            return FirstNonBlank(e.GetAttribute("alt"), e.GetAttribute("title")) ?? "Submit";
        }

        if (!hasLabelledBy && tag == "button")
        {
            state.Visited.Add(e);
            var labels = Labels(e);
            if (labels.Count > 0)
            {
                return FromLabels(labels, state);
            }

            return null;
        }

        if (!hasLabelledBy && tag == "output")
        {
            state.Visited.Add(e);
            var labels = Labels(e);
            return labels.Count > 0 ? FromLabels(labels, state) : e.GetAttribute("title") ?? string.Empty;
        }

        if (!hasLabelledBy && tag is "textarea" or "select" or "input")
        {
            state.Visited.Add(e);
            var labels = Labels(e);
            if (labels.Count > 0)
            {
                return FromLabels(labels, state);
            }

            var usePlaceholder = (tag == "input" && PlaceholderInputTypes.Contains(type)) || tag == "textarea";
            var title = e.GetAttribute("title") ?? string.Empty;
            return !usePlaceholder || title.Length > 0 ? title : e.GetAttribute("placeholder") ?? string.Empty;
        }

        if (!hasLabelledBy && tag is "fieldset" or "figure" or "table")
        {
            state.Visited.Add(e);
            var captionTag = tag switch
            {
                "fieldset" => "legend",
                "figure" => "figcaption",
                _ => "caption",
            };
            var caption = e.Children.FirstOrDefault(c => c.LocalName == captionTag);
            if (caption is not null)
            {
                var text = TextAlternative(caption, childEmbedding with { InNative = true, InHiddenReference = IsHiddenCached(caption, state.Cache) }, state);
                if (tag != "table" || text.Length > 0)
                {
                    return text;
                }
            }

            return FirstNonBlank(e.GetAttribute("title"), tag == "table" ? e.GetAttribute("summary") : null) ?? string.Empty;
        }

        if (tag is "img" or "area")
        {
            state.Visited.Add(e);
            return FirstNonBlank(e.GetAttribute("alt"), e.GetAttribute("title")) ?? string.Empty;
        }

        if (tag == "svg")
        {
            var svgTitle = e.Children.FirstOrDefault(c => c.LocalName == "title");
            if (svgTitle is not null)
            {
                state.Visited.Add(e);
                return svgTitle.TextContent;
            }
        }

        return null;
    }

    private static string FromLabels(IReadOnlyList<IElement> labels, NameState state) =>
        string.Join(' ', labels
            .Select(label => TextAlternative(label, new Embedding { InLabel = true, InHiddenReference = IsHiddenCached(label, state.Cache) }, state))
            .Where(name => name.Length > 0));

    /// <summary>Whether an element of this role may take its name from its content (a button's text is its name).</summary>
    internal static bool TakesNameFromContent(string role) => NameFromContentRoles.Contains(role);

    private static bool AllowsNameFromContent(string role, bool descendant) =>
        NameFromContentRoles.Contains(role) || (descendant && DescendantNameFromContentRoles.Contains(role));

    /// <summary>Content text: light children (minus slotted ones), then the shadow root; a slot gives its assigned nodes.</summary>
    private static string ContentText(IElement e, Embedding embedding, NameState state)
    {
        var sb = new StringBuilder();
        if (e.LocalName == "slot" && AssignedNodes(e) is { Count: > 0 } assigned)
        {
            foreach (var node in assigned)
            {
                AppendNode(sb, node, embedding, state);
            }

            return sb.ToString();
        }

        var shadow = ComposedTree.ShadowRoot(e);
        var children = e.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IElement element && (ComposedTree.IsShadowTemplate(element) || (shadow is not null && IsSlotted(element, shadow))))
            {
                continue;
            }

            if (shadow is not null && child is IText && shadow.QuerySelector("slot:not([name])") is not null)
            {
                continue;
            }

            AppendNode(sb, child, embedding, state);
        }

        if (shadow is not null)
        {
            var shadowChildren = shadow.ChildNodes;
            for (var i = 0; i < shadowChildren.Length; i++)
            {
                AppendNode(sb, shadowChildren[i], embedding, state);
            }
        }

        if (e.GetAttribute("aria-owns") is { } owns)
        {
            foreach (var owned in IdRefs(e, owns))
            {
                AppendNode(sb, owned, embedding, state);
            }
        }

        return sb.ToString();
    }

    private static void AppendNode(StringBuilder sb, INode node, Embedding embedding, NameState state)
    {
        switch (node)
        {
            case IText text:
                sb.Append(text.Data);
                break;
            case IElement element:
                var token = TextAlternative(element, embedding, state);
                if (IsLaidOutInline(element))
                {
                    sb.Append(token);
                }
                else
                {
                    sb.Append(' ').Append(token).Append(' ');
                }

                break;
        }
    }

    private static bool IsLaidOutInline(IElement e)
    {
        if (e.LocalName == "br")
        {
            return false;
        }

        var display = InlineStyle(e, "display");
        return display is null ? !NonInlineTags.Contains(e.LocalName) : display == "inline";
    }

    /// <summary>The light children of the slot's host assigned to it (by <c>slot</c> name; the default slot takes the rest).</summary>
    private static List<INode> AssignedNodes(IElement slot)
    {
        var assigned = new List<INode>();
        if (ComposedTree.Root(slot) is not IDocumentFragment fragment || ComposedTree.HostOf(fragment) is not { } host)
        {
            return assigned;
        }

        var name = slot.GetAttribute("name") ?? string.Empty;
        var children = host.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            switch (child)
            {
                case IElement element when !ComposedTree.IsShadowTemplate(element) && (element.GetAttribute("slot") ?? string.Empty) == name:
                    assigned.Add(element);
                    break;
                case IText when name.Length == 0:
                    assigned.Add(child);
                    break;
            }
        }

        return assigned;
    }

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private sealed class NameState(bool includeHidden, AriaCache cache)
    {
        public bool IncludeHidden { get; } = includeHidden;

        public AriaCache Cache { get; } = cache;

        public HashSet<IElement> Visited { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private readonly record struct Embedding
    {
        public bool InLabelledBy { get; init; }

        public bool InLabel { get; init; }

        public bool InNative { get; init; }

        /// <summary>The referenced label/labelledby element is hidden itself: then its hidden content counts too.</summary>
        public bool InHiddenReference { get; init; }

        public Target Target { get; init; }
    }
}
