using System.Globalization;
using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// Proposes locators for a chosen element, each checked with <see cref="SelectorEngine"/> to resolve to exactly that
/// element under Playwright's strict mode (hidden elements count, except for role locators). The author's own form
/// comes first when it can express the element (a role locator stays a role locator, with the element's accessible
/// name and the author's <c>Exact</c>), then one locator per strategy in the project's preference order: test id,
/// role and name, label, placeholder, text, id, short CSS (id, tag and stable classes, a stable ancestor), XPath.
/// Generated ids and classes, long texts and empty names are never used.
/// </summary>
internal sealed partial class LocatorGenerator
{
    private readonly IElement _target;
    private readonly INode _scope;
    private readonly SelectorPreferences _preferences;
    private readonly DomQueryContext _context;
    private readonly List<GeneratedLocator> _results = [];
    private readonly HashSet<LocatorSpec> _seen = [];

    private LocatorGenerator(IElement target, INode scope, SelectorPreferences preferences, DomQueryContext context)
    {
        _target = target;
        _scope = scope;
        _preferences = preferences;
        _context = context;
    }

    /// <summary>Verified locators for <paramref name="target"/>, best first; empty when nothing identifies it alone.</summary>
    /// <param name="target">The element to locate.</param>
    /// <param name="scope">The document (or frame document) the locator runs against; it must contain the target.</param>
    /// <param name="preferences">The project's strategy order and test-id attributes.</param>
    /// <param name="authorSpec">The author's old locator, whose form is tried first.</param>
    /// <param name="context">Test-id attribute and frames; by default the first of the preferences' test-id attributes.</param>
    /// <exception cref="FixEngineException">The target is not inside <paramref name="scope"/>.</exception>
    public static IReadOnlyList<GeneratedLocator> Generate(
        IElement target,
        INode scope,
        SelectorPreferences preferences,
        LocatorSpec? authorSpec = null,
        DomQueryContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(preferences);
        if (!ComposedTree.Contains(scope, target))
        {
            throw new FixEngineException($"The element <{target.LocalName}> to locate is not inside the page it was passed with; pass the document (or frame document) that holds it.");
        }

        context ??= DomQueryContext.Default with { TestIdAttribute = preferences.TestIdAttribute };
        var generator = new LocatorGenerator(target, scope, preferences, context);
        if (authorSpec is not null)
        {
            generator.AddAuthorForm(authorSpec);
        }

        foreach (var strategy in preferences.Prefer)
        {
            generator.AddFirst(strategy, generator.Candidates(strategy));
        }

        return generator._results;
    }

    /// <summary>True when <paramref name="spec"/> resolves to exactly <paramref name="target"/>; a malformed spec is false.</summary>
    internal static bool ResolvesTo(INode scope, LocatorSpec spec, IElement target, DomQueryContext context)
    {
        try
        {
            var found = SelectorEngine.Query(scope, spec, context);
            return found.Count == 1 && ReferenceEquals(found[0], target);
        }
        catch (FixEngineException)
        {
            return false;
        }
    }

    private void AddAuthorForm(LocatorSpec old)
    {
        var candidates = old.By switch
        {
            LocatorKind.Role => RoleCandidates(old.Exact ?? false, keepExact: true),
            LocatorKind.Id => Candidates("id"),
            LocatorKind.TestId => Candidates("test_id"),
            LocatorKind.Css => Candidates("css"),
            LocatorKind.XPath => Candidates("xpath"),
            LocatorKind.Text => TextCandidates(old.Exact ?? false, keepExact: true),
            LocatorKind.Label => LabelCandidates(old.Exact ?? false, keepExact: true),
            LocatorKind.Placeholder or LocatorKind.AltText or LocatorKind.Title => AttributeCandidates(old.By, old.Exact ?? false, keepExact: true),
            LocatorKind.Name => NameCandidates(),
            LocatorKind.Class => ClassCandidates(),
            LocatorKind.LinkText => LinkTextCandidates(old.Exact ?? true),
            _ => [],
        };
        AddFirst(old.By.ToName(), candidates.Select(c => c with { Why = "Same form as the test: " + c.Why }));
    }

    private IEnumerable<Candidate> Candidates(string strategy) => strategy switch
    {
        "test_id" => TestIdCandidates(),
        "role" => RoleCandidates(exact: false, keepExact: false),
        "label" => LabelCandidates(exact: false, keepExact: false),
        "placeholder" => AttributeCandidates(LocatorKind.Placeholder, exact: false, keepExact: false),
        "alt_text" => AttributeCandidates(LocatorKind.AltText, exact: false, keepExact: false),
        "title" => AttributeCandidates(LocatorKind.Title, exact: false, keepExact: false),
        "text" => TextCandidates(exact: false, keepExact: false),
        "id" => IdCandidates(),
        "css" => CssCandidates(),
        "xpath" => XPathCandidates(),
        _ => [],
    };

