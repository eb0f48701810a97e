using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>Playwright selector chains as lists of canonical parts, so a locator written one way compares with one reported another way.</summary>
internal static partial class SelectorParts
{
    /// <summary>The canonical parts of a language-neutral locator.</summary>
    public static List<string> Of(LocatorSpec spec) => Split(PlaywrightSelectors.Print(spec));

    /// <summary>Splits the chain (<see cref="SelectorChain"/>) and canonicalizes each part.</summary>
    public static List<string> Split(string selector) => [.. SelectorChain.SplitRaw(selector).Select(Canonical)];

    /// <summary>One part in the form the analysis writes it (<c>id=x</c> and <c>#x</c> agree, role flags spelled out).</summary>
    public static string Canonical(string part)
    {
        var text = part.Trim();
        if (!LocatorExpression.TryParseSelector(text, out var spec))
        {
            return text;
        }

        if (spec.By == LocatorKind.Id && SimpleIdent().IsMatch(spec.Value ?? string.Empty))
        {
            return "#" + spec.Value;
        }

        // css=#x is #x; a CSS body that looks like an engine keeps its css= (the printer adds it back).
        return spec.By is LocatorKind.Selector ? text : PlaywrightSelectors.Print(spec);
    }

    /// <summary>The spec of one canonical part (css when nothing more specific).</summary>
    public static LocatorSpec SpecOf(string part) =>
        LocatorExpression.TryParseSelector(part, out var spec) ? spec : new LocatorSpec { By = LocatorKind.Css, Value = part };

    /// <summary><c>internal:role=button[name=/save/i]</c> → (button, /save/i).</summary>
    public static bool TryRegexRole(string part, out string role, out string regex)
    {
        var m = RegexRole().Match(part);
        role = m.Success ? m.Groups["role"].Value : string.Empty;
        regex = m.Success ? m.Groups["re"].Value : string.Empty;
        return m.Success;
    }

    /// <summary><c>internal:text=/x/i</c>, <c>internal:label=/x/</c>, <c>internal:attr=[placeholder=/x/]</c>, <c>internal:testid=[data-testid=/x/]</c> → (by, regex).</summary>
    public static bool TryRegexValue(string part, out LocatorKind by, out string regex)
    {
        var m = RegexValue().Match(part);
        by = default;
        regex = string.Empty;
        if (!m.Success)
        {
            return false;
        }

        regex = m.Groups["re1"].Success ? m.Groups["re1"].Value : m.Groups["re2"].Value;
        LocatorKind? kind = m.Groups["engine"].Value switch
        {
            "text" => LocatorKind.Text,
            "label" => LocatorKind.Label,
            "testid" => LocatorKind.TestId,
            _ => m.Groups["attr"].Value switch
            {
                "placeholder" => LocatorKind.Placeholder,
                "alt" => LocatorKind.AltText,
                "title" => LocatorKind.Title,
                _ => null,
            },
        };
        by = kind.GetValueOrDefault();
        return kind is not null;
    }

    /// <summary>The text of an <c>internal:has-text="…"</c> part, as a text spec (value and exactness); false for other parts and regexes.</summary>
    public static bool TryHasText(string part, [NotNullWhen(true)] out LocatorSpec? text)
    {
        const string Engine = "internal:has-text=";
        text = null;
        return part.StartsWith(Engine, StringComparison.Ordinal)
            && LocatorExpression.TryParseSelector("internal:text=" + part[Engine.Length..], out text)
            && text.By == LocatorKind.Text;
    }

    /// <summary><c>nth=0</c> → 0.</summary>
    public static int? Nth(string part) =>
        part.StartsWith("nth=", StringComparison.Ordinal) && int.TryParse(part[4..], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^[A-Za-z_][\w-]*$")]
    private static partial Regex SimpleIdent();

    [GeneratedRegex(@"^internal:role=(?<role>[a-z]+)\[name=(?<re>/.*/[a-z]*)\]$")]
    private static partial Regex RegexRole();

    [GeneratedRegex(@"^internal:(?:(?<engine>text|label)=(?<re1>/.*/[a-z]*)|(?<engine>attr|testid)=\[(?<attr>[\w-]+)=(?<re2>/.*/[a-z]*)\])$")]
    private static partial Regex RegexValue();
}
