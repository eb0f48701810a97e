using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// Evaluates the locators an ARIA snapshot can answer for — <c>getByRole</c>, <c>getByText</c>, <c>getByLabel</c>,
/// <c>getByPlaceholder</c> and chains of them — with Playwright's matching rules (docs/locators.md): names and texts
/// normalised, a string a case-insensitive substring, <c>exact</c> the whole string; role locators skip
/// <c>[aria-hidden]</c> entries; a text locator takes the innermost entries only. The snapshot has no ids, classes, test
/// ids or tags, so every other locator is unanswerable (null), never "matches nothing". The snapshot also leaves out
/// hidden elements that text, label and placeholder locators would still count, so a match count here is a lower bound
/// for those; role locators are the ones it counts as the page does.
/// </summary>
internal static class AriaQuery
{
    /// <summary>The entries <paramref name="spec"/> resolves to, in document order; null when an ARIA snapshot cannot answer it.</summary>
    public static IReadOnlyList<AriaElement>? Query(AriaPage page, LocatorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(spec);
        IReadOnlyList<AriaElement> pool = [.. page.Elements.Where(e => !e.InFrame)];
        if (spec.By != LocatorKind.Selector)
        {
            return Part(pool, spec);
        }

        if (spec.Value is null || SelectorChain.Split(spec.Value) is not { Count: > 0 } parts)
        {
            return null;
        }

        IReadOnlyList<AriaElement>? found = null;
        foreach (var part in parts)
        {
            if (!LocatorExpression.TryParseSelector(part, out var partSpec) || partSpec.By == LocatorKind.Selector)
            {
                return null;
            }

            if (found is not null)
            {
                pool = [.. pool.Where(e => found.Any(f => f.Contains(e)))];
            }

            found = Part(pool, partSpec);
            if (found is null)
            {
                return null;
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="spec"/> resolves to exactly <paramref name="target"/>.</summary>
    public static bool ResolvesTo(AriaPage page, LocatorSpec spec, AriaElement target) =>
        Query(page, spec) is [var only] && ReferenceEquals(only, target);

    private static List<AriaElement>? Part(IReadOnlyList<AriaElement> pool, LocatorSpec spec)
    {
        var exact = spec.Exact == true;
        switch (spec.By)
        {
            case LocatorKind.Role when spec.Role is { Length: > 0 } role:
                return [.. pool.Where(e => e.Role == role && !e.Hidden && (spec.Name is null || Matches(e.Name, spec.Name, exact)))];
            case LocatorKind.Text when spec.Value is { } text:
                var hits = pool.Where(e => Matches(e.Text, text, exact)).ToList();

                // Innermost only: an entry with a nested entry that matches by itself is not a match.
                var outer = new HashSet<AriaElement>(ReferenceEqualityComparer.Instance);
                foreach (var hit in hits)
                {
                    foreach (var ancestor in hit.Ancestors())
                    {
                        if (!outer.Add(ancestor))
                        {
                            break;
                        }
                    }
                }

                return [.. hits.Where(e => !outer.Contains(e))];
            case LocatorKind.Label when spec.Value is { } label:
                // aria-label, aria-labelledby and <label> all end up as the accessible name, on any element; a name a
                // button or link takes from its own text is no label.
                return [.. pool.Where(e => Matches(e.Name, label, exact) && !(AriaSemantics.TakesNameFromContent(e.Role) && e.Text == e.Name))];
            case LocatorKind.Placeholder when spec.Value is { } placeholder:
                // The snapshot writes /placeholder only when it differs from the name: a field named by its placeholder shows none.
                return [.. pool.Where(e => Matches(e.Node.Props.GetValueOrDefault("placeholder"), placeholder, exact, normalise: false)
                    || (IsField(e) && !e.Node.Props.ContainsKey("placeholder") && Matches(e.Name, placeholder, exact)))];
            default:
                return null;
        }
    }

    private static bool IsField(AriaElement e) => e.Role is "textbox" or "searchbox" or "combobox" or "spinbutton";

    /// <summary>Playwright's string matching: normalised, a case-insensitive substring, or with <paramref name="exact"/> the whole string.</summary>
    private static bool Matches(string? actual, string wanted, bool exact, bool normalise = true)
    {
        if (actual is null)
        {
            return false;
        }

        var a = normalise ? AriaSemantics.Normalize(actual) : actual;
        var w = normalise ? AriaSemantics.Normalize(wanted) : wanted;
        return exact ? string.Equals(a, w, StringComparison.Ordinal) : a.Contains(w, StringComparison.OrdinalIgnoreCase);
    }
}
