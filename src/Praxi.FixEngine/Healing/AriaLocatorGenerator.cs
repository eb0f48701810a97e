using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// Proposes locators for an entry of an ARIA page snapshot, each checked with <see cref="AriaQuery"/> to resolve to
/// exactly that entry: only the forms the snapshot can vouch for and Playwright runs against the real page — role and
/// name (exact when another name contains it; else inside the nearest named ancestor that is itself unique), a label
/// when the snapshot shows the label's text beside a form field, a placeholder the snapshot writes, the text of an entry
/// with no entries nested in it. The author's form first when it is one of these, then the project's preference order.
/// No id, class, test id, tag or path is ever proposed: the snapshot has none of them, so any would be invented.
/// </summary>
internal sealed class AriaLocatorGenerator
{
    // Form fields a visible <label> names; getByLabel finds them by that text.
    private static readonly HashSet<string> LabelledRoles = new(StringComparer.Ordinal)
    {
        "textbox", "searchbox", "spinbutton", "slider", "combobox", "listbox", "checkbox", "radio", "switch",
    };

    // Roles a locator by role and name cannot rely on: no role of their own, or not one a user names.
    private static readonly HashSet<string> UnnamedRoles = new(StringComparer.Ordinal) { "generic", "none", "presentation", "text", "iframe" };

    private readonly AriaPage _page;
    private readonly AriaElement _target;
    private readonly List<GeneratedLocator> _results = [];
    private readonly HashSet<LocatorSpec> _seen = [];

    private AriaLocatorGenerator(AriaPage page, AriaElement target)
    {
        _page = page;
        _target = target;
    }

    /// <summary>Verified locators for <paramref name="target"/>, best first; empty when nothing the snapshot shows identifies it alone.</summary>
    public static IReadOnlyList<GeneratedLocator> Generate(AriaPage page, AriaElement target, SelectorPreferences preferences, LocatorSpec? authorSpec = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(preferences);
        var generator = new AriaLocatorGenerator(page, target);
        if (authorSpec is not null)
        {
            var author = authorSpec.By switch
            {
                LocatorKind.Role => generator.RoleCandidates(authorSpec.Exact ?? false, keepExact: true),
                LocatorKind.Text => generator.TextCandidates(authorSpec.Exact ?? false, keepExact: true),
                LocatorKind.Label => generator.LabelCandidates(authorSpec.Exact ?? false, keepExact: true),
                LocatorKind.Placeholder => generator.PlaceholderCandidates(authorSpec.Exact ?? false, keepExact: true),
                _ => [],
            };
            generator.AddFirst(authorSpec.By.ToName(), author.Select(c => c with { Why = "Same form as the test: " + c.Why }));
        }

        foreach (var strategy in preferences.Prefer)
        {
            generator.AddFirst(strategy, strategy switch
            {
                "role" => generator.RoleCandidates(exact: false, keepExact: false),
                "label" => generator.LabelCandidates(exact: false, keepExact: false),
                "placeholder" => generator.PlaceholderCandidates(exact: false, keepExact: false),
                "text" => generator.TextCandidates(exact: false, keepExact: false),
                _ => [],
            });
        }

        return generator._results;
    }

