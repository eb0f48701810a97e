using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// ARIA semantics of an element in a rebuilt page, computed as Playwright's injected script does
/// (docs/locators.md#roles-and-accessible-names, #hidden-elements): role, accessible name, hidden-ness, associated
/// labels and the states the role engine filters on. Offline there is no layout and no stylesheet: visibility is judged
/// from attributes, inline styles and the user-agent defaults (<c>hidden</c>, <c>&lt;head&gt;</c>,
/// <c>input[type=hidden]</c>, a closed <c>&lt;details&gt;</c>). Snapshot markers win over attributes:
/// <c>__playwright_value_</c>, <c>__playwright_checked_</c>, <c>__playwright_selected_</c> hold the live state at
/// capture.
/// </summary>
internal static partial class AriaSemantics
{
    private static readonly HashSet<string> ValidRoles = new(StringComparer.Ordinal)
    {
        "alert", "alertdialog", "application", "article", "banner", "blockquote", "button", "caption", "cell", "checkbox",
        "code", "columnheader", "combobox", "complementary", "contentinfo", "definition", "deletion", "dialog", "directory",
        "document", "emphasis", "feed", "figure", "form", "generic", "grid", "gridcell", "group", "heading", "img",
        "insertion", "link", "list", "listbox", "listitem", "log", "main", "mark", "marquee", "math", "meter", "menu",
        "menubar", "menuitem", "menuitemcheckbox", "menuitemradio", "navigation", "none", "note", "option", "paragraph",
        "presentation", "progressbar", "radio", "radiogroup", "region", "row", "rowgroup", "rowheader", "scrollbar",
        "search", "searchbox", "separator", "slider", "spinbutton", "status", "strong", "subscript", "superscript",
        "switch", "tab", "table", "tablist", "tabpanel", "term", "textbox", "time", "timer", "toolbar", "tooltip", "tree",
        "treegrid", "treeitem",
    };

    private static readonly HashSet<string> GlobalAriaAttributes = new(StringComparer.Ordinal)
    {
        "aria-atomic", "aria-busy", "aria-controls", "aria-current", "aria-describedby", "aria-details", "aria-dropeffect",
        "aria-flowto", "aria-grabbed", "aria-hidden", "aria-keyshortcuts", "aria-label", "aria-labelledby", "aria-live",
        "aria-owns", "aria-relevant", "aria-roledescription",
    };

    /// <summary>Elements never exposed to ARIA nor matched as text.</summary>
    private static readonly HashSet<string> IgnoredTags = new(StringComparer.Ordinal) { "script", "style", "noscript", "template" };

    /// <summary>Elements the user-agent stylesheet gives <c>display: none</c>.</summary>
    private static readonly HashSet<string> DisplayNoneTags = new(StringComparer.Ordinal)
    {
        "head", "script", "style", "template", "noscript", "title", "meta", "link", "base", "datalist", "param", "source",
        "track", "noframes",
    };

    /// <summary>Elements whose child's implicit role turns into the parent's <c>none</c>/<c>presentation</c>.</summary>
    private static readonly Dictionary<string, string[]> PresentationInheritance = new(StringComparer.Ordinal)
    {
        ["dd"] = ["dl", "div"],
        ["div"] = ["dl"],
        ["dt"] = ["dl", "div"],
        ["li"] = ["ol", "ul"],
        ["tbody"] = ["table"],
        ["td"] = ["tr"],
        ["tfoot"] = ["table"],
        ["th"] = ["tr"],
        ["thead"] = ["table"],
        ["tr"] = ["thead", "tbody", "tfoot", "table"],
    };

    private static readonly HashSet<string> LandmarkBlockers = new(StringComparer.Ordinal) { "article", "aside", "main", "nav", "section" };

    private static readonly HashSet<string> LandmarkBlockerRoles = new(StringComparer.Ordinal) { "article", "complementary", "main", "navigation", "region" };

    private static readonly HashSet<string> LabelableTags = new(StringComparer.Ordinal) { "button", "input", "meter", "output", "progress", "select", "textarea" };

