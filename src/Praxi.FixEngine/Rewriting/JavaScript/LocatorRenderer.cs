using System.Globalization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>Writes selector parts as Playwright calls (<c>getByTestId('x')</c>) or as one selector string, in the author's quotes.</summary>
internal static class LocatorRenderer
{
    /// <summary>
    /// The spec to render a part as: the part itself, or an equivalent the project prefers
    /// (<c>[data-testid="x"]</c> → test id when test ids come first in <see cref="SelectorPreferences.Prefer"/>).
    /// </summary>
    public static LocatorSpec Preferred(string part, SelectorPreferences preferences) =>
        Equivalents(part, preferences).OrderBy(c => Rank(c.By, preferences)).First();

    /// <summary>The part's own spec and the specs that select the same (a test-id attribute selector is a test id).</summary>
    public static List<LocatorSpec> Equivalents(string part, SelectorPreferences preferences)
    {
        var spec = SelectorParts.SpecOf(part);
        var candidates = new List<LocatorSpec> { spec };
        if (spec.By == LocatorKind.Css && spec.Value is { } css)
        {
            var attr = preferences.TestIdAttribute;
            var m = System.Text.RegularExpressions.Regex.Match(css, $"^\\[{System.Text.RegularExpressions.Regex.Escape(attr)}=(?:\"([^\"\\\\]*)\"|'([^'\\\\]*)'|([\\w-]+))\\]$");
            if (m.Success)
            {
                var value = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
                candidates.Add(new LocatorSpec { By = LocatorKind.TestId, Value = value });
            }
        }

        return candidates;
    }

    /// <summary>A comparison key under which equivalent parts are equal (<c>[data-testid="x"]</c> and <c>internal:testid=…</c>).</summary>
    /// A regex that only says a literal text (<c>/Log in/i</c>, what a heal of a regex name writes) keys as that text.
    public static string Key(string part, SelectorPreferences preferences)
    {
        if (SelectorParts.TryRegexRole(part, out var role, out var nameRegex) && RegexText.LiteralOf(nameRegex) is { } name)
        {
            return PlaywrightSelectors.Role(role, name.Text, name.Whole);
        }

        if (SelectorParts.TryRegexValue(part, out var by, out var valueRegex) && by != LocatorKind.TestId && RegexText.LiteralOf(valueRegex) is { } value)
        {
            return PlaywrightSelectors.Print(new LocatorSpec { By = by, Value = value.Text, Exact = value.Whole });
        }

        return Equivalents(part, preferences).FirstOrDefault(e => e.By == LocatorKind.TestId) is { } testId ? PlaywrightSelectors.Print(testId) : part;
    }

    private static int Rank(LocatorKind by, SelectorPreferences preferences)
    {
        var key = by switch
        {
            LocatorKind.AltText or LocatorKind.Title => "text",
            LocatorKind.Selector or LocatorKind.Name or LocatorKind.Class => "css",
            LocatorKind.LinkText => "role",
            _ => by.ToName(),
        };
        var index = preferences.Prefer.ToList().IndexOf(key);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>A chain of calls (without leading dot) for parts: <c>locator('form').getByRole('button', { name: 'Save' })</c>.</summary>
    public static string Calls(IReadOnlyList<string> parts, char quote, SelectorPreferences preferences)
    {
        var calls = new List<string>();
        var css = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (i + 1 < parts.Count && parts[i + 1] == PlaywrightSelectors.EnterFrame)
            {
                Flush(calls, css, quote);
                calls.Add($"frameLocator({JsLiteral.Quote(part, quote)})");
                i++;
                continue;
            }

            var call = Call(part, quote, preferences);
            if (call is null)
            {
                css.Add(part);
                continue;
            }

            Flush(calls, css, quote);
            calls.Add(call);
        }

        Flush(calls, css, quote);
        return string.Join('.', calls);
    }

    private static void Flush(List<string> calls, List<string> css, char quote)
    {
        if (css.Count > 0)
        {
            calls.Add($"locator({JsLiteral.Quote(SelectorChain.Join(css), quote)})");
            css.Clear();
        }
    }

