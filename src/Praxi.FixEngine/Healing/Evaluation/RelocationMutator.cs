using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>
/// Applies one <see cref="RelocationMutation"/> to an element of a page copy, in place, as a redesign or a refactor
/// would change it. A mutation that does not apply to the element (no id to rename, no text to reword, nowhere to
/// move it) changes nothing and says so; such cases are left out of the counts.
/// </summary>
internal static class RelocationMutator
{
    private static readonly string[] TestIdAttributes = ["data-testid", "data-test-id", "data-test", "data-qa", "data-cy"];

    // Words a rename adds (kept short and generic: what refactors append).
    private static readonly string[] NameWords = ["main", "field", "btn", "primary", "item", "control", "new"];

    // Words a rewording brings in, and what an inserted entry says: none are words of the pages they are used on
    // by design, but nothing depends on that.
    private static readonly string[] TextWords = ["basket", "today", "online", "instantly", "selection", "details", "overview", "account"];

    private static readonly string[] EntryTexts = ["Gift cards", "Special offers", "Track my order", "Store locator", "Help centre", "New arrivals", "Careers"];

    private static readonly HashSet<string> TableParts = new(StringComparer.OrdinalIgnoreCase) { "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "li", "dt", "dd" };

    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase) { "div", "section", "nav", "main", "aside", "header", "footer", "form", "article", "fieldset" };

    /// <summary>Applies the mutation; false when it does not apply to this element.</summary>
    public static bool TryApply(RelocationMutation mutation, IElement target, Random random) => mutation switch
    {
        RelocationMutation.IdRenamed => RenameIds(target, random),
        RelocationMutation.ClassRenamed => RenameClasses(target, random),
        RelocationMutation.WrapperAdded => Wrap(target),
        RelocationMutation.SiblingInserted => InsertSibling(target, random),
        RelocationMutation.TextReworded => Reword(target, random),
        RelocationMutation.Moved => Move(target, random),
        RelocationMutation.Removed => Remove(target),
        _ => false,
    };

    private static bool RenameIds(IElement target, Random random)
    {
        var changed = false;
        if (target.Id is { Length: > 0 } id)
        {
            var renamed = Rename(id, random);
            foreach (var label in target.Owner!.QuerySelectorAll("label[for]").Where(l => l.GetAttribute("for") == id))
            {
                label.SetAttribute("for", renamed); // a refactor keeps the label pointing at its control
            }

            target.Id = renamed;
            changed = true;
        }

        foreach (var attribute in TestIdAttributes.Append("name"))
        {
            if (target.GetAttribute(attribute) is { Length: > 0 } value)
            {
                target.SetAttribute(attribute, Rename(value, random));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary><c>add-to-cart</c> → <c>addToCartBtn</c> or <c>main-add-to-cart</c>: a word added, the spelling switched.</summary>
    internal static string Rename(string name, Random random)
    {
        var words = ElementWords.FromName(name)?.Words.ToList() ?? [name];
        var extra = NameWords[random.Next(NameWords.Length)];
        if (random.Next(2) == 0)
        {
            words.Add(extra);
        }
        else
        {
            words.Insert(0, extra);
        }

        var kebab = name.Contains('-', StringComparison.Ordinal) || name.Contains('_', StringComparison.Ordinal);
        return kebab
            ? string.Concat(words.Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]))
            : string.Join('-', words);
    }

    private static bool RenameClasses(IElement target, Random random)
    {
        if (target.ClassList.Length == 0)
        {
            return false;
        }

        var generated = target.ClassList.Select(_ => "c" + random.Next(0x100000, 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture)).ToArray();
        target.ClassName = string.Join(' ', generated);
        return true;
    }

    private static bool Wrap(IElement target)
    {
        if (TableParts.Contains(target.LocalName) || target.Parent is not { } parent)
        {
            return false;
        }

        var wrapper = target.Owner!.CreateElement("div");
        wrapper.ClassName = "wrapper";
        parent.ReplaceChild(wrapper, target);
        wrapper.AppendChild(target);
        return true;
    }

    private static bool InsertSibling(IElement target, Random random)
    {
        if (target.Parent is not { } parent || target.Clone(deep: true) is not IElement copy)
        {
            return false;
        }

        foreach (var e in copy.DescendantsAndSelf<IElement>())
        {
            e.RemoveAttribute("id");
            foreach (var attribute in TestIdAttributes)
            {
                e.RemoveAttribute(attribute);
            }

            if (e.GetAttribute("name") is { Length: > 0 })
            {
                e.SetAttribute("name", "extra-" + random.Next(1000).ToString(CultureInfo.InvariantCulture));
            }

            if (e.HasAttribute("href"))
            {
                e.SetAttribute("href", "/promo/" + random.Next(1000).ToString(CultureInfo.InvariantCulture));
            }

            if (e.HasAttribute("placeholder"))
            {
                e.SetAttribute("placeholder", EntryTexts[random.Next(EntryTexts.Length)]);
            }

            e.RemoveAttribute("value");
            e.RemoveAttribute("aria-label");
        }

        var entry = EntryTexts[random.Next(EntryTexts.Length)];
        var first = true;
        foreach (var text in copy.Descendants<IText>().Where(t => HasWords(t.Data)).ToArray())
        {
            text.Data = first ? entry : string.Empty;
            first = false;
        }

        parent.InsertBefore(copy, target);
        return true;
    }

    private static bool Reword(IElement target, Random random)
    {
        var text = target.Descendants<IText>().Where(t => HasWords(t.Data)).OrderByDescending(t => Words(t.Data).Length).FirstOrDefault();
        if (text is not null)
        {
            text.Data = RewordText(text.Data, random);
            return true;
        }

        if (target.GetAttribute("placeholder") is { } placeholder && HasWords(placeholder))
        {
            target.SetAttribute("placeholder", RewordText(placeholder, random));
            return true;
        }

        return false;
    }

    /// <summary>One word replaced (the longest: the one that carries the meaning), or a word added to a single word.</summary>
    internal static string RewordText(string text, Random random)
    {
        var words = Words(text);
        var replacement = TextWords[random.Next(TextWords.Length)];
        if (words.Length == 1)
        {
            return text.Trim() + " " + replacement;
        }

        var longest = words.OrderByDescending(w => w.Length).First();
        var at = text.IndexOf(longest, StringComparison.Ordinal);
        return new StringBuilder(text).Remove(at, longest.Length).Insert(at, replacement).ToString();
    }

    private static bool Move(IElement target, Random random)
    {
        if (TableParts.Contains(target.LocalName) && target.LocalName != "li")
        {
            return false;
        }

        // A list entry moves to another list; anything else to the end of another container (an ancestor is
        // fine: the element leaves its place for the end of the section), never into itself or its own parent.
        var isEntry = target.LocalName == "li";
        var places = target.Owner!.QuerySelectorAll(isEntry ? "ul, ol" : string.Join(", ", Containers))
            .Where(c => c != target.ParentElement && !target.Contains(c))
            .ToArray();
        if (places.Length == 0)
        {
            return false;
        }

        places[random.Next(places.Length)].AppendChild(target);
        return true;
    }

    private static bool Remove(IElement target)
    {
        if (target.Parent is null)
        {
            return false;
        }

        target.Remove();
        return true;
    }

    private static bool HasWords(string? text) => text is not null && text.Any(char.IsLetterOrDigit);

    private static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit)).ToArray();
}
