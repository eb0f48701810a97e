using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// Renders a neutral <see cref="LocatorSpec"/> in the C# forms a step can take: a selector string (for
/// <c>Locator</c> and page-level actions), a <c>GetByX</c> call, or a Selenium <c>By</c> method and value.
/// </summary>
internal static partial class LocatorRendering
{
    /// <summary>True when a <c>GetByX</c> call can express the spec (a change of form from <c>Locator</c>; a link text is a link role).</summary>
    public static bool HasGetBy(LocatorSpec spec) =>
        (LocatorMethods.GetByFor(spec.By) is not null || spec.By == LocatorKind.LinkText) && (spec.By != LocatorKind.Role || spec.Role is not null);

    /// <summary>
    /// The spec as a selector string for <c>Locator(…)</c> or a page-level action. <paramref name="forPageAction"/> also
    /// renders what only <c>GetByX</c> says natively (test id as an attribute selector, role/text/label as Playwright engines),
    /// because a page-level call cannot change form without changing its options type. When the string it replaces
    /// (<paramref name="written"/>) is written in an engine that can say the spec (<c>id=sign-in</c>), the new one is
    /// written in that engine too (<see cref="EngineForms"/>).
    /// </summary>
    public static string? SelectorString(LocatorSpec spec, SelectorPreferences preferences, bool forPageAction, string? written = null)
    {
        if (EngineForms.Keep(written, spec, preferences.TestIdAttribute) is { } kept)
        {
            return kept;
        }

        var v = spec.Value ?? string.Empty;
        switch (spec.By)
        {
            case LocatorKind.Css or LocatorKind.Selector or LocatorKind.XPath:
                return PlaywrightSelectors.Print(spec);
            case LocatorKind.Id:
                return CssId(v);
            case LocatorKind.Name:
                return CssAttribute("name", v);
            case LocatorKind.Class:
                return "." + v;
        }

        if (!forPageAction)
        {
            return null;
        }

        return spec.By switch
        {
            LocatorKind.TestId => CssAttribute(preferences.TestIdAttribute, v),
            LocatorKind.Text when spec.Exact == true => "text=" + PlaywrightSelectors.Quote(v),
            _ => PlaywrightSelectors.Print(spec),
        };
    }

    /// <summary>The C# call (without receiver) for a <c>GetByX</c> form; <paramref name="literal"/> renders string literals.</summary>
    public static string? GetByCall(LocatorSpec spec, Func<string, string> literal)
    {
        var v = spec.Value ?? string.Empty;
        var exact = spec.Exact == true ? ", new() { Exact = true }" : string.Empty;
        return spec.By switch
        {
            LocatorKind.TestId => $"{LocatorMethods.GetByFor(spec.By)!.DotNet}({literal(v)})",
            LocatorKind.Text or LocatorKind.Label or LocatorKind.Placeholder or LocatorKind.Title or LocatorKind.AltText
                => $"{LocatorMethods.GetByFor(spec.By)!.DotNet}({literal(v)}{exact})",
            LocatorKind.LinkText => $"GetByRole(AriaRole.Link, new() {{ Name = {literal(v)}{(spec.Exact == false ? string.Empty : ", Exact = true")} }})",
            LocatorKind.Role when spec.Role is not null => spec.Name is null
                ? $"GetByRole(AriaRole.{AriaMember(spec.Role)})"
                : $"GetByRole(AriaRole.{AriaMember(spec.Role)}, new() {{ Name = {literal(spec.Name)}{(spec.Exact == true ? ", Exact = true" : string.Empty)} }})",
            _ => null,
        };
    }

    /// <summary>
    /// The C# calls (each with its leading dot) that add <paramref name="parts"/> to a locator:
    /// <c>.GetByRole(AriaRole.Banner)</c>, <c>.Locator("nav")</c>, <c>.First</c>, <c>.Filter(new() { HasText = "x" })</c>;
    /// null when a part has no public call (an engine only the selector syntax says).
    /// </summary>
    public static string? Calls(IEnumerable<string> parts, Func<string, string> literal)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            if (SelectorParts.Nth(part) is { } n)
            {
                sb.Append(n switch { 0 => ".First", -1 => ".Last", _ => ".Nth(" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" });
            }
            else if (SelectorParts.TryHasText(part, out var text) && text.Exact != true && text.Value is { } value)
            {
                sb.Append(".Filter(new() { HasText = ").Append(literal(value)).Append(" })");
            }
            else if (SelectorParts.TryRegexRole(part, out var regexRole, out var nameRegex))
            {
                sb.Append(".GetByRole(AriaRole.").Append(AriaMember(regexRole)).Append(", new() { NameRegex = ").Append(RegexText.DotNet(nameRegex, literal)).Append(" })");
            }
            else if (LocatorExpression.TryParseSelector(part, out var spec) && spec.By != LocatorKind.Selector && HasGetBy(spec) && GetByCall(spec, literal) is { } call)
            {
                sb.Append('.').Append(call);
            }
            else if (!part.StartsWith("internal:", StringComparison.Ordinal))
            {
                sb.Append(".Locator(").Append(literal(part)).Append(')');
            }
            else
            {
                return null;
            }
        }

        return sb.ToString();
    }

    /// <summary>The <c>AriaRole</c> member of a role (<c>button</c> → <c>Button</c>, <c>menuitemcheckbox</c> → <c>Menuitemcheckbox</c>).</summary>
    public static string AriaMember(string role) => role.Length == 0 ? role : char.ToUpperInvariant(role[0]) + role[1..].ToLowerInvariant();