    private void AddFirst(string strategy, IEnumerable<Candidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (_seen.Contains(candidate.Spec))
            {
                return;
            }

            if (AriaQuery.ResolvesTo(_page, candidate.Spec, _target))
            {
                _seen.Add(candidate.Spec);
                _results.Add(new GeneratedLocator(candidate.Spec, strategy, Fragile: false, candidate.Why));
                return;
            }
        }
    }

    private IEnumerable<Candidate> RoleCandidates(bool exact, bool keepExact)
    {
        var role = _target.Role;
        var name = _target.Name;
        if (UnnamedRoles.Contains(role) || _target.Hidden || !StableValues.IsUsableText(name))
        {
            yield break;
        }

        var own = new LocatorSpec { By = LocatorKind.Role, Role = role, Name = name, Exact = exact };
        yield return new Candidate(own, exact ? $"the only {role} named exactly \"{name}\" in the ARIA snapshot." : $"the only {role} whose name contains \"{name}\" in the ARIA snapshot.");
        var exactSpec = own with { Exact = true };
        if (!keepExact && !exact)
        {
            yield return new Candidate(exactSpec, $"the only {role} named exactly \"{name}\" in the ARIA snapshot (exact, because other names contain it).");
        }

        // The name alone is not unique: the nearest named ancestor that is unique itself, and inside which it is.
        foreach (var ancestor in _target.Ancestors())
        {
            if (UnnamedRoles.Contains(ancestor.Role) || ancestor.Hidden || !StableValues.IsUsableText(ancestor.Name))
            {
                continue;
            }

            var scope = new LocatorSpec { By = LocatorKind.Role, Role = ancestor.Role, Name = ancestor.Name, Exact = false };
            if (!AriaQuery.ResolvesTo(_page, scope, ancestor))
            {
                scope = scope with { Exact = true };
                if (!AriaQuery.ResolvesTo(_page, scope, ancestor))
                {
                    continue;
                }
            }

            LocatorSpec[] inners = keepExact ? [own] : [own, exactSpec];
            foreach (var inner in inners)
            {
                var chain = SelectorChain.Join([PlaywrightSelectors.Print(scope), PlaywrightSelectors.Print(inner)]);
                if (LocatorExpression.TryParseSelector(chain, out var parsed) && parsed.By == LocatorKind.Selector && parsed.Value == chain)
                {
                    yield return new Candidate(parsed, $"the {role} named \"{name}\" inside the {ancestor.Role} \"{ancestor.Name}\" (the name alone is not unique in the ARIA snapshot).");
                }
            }

            yield break;
        }
    }

    private IEnumerable<Candidate> LabelCandidates(bool exact, bool keepExact)
    {
        // Only when the snapshot shows the name as text beside the field: a <label>'s text (an aria-label or a
        // placeholder would give the same name and show no text).
        var name = _target.Name;
        if (!LabelledRoles.Contains(_target.Role) || !StableValues.IsUsableText(name) || !ShowsLabel(name!))
        {
            return [];
        }

        return Flavours(LocatorKind.Label, name!, exact, keepExact, "labelled");
    }

    private IEnumerable<Candidate> PlaceholderCandidates(bool exact, bool keepExact)
    {
        var placeholder = _target.Node.Props.GetValueOrDefault("placeholder");
        return StableValues.IsUsableText(placeholder) ? Flavours(LocatorKind.Placeholder, placeholder!, exact, keepExact, "with placeholder") : [];
    }

    private IEnumerable<Candidate> TextCandidates(bool exact, bool keepExact)
    {
        // An entry with entries nested in it may be a wrapper whose text the page splits over elements the snapshot
        // folds away; only a leaf's text is the text of one element.
        var text = _target.Text;
        if (_target.HasChildElements || _target.Value is not null || !StableValues.IsUsableText(text))
        {
            return [];
        }

        return Flavours(LocatorKind.Text, text, exact, keepExact, "with text");
    }

    /// <summary>A text run or a text-only entry beside the field (or its parent's own text) reads the field's name.</summary>
    private bool ShowsLabel(string name)
    {
        if (_target.Parent is not { } parent)
        {
            return false;
        }

        bool Same(string? text) => text is not null && string.Equals(AriaSemantics.Normalize(text), name, StringComparison.OrdinalIgnoreCase);
        return Same(parent.Node.Text)
            || parent.Node.Children.Any(c => c.Role == "text" && Same(c.Text))
            || parent.Children.Any(c => !ReferenceEquals(c, _target) && c.Role == "generic" && !c.HasChildElements && Same(c.Text));
    }

    private static IEnumerable<Candidate> Flavours(LocatorKind by, string value, bool exact, bool keepExact, string what)
    {
        yield return new Candidate(new LocatorSpec { By = by, Value = value, Exact = exact }, exact
            ? $"the only element {what} exactly \"{value}\" in the ARIA snapshot."
            : $"the only element {what} \"{value}\" in the ARIA snapshot (case-insensitive substring).");
        if (!keepExact && !exact)
        {
            yield return new Candidate(new LocatorSpec { By = by, Value = value, Exact = true }, $"the only element {what} exactly \"{value}\" in the ARIA snapshot (exact, because others contain it).");
        }
    }

    private sealed record Candidate(LocatorSpec Spec, string Why);
}
