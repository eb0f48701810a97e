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
    private static readonly string[] GetByKinds = ["test_id", "role", "text", "label", "placeholder", "title", "alt_text", "link_text"];

    /// <summary>True when a <c>GetByX</c> call can express the spec (a change of form from <c>Locator</c>).</summary>
    public static bool HasGetBy(LocatorSpec spec) => GetByKinds.Contains(spec.By) && (spec.By != "role" || spec.Role is not null);

    /// <summary>
    /// The spec as a selector string for <c>Locator(…)</c> or a page-level action. <paramref name="forPageAction"/> also
    /// renders what only <c>GetByX</c> says natively (test id as an attribute selector, role/text/label as Playwright engines),
    /// because a page-level call cannot change form without changing its options type.
    /// </summary>
    public static string? SelectorString(LocatorSpec spec, SelectorPreferences preferences, bool forPageAction)
    {
        var v = spec.Value ?? string.Empty;
        switch (spec.By)
        {
            case "css" or "selector" or "xpath":
                return LocatorExpression.ToSelector(spec);
            case "id":
                return CssId(v);
            case "name":
                return CssAttribute("name", v);
            case "class":
                return "." + v;
        }

        if (!forPageAction)
        {
            return null;
        }

        return spec.By switch
        {
            "test_id" => CssAttribute(TestIdAttribute(preferences), v),
            "text" when spec.Exact == true => "text=" + LocatorExpression.Quote(v),
            _ => LocatorExpression.ToSelector(spec),
        };
    }

    /// <summary>The C# call (without receiver) for a <c>GetByX</c> form; <paramref name="literal"/> renders string literals.</summary>
    public static string? GetByCall(LocatorSpec spec, Func<string, string> literal)
    {
        var v = spec.Value ?? string.Empty;
        var exact = spec.Exact == true ? ", new() { Exact = true }" : string.Empty;
        return spec.By switch
        {
            "test_id" => $"GetByTestId({literal(v)})",
            "text" => $"GetByText({literal(v)}{exact})",
            "label" => $"GetByLabel({literal(v)}{exact})",
            "placeholder" => $"GetByPlaceholder({literal(v)}{exact})",
            "title" => $"GetByTitle({literal(v)}{exact})",
            "alt_text" => $"GetByAltText({literal(v)}{exact})",
            "link_text" => $"GetByRole(AriaRole.Link, new() {{ Name = {literal(v)}{(spec.Exact == false ? string.Empty : ", Exact = true")} }})",
            "role" when spec.Role is not null => spec.Name is null
                ? $"GetByRole(AriaRole.{AriaMember(spec.Role)})"
                : $"GetByRole(AriaRole.{AriaMember(spec.Role)}, new() {{ Name = {literal(spec.Name)}{(spec.Exact == true ? ", Exact = true" : string.Empty)} }})",
            _ => null,
        };
    }

    /// <summary>The <c>AriaRole</c> member of a role (<c>button</c> → <c>Button</c>, <c>menuitemcheckbox</c> → <c>Menuitemcheckbox</c>).</summary>
    public static string AriaMember(string role) => role.Length == 0 ? role : char.ToUpperInvariant(role[0]) + role[1..].ToLowerInvariant();

    /// <summary>The value for the Selenium method <paramref name="method"/> when it can express the spec; else null.</summary>
    public static string? SeleniumValue(string method, LocatorSpec spec, SelectorPreferences preferences)
    {
        var v = spec.Value ?? string.Empty;
        switch (method)
        {
            case "Id":
                return spec.By == "id" ? v : spec.By == "css" && SimpleId().Match(v.Trim()) is { Success: true } m ? m.Groups[1].Value : null;
            case "Name":
                return spec.By == "name" ? v : spec.By == "css" && NameAttribute().Match(v.Trim()) is { Success: true } n ? n.Groups[2].Value : null;
            case "ClassName":
                return spec.By == "class" ? v : spec.By == "css" && SimpleClass().Match(v.Trim()) is { Success: true } c ? c.Groups[1].Value : null;
            case "TagName":
                return spec.By == "css" && TagOnly().IsMatch(v.Trim()) ? v.Trim() : null;
            case "LinkText":
                return spec.By == "link_text" && spec.Exact != false ? v : spec is { By: "role", Role: "link", Name: { } exactName, Exact: true } ? exactName : null;
            case "PartialLinkText":
                return spec.By == "link_text" && spec.Exact == false ? v : spec is { By: "role", Role: "link", Name: { } name, Exact: not true } ? name : null;
            case "CssSelector":
                return spec.By switch
                {
                    "css" => v,
                    "id" => CssId(v),
                    "name" => CssAttribute("name", v),
                    "class" => "." + v,
                    "test_id" => CssAttribute(TestIdAttribute(preferences), v),
                    "placeholder" or "title" or "alt_text" when spec.Exact == true => CssAttribute(spec.By == "alt_text" ? "alt" : spec.By, v),
                    _ => null,
                };
            case "XPath":
                return spec.By switch
                {
                    "xpath" => v,
                    "id" => XPathAttribute("id", v),
                    "name" => XPathAttribute("name", v),
                    "test_id" => XPathAttribute(TestIdAttribute(preferences), v),
                    "placeholder" or "title" or "alt_text" when spec.Exact == true => XPathAttribute(spec.By == "alt_text" ? "alt" : spec.By, v),
                    "text" when XPathString(v) is { } s => spec.Exact == true ? $"//*[normalize-space()={s}]" : $"//*[contains(normalize-space(),{s})]",
                    "link_text" when XPathString(v) is { } s => spec.Exact == false ? $"//a[contains(normalize-space(),{s})]" : $"//a[normalize-space()={s}]",
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The Selenium methods to try for a spec, in the project's order of preference.</summary>
    public static IEnumerable<string> SeleniumMethods(LocatorSpec spec, SelectorPreferences preferences)
    {
        var native = spec.By switch
        {
            "id" => "Id",
            "name" => "Name",
            "class" => "ClassName",
            "css" => "CssSelector",
            "xpath" => "XPath",
            "link_text" => spec.Exact == false ? "PartialLinkText" : "LinkText",
            "role" when spec.Role == "link" && spec.Name is not null => spec.Exact == true ? "LinkText" : "PartialLinkText",
            _ => null,
        };
        if (native is not null)
        {
            yield return native;
        }

        var css = IndexOf(preferences.Prefer, "css");
        var xpath = IndexOf(preferences.Prefer, "xpath");
        if (css <= xpath)
        {
            yield return "CssSelector";
            yield return "XPath";
        }
        else
        {
            yield return "XPath";
            yield return "CssSelector";
        }
    }

    /// <summary><c>#id</c> when the id is a plain CSS identifier, else <c>[id='…']</c>.</summary>
    public static string CssId(string id) => PlainIdentifier().IsMatch(id) ? "#" + id : CssAttribute("id", id);

    /// <summary><c>[attr='value']</c> (double quotes when the value holds a single quote).</summary>
    public static string CssAttribute(string attribute, string value) =>
        value.Contains('\'', StringComparison.Ordinal)
            ? $"[{attribute}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]"
            : $"[{attribute}='{value.Replace("\\", "\\\\", StringComparison.Ordinal)}']";

    private static string? XPathAttribute(string attribute, string value) => XPathString(value) is { } s ? $"//*[@{attribute}={s}]" : null;

    private static string? XPathString(string value) =>
        !value.Contains('\'', StringComparison.Ordinal) ? $"'{value}'" : !value.Contains('"', StringComparison.Ordinal) ? $"\"{value}\"" : null;

    private static string TestIdAttribute(SelectorPreferences preferences) =>
        preferences.TestIdAttributes.Count > 0 ? preferences.TestIdAttributes[0] : "data-testid";

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