    /// <summary>The value for the Selenium method <paramref name="method"/> when it can express the spec; else null.</summary>
    public static string? SeleniumValue(SeleniumMethod method, LocatorSpec spec, SelectorPreferences preferences)
    {
        var v = spec.Value ?? string.Empty;
        switch (method.Strategy)
        {
            case SeleniumBy.Id:
                return spec.By == LocatorKind.Id ? v : spec.By == LocatorKind.Css && SimpleId().Match(v.Trim()) is { Success: true } m ? m.Groups[1].Value : null;
            case SeleniumBy.Name:
                return spec.By == LocatorKind.Name ? v : spec.By == LocatorKind.Css && NameAttribute().Match(v.Trim()) is { Success: true } n ? n.Groups[2].Value : null;
            case SeleniumBy.ClassName:
                return spec.By == LocatorKind.Class ? v : spec.By == LocatorKind.Css && SimpleClass().Match(v.Trim()) is { Success: true } c ? c.Groups[1].Value : null;
            case SeleniumBy.TagName:
                return spec.By == LocatorKind.Css && TagOnly().IsMatch(v.Trim()) ? v.Trim() : null;
            case SeleniumBy.LinkText:
                return spec.By == LocatorKind.LinkText && spec.Exact != false ? v : spec is { By: LocatorKind.Role, Role: "link", Name: { } exactName, Exact: true } ? exactName : null;
            case SeleniumBy.PartialLinkText:
                return spec.By == LocatorKind.LinkText && spec.Exact == false ? v : spec is { By: LocatorKind.Role, Role: "link", Name: { } name, Exact: not true } ? name : null;
            case SeleniumBy.CssSelector:
                return spec.By switch
                {
                    LocatorKind.Css => v,
                    LocatorKind.Id => CssId(v),
                    LocatorKind.Name => CssAttribute("name", v),
                    LocatorKind.Class => "." + v,
                    LocatorKind.TestId => CssAttribute(preferences.TestIdAttribute, v),
                    LocatorKind.Placeholder or LocatorKind.Title or LocatorKind.AltText when spec.Exact == true => CssAttribute(AttributeOf(spec.By), v),
                    _ => null,
                };
            case SeleniumBy.XPath:
                return spec.By switch
                {
                    LocatorKind.XPath => v,
                    LocatorKind.Id => XPathAttribute("id", v),
                    LocatorKind.Name => XPathAttribute("name", v),
                    LocatorKind.TestId => XPathAttribute(preferences.TestIdAttribute, v),
                    LocatorKind.Placeholder or LocatorKind.Title or LocatorKind.AltText when spec.Exact == true => XPathAttribute(AttributeOf(spec.By), v),
                    LocatorKind.Text when XPathLiterals.TryQuote(v) is { } s => spec.Exact == true ? $"//*[normalize-space()={s}]" : $"//*[contains(normalize-space(),{s})]",
                    LocatorKind.LinkText when XPathLiterals.TryQuote(v) is { } s => spec.Exact == false ? $"//a[contains(normalize-space(),{s})]" : $"//a[normalize-space()={s}]",
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The Selenium methods to try for a spec, in the project's order of preference.</summary>
    public static IEnumerable<SeleniumMethod> SeleniumMethods(LocatorSpec spec, SelectorPreferences preferences)
    {
        var native = spec.By switch
        {
            LocatorKind.LinkText => LocatorMethods.Of(spec.Exact == false ? SeleniumBy.PartialLinkText : SeleniumBy.LinkText),
            LocatorKind.Role when spec.Role == "link" && spec.Name is not null => LocatorMethods.Of(spec.Exact == true ? SeleniumBy.LinkText : SeleniumBy.PartialLinkText),
            LocatorKind.Role => null,
            _ => LocatorMethods.Selenium.FirstOrDefault(m => m.Kind == spec.By),
        };
        if (native is not null)
        {
            yield return native;
        }

        var css = IndexOf(preferences.Prefer, "css");
        var xpath = IndexOf(preferences.Prefer, "xpath");
        if (css <= xpath)
        {
            yield return LocatorMethods.Of(SeleniumBy.CssSelector);
            yield return LocatorMethods.Of(SeleniumBy.XPath);
        }
        else
        {
            yield return LocatorMethods.Of(SeleniumBy.XPath);
            yield return LocatorMethods.Of(SeleniumBy.CssSelector);
        }
    }

    /// <summary><c>#id</c> when the id is a plain CSS identifier, else <c>[id='…']</c>.</summary>
    public static string CssId(string id) => PlainIdentifier().IsMatch(id) ? "#" + id : CssAttribute("id", id);

    /// <summary><c>[attr='value']</c> (double quotes when the value holds a single quote).</summary>
    public static string CssAttribute(string attribute, string value) =>
        $"[{attribute}={CssEscapes.String(value, value.Contains('\'', StringComparison.Ordinal) ? '"' : '\'')}]";

    private static string? XPathAttribute(string attribute, string value) => XPathLiterals.TryQuote(value) is { } s ? $"//*[@{attribute}={s}]" : null;

    /// <summary>The attribute <c>getByPlaceholder</c>, <c>getByTitle</c> and <c>getByAltText</c> read.</summary>
    private static string AttributeOf(LocatorKind kind) => kind == LocatorKind.AltText ? "alt" : kind.ToName();

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], item, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    [GeneratedRegex(@"^-?[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex PlainIdentifier();

    [GeneratedRegex(@"^#(-?[A-Za-z_][A-Za-z0-9_-]*)$")]
    private static partial Regex SimpleId();

    [GeneratedRegex(@"^\*?\[name=(['""])([^'""\\]*)\1\]$")]
    private static partial Regex NameAttribute();

    [GeneratedRegex(@"^\.(-?[A-Za-z_][A-Za-z0-9_-]*)$")]
    private static partial Regex SimpleClass();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex TagOnly();
}