    /// <summary>Adds the first candidate that resolves to exactly the target (and was not proposed already).</summary>
    private void AddFirst(string strategy, IEnumerable<Candidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (_seen.Contains(candidate.Spec))
            {
                return;
            }

            if (ResolvesTo(_scope, candidate.Spec, _target, _context))
            {
                _seen.Add(candidate.Spec);
                _results.Add(new GeneratedLocator(candidate.Spec, strategy, candidate.Fragile, candidate.Why));
                return;
            }
        }
    }

    private IEnumerable<Candidate> TestIdCandidates()
    {
        var attributes = new List<string> { _context.TestIdAttribute };
        attributes.AddRange(_preferences.TestIdAttributes.Where(a => !attributes.Contains(a, StringComparer.OrdinalIgnoreCase)));
        foreach (var attribute in attributes)
        {
            var value = _target.GetAttribute(attribute);
            if (!StableValues.IsStableToken(value))
            {
                continue;
            }

            yield return attribute.Equals(_context.TestIdAttribute, StringComparison.OrdinalIgnoreCase)
                ? new Candidate(new LocatorSpec { By = LocatorKind.TestId, Value = value }, $"{attribute}=\"{value}\" is unique on the page.")
                : new Candidate(new LocatorSpec { By = LocatorKind.Css, Value = $"[{attribute}={CssEscapes.String(value!)}]" }, $"{attribute}=\"{value}\" (a test-id attribute getByTestId does not read) is unique.");
        }
    }

    private IEnumerable<Candidate> RoleCandidates(bool exact, bool keepExact)
    {
        var role = AriaSemantics.Role(_target);
        if (role is null or "generic" or "presentation" or "none" || AriaSemantics.IsHidden(_target))
        {
            yield break;
        }

        // A role without a name ("the only paragraph") breaks as soon as a second one appears: not proposed.
        var name = AriaSemantics.AccessibleName(_target);
        if (!StableValues.IsUsableText(name))
        {
            yield break;
        }

        yield return new Candidate(new LocatorSpec { By = LocatorKind.Role, Role = role, Name = name, Exact = exact }, exact
            ? $"{role} named exactly \"{name}\"."
            : $"the only visible {role} whose name contains \"{name}\".");
        if (!keepExact && !exact)
        {
            yield return new Candidate(new LocatorSpec { By = LocatorKind.Role, Role = role, Name = name, Exact = true }, $"{role} named exactly \"{name}\" (exact, because other names contain it).");
        }
    }

    private IEnumerable<Candidate> LabelCandidates(bool exact, bool keepExact)
    {
        var text = LabelTextOf(_target);
        return StableValues.IsUsableText(text) ? Flavours(LocatorKind.Label, text!, exact, keepExact, "labelled") : [];
    }

    private IEnumerable<Candidate> AttributeCandidates(LocatorKind by, bool exact, bool keepExact)
    {
        var attribute = by == LocatorKind.AltText ? "alt" : by.ToName();
        var value = _target.GetAttribute(attribute);
        return value is not null && StableValues.IsUsableText(value) && value.Trim().Length > 0
            ? Flavours(by, value, exact, keepExact, $"with {attribute}")
            : [];
    }

    private IEnumerable<Candidate> TextCandidates(bool exact, bool keepExact)
    {
        var text = DomText.For(_target).Text(_target).Normalized;
        return StableValues.IsUsableText(text) ? Flavours(LocatorKind.Text, text, exact, keepExact, "with text") : [];
    }

    /// <summary>The case-insensitive substring form first, the exact one when that is needed (or the author's exactness only).</summary>
    private static IEnumerable<Candidate> Flavours(LocatorKind by, string value, bool exact, bool keepExact, string what)
    {
        yield return new Candidate(new LocatorSpec { By = by, Value = value, Exact = exact }, exact
            ? $"the only element {what} exactly \"{value}\"."
            : $"the only element {what} \"{value}\" (case-insensitive substring).");
        if (!keepExact && !exact)
        {
            yield return new Candidate(new LocatorSpec { By = by, Value = value, Exact = true }, $"the only element {what} exactly \"{value}\" (exact, because others contain it).");
        }
    }

    private IEnumerable<Candidate> IdCandidates()
    {
        if (StableValues.IsStableToken(_target.Id))
        {
            yield return new Candidate(new LocatorSpec { By = LocatorKind.Id, Value = _target.Id }, $"id \"{_target.Id}\" is unique.");
        }
    }

    private IEnumerable<Candidate> NameCandidates()
    {
        var name = _target.GetAttribute("name");
        if (StableValues.IsStableToken(name))
        {
            yield return new Candidate(new LocatorSpec { By = LocatorKind.Name, Value = name }, $"name=\"{name}\" is unique.");
        }
    }

    private IEnumerable<Candidate> ClassCandidates()
    {
        foreach (var token in _target.ClassList.Where(StableValues.IsStableToken))
        {
            yield return new Candidate(new LocatorSpec { By = LocatorKind.Class, Value = token }, $"class \"{token}\" is unique.");
        }
    }

    private IEnumerable<Candidate> LinkTextCandidates(bool exact)
    {
        if (_target.LocalName != "a")
        {
            yield break;
        }

        var text = DomText.For(_target).Text(_target).Normalized;
        if (StableValues.IsUsableText(text))
        {
            yield return new Candidate(new LocatorSpec { By = LocatorKind.LinkText, Value = text, Exact = exact }, $"the only link {(exact ? "reading" : "containing")} \"{text}\".");
        }
    }

    /// <summary>The first label text Playwright's label engine would match the element by.</summary>
    private static string? LabelTextOf(IElement element)
    {
        if (AriaSemantics.LabelledBy(element) is { } labelledBy)
        {
            return labelledBy.Select(l => DomText.For(l).Text(l).Normalized).FirstOrDefault(t => t.Length > 0);
        }

        var ariaLabel = element.GetAttribute("aria-label");
        if (!string.IsNullOrWhiteSpace(ariaLabel))
        {
            return AriaSemantics.Normalize(ariaLabel);
        }

        return AriaSemantics.Labels(element).Select(l => DomText.For(l).Text(l).Normalized).FirstOrDefault(t => t.Length > 0);
    }

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Candidate(LocatorSpec Spec, string Why, bool Fragile = false);
}