    /// <summary>The dedicated call for a part (<c>getByRole</c>, <c>first()</c>, <c>filter</c>), or null when a selector string is its form.</summary>
    public static string? Call(string part, char quote, SelectorPreferences preferences)
    {
        if (SelectorParts.Nth(part) is { } n)
        {
            return n switch
            {
                0 => "first()",
                -1 => "last()",
                _ => $"nth({n.ToString(CultureInfo.InvariantCulture)})",
            };
        }

        if (part.StartsWith("internal:has-text=", StringComparison.Ordinal))
        {
            var body = part["internal:has-text=".Length..];
            if (body.StartsWith('/'))
            {
                return $"filter({{ hasText: {body} }})";
            }

            return SelectorParts.TryHasText(part, out var text) ? $"filter({{ hasText: {JsLiteral.Quote(text.Value ?? string.Empty, quote)} }})" : null;
        }

        if (SelectorParts.TryRegexRole(part, out var regexRole, out var roleRegex))
        {
            return $"getByRole({JsLiteral.Quote(regexRole, quote)}, {{ name: {roleRegex} }})";
        }

        if (SelectorParts.TryRegexValue(part, out var regexBy, out var regex))
        {
            return $"{Method(regexBy)}({regex})";
        }

        var spec = Preferred(part, preferences);
        var q = (string s) => JsLiteral.Quote(s, quote);
        var exact = spec.Exact == true ? ", { exact: true }" : string.Empty;
        return spec.By switch
        {
            LocatorKind.TestId => $"{Method(spec.By)}({q(spec.Value ?? string.Empty)})",
            LocatorKind.Role => spec.Name is null
                ? $"getByRole({q(spec.Role ?? string.Empty)})"
                : $"getByRole({q(spec.Role ?? string.Empty)}, {{ name: {q(spec.Name)}{(spec.Exact == true ? ", exact: true" : string.Empty)} }})",
            LocatorKind.LinkText => $"getByRole({q("link")}, {{ name: {q(spec.Value ?? string.Empty)}{(spec.Exact == false ? string.Empty : ", exact: true")} }})",
            LocatorKind.Text or LocatorKind.Label or LocatorKind.Placeholder or LocatorKind.Title or LocatorKind.AltText => $"{Method(spec.By)}({q(spec.Value ?? string.Empty)}{exact})",
            _ => null,
        };
    }

    /// <summary>The getBy method that makes <paramref name="by"/> (<c>getByTestId</c>), or <c>locator</c>.</summary>
    public static string Method(LocatorKind by) =>
        (LocatorMethods.GetByFor(by) ?? LocatorMethods.Of(LocatorCall.Locator)).JavaScript;

    /// <summary>Parts as one selector string (for <c>page.click('…')</c>, <c>locator('…')</c> and selector constants).</summary>
    public static string SelectorString(IEnumerable<string> parts, SelectorPreferences preferences) =>
        SelectorChain.Join(parts.Select(part => SelectorPart(part, preferences)));

    /// <summary>
    /// One part in the engine the author wrote the part it replaces in (<paramref name="written"/>: <c>id=sign-in</c> →
    /// <c>id=log-in</c>, <see cref="EngineForms"/>), else as <see cref="SelectorString"/> writes it.
    /// </summary>
    public static string SelectorPart(string part, string? written, SelectorPreferences preferences) =>
        EngineForms.Keep(written, SelectorParts.SpecOf(part), preferences.TestIdAttribute) ?? SelectorPart(part, preferences);

    private static string SelectorPart(string part, SelectorPreferences preferences)
    {
        var spec = SelectorParts.SpecOf(part);
        var attr = preferences.TestIdAttribute;
        return spec.By switch
        {
            LocatorKind.Css or LocatorKind.Selector => part,
            LocatorKind.TestId => $"[{attr}={PlaywrightSelectors.Quote(spec.Value ?? string.Empty)}]",
            LocatorKind.Text => spec.Exact == true ? "text=" + PlaywrightSelectors.Quote(spec.Value ?? string.Empty) : "text=" + spec.Value,
            _ => part,
        };
    }
}