    private static readonly HashSet<string> CheckedRoles = new(StringComparer.Ordinal)
    {
        "checkbox", "menuitemcheckbox", "option", "radio", "switch", "menuitemradio", "treeitem",
    };

    private static readonly HashSet<string> SelectedRoles = new(StringComparer.Ordinal)
    {
        "gridcell", "option", "row", "tab", "rowheader", "columnheader", "treeitem",
    };

    private static readonly HashSet<string> LevelRoles = new(StringComparer.Ordinal) { "heading", "listitem", "row", "treeitem" };

    private static readonly ConditionalWeakTable<INode, Dictionary<IElement, List<IElement>>> LabelIndexes = [];

    private const byte DisplayNoneChain = 1;
    private const byte AriaHiddenChain = 2;
    private const byte VisibilityHidden = 4;

    /// <summary>Whitespace runs become one space, the ends are trimmed, U+200B and soft hyphens are removed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsNormalized(text))
        {
            return text;
        }

        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u200b' or '\u00ad')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// Whether the normalised form of <paramref name="raw"/> equals <paramref name="normalized"/> (already normalised),
    /// without building it: a strict text match on a page's outer elements stops at the first difference.
    /// </summary>
    public static bool NormalizedEquals(ReadOnlySpan<char> raw, string normalized)
    {
        var j = 0;
        var pendingSpace = false;
        var started = false;
        foreach (var c in raw)
        {
            if (c is '\u200b' or '\u00ad')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = started;
                continue;
            }

            if (pendingSpace)
            {
                if (j >= normalized.Length || normalized[j] != ' ')
                {
                    return false;
                }

                j++;
                pendingSpace = false;
            }

            if (j >= normalized.Length || normalized[j] != c)
            {
                return false;
            }

            j++;
            started = true;
        }

        return j == normalized.Length;
    }

    private static bool IsNormalized(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (c is '\u200b' or '\u00ad' || (c < 128 ? c is '\t' or '\n' or '\r' or '\f' or '\v' : char.IsWhiteSpace(c)))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }

    /// <summary>The ARIA role: the first valid token of <c>role</c>, else the implicit role; null when none (generic).</summary>
    public static string? Role(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var explicitRole = ExplicitRole(e);
        if (explicitRole is null)
        {
            return ImplicitRole(e);
        }

        if (explicitRole is "none" or "presentation" && HasPresentationConflict(e))
        {
            return ImplicitRole(e);
        }

        return explicitRole;
    }

    /// <summary>
    /// Hidden from ARIA (and from Playwright's role engine unless <c>include-hidden</c>): ignored tags, <c>display:
    /// none</c> on it or an ancestor (inline style, the <c>hidden</c> attribute, user-agent defaults, content outside a
    /// closed <c>&lt;details&gt;</c> or outside every slot of a shadow host), <c>visibility: hidden</c> (inherited),
    /// <c>aria-hidden="true"</c> on it or an ancestor.
    /// </summary>
    public static bool IsHidden(IElement e) => IsHiddenCached(e, cache: null);

    /// <inheritdoc cref="IsHidden(IElement)"/>
    /// <param name="e">The element.</param>
    /// <param name="cache">Per-query memo of ancestor facts, so a query over many siblings walks each ancestor once.</param>
    internal static bool IsHiddenCached(IElement e, AriaCache? cache)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (IgnoredTags.Contains(e.LocalName))
        {
            return true;
        }

        var facts = Facts(e, cache);
        if ((facts & (DisplayNoneChain | AriaHiddenChain)) != 0)
        {
            return true;
        }

        // An <option> of a <select> ignores visibility.
        return (facts & VisibilityHidden) != 0 && !(e.LocalName == "option" && Closest(e, "select") is not null);
    }

    /// <summary>
    /// Hidden from layout (Playwright's <c>visible=</c> and the default of <c>:visible</c>): <c>display: none</c> on it or
    /// an ancestor, or <c>visibility: hidden</c>. Unlike <see cref="IsHidden(IElement)"/>, <c>aria-hidden</c> does not count.
    /// </summary>
    public static bool IsInvisible(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (Facts(e, cache: null) & (DisplayNoneChain | VisibilityHidden)) != 0;
    }

    /// <summary>The normalised text of the element's associated <c>&lt;label&gt;</c>s, space-joined; null when it has none.</summary>
    public static string? LabelText(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var labels = Labels(e);
        if (labels.Count == 0)
        {
            return null;
        }

        return Normalize(string.Join(' ', labels.Select(label => DomText.Of(label).Full)));
    }

    /// <summary>The <c>&lt;label&gt;</c>s of a labelable element (<c>for</c> = its id, or wrapping it), in document order.</summary>
    public static IReadOnlyList<IElement> Labels(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!IsLabelable(e))
        {
            return [];
        }

        var root = ComposedTree.Root(e);
        var index = LabelIndexes.GetValue(root, BuildLabelIndex);
        return index.TryGetValue(e, out var labels) ? labels : [];
    }

    /// <summary>The elements <c>aria-labelledby</c> names, in attribute order; null when the attribute is absent or names nothing.</summary>
    public static IReadOnlyList<IElement>? LabelledBy(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var refs = e.GetAttribute("aria-labelledby");
        if (refs is null)
        {
            return null;
        }

        var found = IdRefs(e, refs);
        return found.Count > 0 ? found : null;
    }

    /// <summary>The live value of a form control: the snapshot's <c>__playwright_value_</c>, else the <c>value</c> attribute (textarea: its text).</summary>
    public static string ControlValue(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.GetAttribute("__playwright_value_") is { } live)
        {
            return live;
        }

        return e.LocalName switch
        {
            "textarea" => e.TextContent,
            "select" => string.Join(' ', SelectedOptions(e).Select(o => o.GetAttribute("value") ?? Normalize(o.TextContent))),
            _ => e.GetAttribute("value") ?? string.Empty,
        };
    }

    /// <summary>Playwright's <c>checked</c>: true, false or "mixed"; null when the role has no checked state.</summary>
    public static string? Checked(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.LocalName == "input" && InputType(e) is "checkbox" or "radio")
        {
            if (e.GetAttribute("__playwright_checked_") is { } live)
            {
                return live.Equals("true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
            }

            return e.HasAttribute("checked") ? "true" : "false";
        }

        if (Role(e) is { } role && CheckedRoles.Contains(role))
        {
            return e.GetAttribute("aria-checked") switch
            {
                "true" => "true",
                "mixed" => "mixed",
                _ => "false",
            };
        }

        return null;
    }

    /// <summary>Playwright's <c>pressed</c>: "true", "mixed" or "false".</summary>
    public static string Pressed(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Role(e) == "button")
        {
            return e.GetAttribute("aria-pressed") switch
            {
                "true" => "true",
                "mixed" => "mixed",
                _ => "false",
            };
        }

        return "false";
    }

    /// <summary>Playwright's <c>expanded</c>: true/false from <c>aria-expanded</c> (or a <c>&lt;details&gt;</c>'s <c>open</c>); null when not stated.</summary>
    public static bool? Expanded(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.LocalName == "details")
        {
            return e.HasAttribute("open");
        }

        return e.GetAttribute("aria-expanded") switch
        {
            null => null,
            var v => v.Equals("true", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>Playwright's <c>selected</c>: an option's selectedness, or <c>aria-selected="true"</c> for the roles that have it.</summary>
    public static bool Selected(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.LocalName == "option")
        {
            return IsOptionSelected(e);
        }

        return Role(e) is { } role && SelectedRoles.Contains(role)
            && string.Equals(e.GetAttribute("aria-selected"), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Playwright's <c>level</c>: from <c>h1</c>–<c>h6</c> (the tag wins), else <c>aria-level</c> for heading/listitem/row/treeitem; 0 when none.</summary>
    public static int Level(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.LocalName is ['h', >= '1' and <= '6'])
        {
            return e.LocalName[1] - '0';
        }

        if (Role(e) is { } role && LevelRoles.Contains(role)
            && int.TryParse(e.GetAttribute("aria-level"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level)
            && level >= 1)
        {
            return level;
        }

        return 0;
    }

    /// <summary>
    /// Playwright's <c>disabled</c>: a native <c>disabled</c> form control (or one inside a disabled fieldset, outside its
    /// first legend, or an option of a disabled optgroup), or <c>aria-disabled="true"</c> on it or an ancestor.
    /// </summary>
    public static bool Disabled(IElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (IsNativelyDisabled(e))
        {
            return true;
        }

        for (var current = e; current is not null; current = ComposedTree.Parent(current))
        {
            if (current.GetAttribute("aria-disabled") is { } value && value.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type of an input, lower case; <c>text</c> when absent or unknown to HTML.</summary>
    internal static string InputType(IElement input)
    {
        var type = input.GetAttribute("type")?.Trim().ToLowerInvariant();
        return type switch
        {
            "button" or "checkbox" or "color" or "date" or "datetime-local" or "email" or "file" or "hidden" or "image"
                or "month" or "number" or "password" or "radio" or "range" or "reset" or "search" or "submit" or "tel"
                or "text" or "time" or "url" or "week" => type,
            _ => "text",
        };
    }

    internal static IReadOnlyList<IElement> SelectedOptions(IElement select)
    {
        var options = select.QuerySelectorAll("option").ToList();
        var selected = options.Where(IsOptionSelected).ToList();
        if (selected.Count == 0 && options.Count > 0 && !select.HasAttribute("multiple"))
        {
            selected.Add(options[0]);
        }

        return selected;
    }

    internal static bool IsIgnored(IElement e) => IgnoredTags.Contains(e.LocalName);

    internal static IElement? Closest(IElement e, string localName)
    {
        for (var current = e.ParentElement; current is not null; current = current.ParentElement)
        {
            if (current.LocalName == localName)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>IDREFs resolved in the element's own root (its document or shadow root).</summary>
    internal static List<IElement> IdRefs(IElement e, string refs)
    {
        var found = new List<IElement>();
        var root = ComposedTree.Root(e);
        foreach (var id in refs.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var target = ComposedTree.ElementById(root, id);
            if (target is not null && !found.Contains(target))
            {
                found.Add(target);
            }
        }

        return found;
    }

    private static string? ExplicitRole(IElement e)
    {
        var attribute = e.GetAttribute("role");
        if (attribute is null)
        {
            return null;
        }

        foreach (var token in attribute.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = token.ToLowerInvariant();
            if (ValidRoles.Contains(lower))
            {
                return lower;
            }
        }

        return null;
    }

    private static bool HasPresentationConflict(IElement e) =>
        e.Attributes.Any(a => GlobalAriaAttributes.Contains(a.Name)) || IsFocusable(e);

    private static bool IsFocusable(IElement e)
    {
        if (e.HasAttribute("tabindex") && int.TryParse(e.GetAttribute("tabindex"), out _))
        {
            return true;
        }

        return e.LocalName switch
        {
            "a" or "area" => e.HasAttribute("href"),
            "button" or "select" or "textarea" => !IsNativelyDisabled(e),
            "input" => InputType(e) != "hidden" && !IsNativelyDisabled(e),
            _ => false,
        };
    }

    private static string? ImplicitRole(IElement e)
    {
        var role = ImplicitRoleOfTag(e);
        if (role is null)
        {
            return null;
        }

        var ancestor = e;
        while (PresentationInheritance.TryGetValue(ancestor.LocalName, out var parents)
            && ComposedTree.Parent(ancestor) is { } parent
            && parents.Contains(parent.LocalName))
        {
            var parentRole = ExplicitRole(parent);
            if (parentRole is "none" or "presentation" && !HasPresentationConflict(parent))
            {
                return parentRole;
            }

            ancestor = parent;
        }

        return role;
    }

    private static string? ImplicitRoleOfTag(IElement e) => e.LocalName switch
    {
        "a" or "area" => e.HasAttribute("href") ? "link" : null,
        "article" => "article",
        "aside" => "complementary",
        "blockquote" => "blockquote",
        "button" => "button",
        "caption" => "caption",
        "code" => "code",
        "datalist" => "listbox",
        "dd" => "definition",
        "del" => "deletion",
        "details" => "group",
        "dfn" => "term",
        "dialog" => "dialog",
        "dt" => "term",
        "em" => "emphasis",
        "fieldset" => "group",
        "figure" => "figure",
        "footer" => InsideLandmarkBlocker(e) ? null : "contentinfo",
        "form" => HasExplicitName(e) ? "form" : null,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => "heading",
        "header" => InsideLandmarkBlocker(e) ? null : "banner",
        "hr" => "separator",
        "html" => "document",
        "img" => e.GetAttribute("alt") is "" && string.IsNullOrEmpty(e.GetAttribute("title")) && !e.Attributes.Any(a => GlobalAriaAttributes.Contains(a.Name)) && !e.HasAttribute("tabindex")
            ? "presentation"
            : "img",
        "input" => InputRole(e),
        "ins" => "insertion",
        "li" => "listitem",
        "main" => "main",
        "mark" => "mark",
        "math" => "math",
        "menu" or "ol" or "ul" => "list",
        "meter" => "meter",
        "nav" => "navigation",
        "optgroup" => "group",
        "option" => "option",
        "output" => "status",
        "p" => "paragraph",
        "progress" => "progressbar",
        "search" => "search",
        "section" => HasExplicitName(e) ? "region" : null,
        "select" => e.HasAttribute("multiple") || (int.TryParse(e.GetAttribute("size"), out var size) && size > 1) ? "listbox" : "combobox",
        "strong" => "strong",
        "sub" => "subscript",
        "sup" => "superscript",
        "svg" => "img",
        "table" => "table",
        "tbody" or "thead" or "tfoot" => "rowgroup",
        "td" => Closest(e, "table") is { } table && ExplicitRole(table) is "grid" or "treegrid" ? "gridcell" : "cell",
        "th" => e.GetAttribute("scope") == "row" ? "rowheader" : "columnheader",
        "textarea" => "textbox",
        "time" => "time",
        "tr" => "row",
        _ => null,
    };

    private static string? InputRole(IElement e)
    {
        var type = InputType(e);
        switch (type)
        {
            case "search":
                return e.HasAttribute("list") ? "combobox" : "searchbox";
            case "email" or "tel" or "text" or "url":
                var list = e.GetAttribute("list");
                return list is not null && IdRefs(e, list).FirstOrDefault() is { LocalName: "datalist" } ? "combobox" : "textbox";
            case "hidden":
                return null;
            case "file" or "button" or "image" or "reset" or "submit":
                return "button";
            case "checkbox":
                return "checkbox";
            case "radio":
                return "radio";
            case "number":
                return "spinbutton";
            case "range":
                return "slider";
            default:
                return "textbox";
        }
    }

    private static bool InsideLandmarkBlocker(IElement e)
    {
        for (var current = ComposedTree.Parent(e); current is not null; current = ComposedTree.Parent(current))
        {
            var role = current.GetAttribute("role");
            if (role is null ? LandmarkBlockers.Contains(current.LocalName) : LandmarkBlockerRoles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasExplicitName(IElement e) => e.HasAttribute("aria-label") || e.HasAttribute("aria-labelledby");

    private static bool IsLabelable(IElement e) =>
        LabelableTags.Contains(e.LocalName) && !(e.LocalName == "input" && InputType(e) == "hidden");

    private static Dictionary<IElement, List<IElement>> BuildLabelIndex(INode root)
    {
        var index = new Dictionary<IElement, List<IElement>>(ReferenceEqualityComparer.Instance);
        foreach (var label in ComposedTree.LabelsIn(root))
        {
            IElement? control;
            if (label.GetAttribute("for") is { } forId)
            {
                control = forId.Length == 0 ? null : ComposedTree.ElementById(root, forId);
            }
            else
            {
                control = label.QuerySelectorAll("*").FirstOrDefault(IsLabelable);
            }

            if (control is null || !IsLabelable(control))
            {
                continue;
            }

            if (!index.TryGetValue(control, out var list))
            {
                index[control] = list = [];
            }

            list.Add(label);
        }

        return index;
    }

    private static bool IsOptionSelected(IElement option)
    {
        if (option.GetAttribute("__playwright_selected_") is { } live)
        {
            return live.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        return option.HasAttribute("selected");
    }

    private static bool IsNativelyDisabled(IElement e)
    {
        if (e.LocalName is not ("button" or "input" or "select" or "textarea" or "option" or "optgroup" or "fieldset"))
        {
            return false;
        }

        if (e.HasAttribute("disabled"))
        {
            return true;
        }

        if (e.LocalName == "option" && e.ParentElement is { LocalName: "optgroup" } group && group.HasAttribute("disabled"))
        {
            return true;
        }

        // Inside a disabled fieldset, unless inside its first legend.
        for (var child = e; child.ParentElement is { } parent; child = parent)
        {
            if (parent.LocalName == "fieldset" && parent.HasAttribute("disabled"))
            {
                var firstLegend = parent.Children.FirstOrDefault(c => c.LocalName == "legend");
                return firstLegend is null || !ReferenceEquals(child, firstLegend);
            }
        }

        return false;
    }

    private static bool IsDisplayNone(IElement e)
    {
        var display = InlineStyle(e, "display");
        if (display is not null)
        {
            return display == "none";
        }

        if (e.HasAttribute("hidden") || DisplayNoneTags.Contains(e.LocalName))
        {
            return true;
        }

        switch (e.LocalName)
        {
            case "input" when InputType(e) == "hidden":
                return true;
            case "dialog" when !e.HasAttribute("open") && !e.HasAttribute("__playwright_dialog_open_"):
                return true;
        }

        if (e.ParentElement is { LocalName: "details" } details && !details.HasAttribute("open"))
        {
            // Only the first <summary> of a closed <details> is rendered.
            return !(e.LocalName == "summary" && ReferenceEquals(details.Children.FirstOrDefault(c => c.LocalName == "summary"), e));
        }

        return e.ParentElement is { } host && ComposedTree.ShadowRoot(host) is { } shadow && !ComposedTree.IsShadowTemplate(e) && !IsSlotted(e, shadow);
    }

    private static bool IsSlotted(IElement lightChild, IDocumentFragment shadow)
    {
        var name = lightChild.GetAttribute("slot") ?? string.Empty;
        return shadow.QuerySelectorAll("slot").Any(slot => (slot.GetAttribute("name") ?? string.Empty) == name);
    }

    /// <summary>Display, aria-hidden and visibility facts of an element and its ancestors, memoised in <paramref name="cache"/>.</summary>
    private static byte Facts(IElement e, AriaCache? cache)
    {
        if (cache is not null && cache.Facts.TryGetValue(e, out var known))
        {
            return known;
        }

        var inherited = ComposedTree.Parent(e) is { } parent ? Facts(parent, cache) : (byte)0;
        var facts = (byte)(inherited & (DisplayNoneChain | AriaHiddenChain));
        if ((facts & DisplayNoneChain) == 0 && IsDisplayNone(e))
        {
            facts |= DisplayNoneChain;
        }

        if ((facts & AriaHiddenChain) == 0 && e.GetAttribute("aria-hidden") is { } ariaHidden && ariaHidden.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            facts |= AriaHiddenChain;
        }

        var visibility = InlineStyle(e, "visibility");
        if (visibility is null or "inherit" ? (inherited & VisibilityHidden) != 0 : visibility is "hidden" or "collapse")
        {
            facts |= VisibilityHidden;
        }

        if (cache is not null)
        {
            cache.Facts[e] = facts;
        }

        return facts;
    }

    /// <summary>The last declaration of <paramref name="property"/> in the inline style, lower case, without <c>!important</c>.</summary>
    internal static string? InlineStyle(IElement e, string property)
    {
        var style = e.GetAttribute("style");
        if (string.IsNullOrEmpty(style) || !style.Contains(property, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? value = null;
        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !declaration.AsSpan(0, colon).Trim().Equals(property, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            value = declaration[(colon + 1)..].Replace("!important", string.Empty, StringComparison.OrdinalIgnoreCase).Trim().ToLowerInvariant();
        }

        return value;
    }
}
