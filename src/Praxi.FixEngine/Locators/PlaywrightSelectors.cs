using System.Globalization;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// Prints locators as the Playwright selector strings Playwright itself builds for the equivalent call
/// (<c>getByRole('button', { name: 'Sign in' })</c> → <c>internal:role=button[name="Sign in"i]</c>), the form a
/// trace's <c>params.selector</c> holds, the healer's <c>SelectorEngine</c> evaluates and messages show people. The one
/// printer of <see cref="LocatorSpec"/>s; the parts (quoted values, test ids, filters) are here for callers that build
/// chains.
/// </summary>
internal static partial class PlaywrightSelectors
{
    /// <summary>The attribute <c>getByTestId</c> reads unless the project sets another.</summary>
    public const string DefaultTestIdAttribute = "data-testid";

    /// <summary>The part that enters the frame the part before it found (<c>frameLocator</c>, <c>contentFrame</c>).</summary>
    public const string EnterFrame = "internal:control=enter-frame";

    /// <summary>The spec as a selector string; <c>test_id</c> reads <paramref name="testIdAttribute"/>.</summary>
    public static string Print(LocatorSpec spec, string testIdAttribute = DefaultTestIdAttribute)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var value = spec.Value ?? string.Empty;
        var exact = spec.Exact == true;
        return spec.By switch
        {
            LocatorKind.Css => EngineLike().IsMatch(value) ? "css=" + value : value,
            LocatorKind.Selector => value,
            LocatorKind.XPath => value.StartsWith('/') || value.StartsWith("(/", StringComparison.Ordinal) || value.StartsWith("..", StringComparison.Ordinal) ? value : "xpath=" + value,
            LocatorKind.Id => "id=" + value,
            LocatorKind.Name => $"[name={Quote(value)}]",
            LocatorKind.Class => $"[class~={Quote(value)}]",
            LocatorKind.LinkText => Role("link", value, exact: spec.Exact != false),
            LocatorKind.TestId => TestId(testIdAttribute, value),
            LocatorKind.Text => "internal:text=" + Text(value, exact),
            LocatorKind.Label => "internal:label=" + Text(value, exact),
            LocatorKind.Placeholder => Attribute("placeholder", value, exact),
            LocatorKind.Title => Attribute("title", value, exact),
            LocatorKind.AltText => Attribute("alt", value, exact),
            LocatorKind.Role => spec.Name is null ? "internal:role=" + spec.Role : Role(spec.Role ?? string.Empty, spec.Name, exact),
            _ => value,
        };
    }

    /// <summary>A value in double quotes with <c>\</c> and <c>"</c> escaped (Playwright's <c>escapeForAttributeSelector</c> without the flag).</summary>
    public static string Quote(string value) => CssEscapes.String(value, '"');

    /// <summary>A text matcher: <c>"Save"i</c> (substring, any case) or <c>"Save"s</c> (exact).</summary>
    public static string Text(string value, bool exact) => Quote(value) + (exact ? "s" : "i");

    /// <summary><c>internal:role=button[name="Save"i]</c>.</summary>
    public static string Role(string role, string name, bool exact) => $"internal:role={role}[name={Text(name, exact)}]";

    /// <summary><c>internal:testid=[data-testid="cart"s]</c>.</summary>
    public static string TestId(string attribute, string value) => $"internal:testid=[{attribute}={Text(value, exact: true)}]";

    /// <summary><c>internal:attr=[placeholder="Email"i]</c>.</summary>
    public static string Attribute(string attribute, string value, bool exact) => $"internal:attr=[{attribute}={Text(value, exact)}]";

    /// <summary><c>internal:has-text="Canvas Tote"i</c>, what <c>filter({ hasText })</c> adds.</summary>
    public static string HasText(string text) => "internal:has-text=" + Text(text, exact: false);

    /// <summary><c>nth=0</c>, what <c>first()</c>, <c>last()</c> (-1) and <c>nth(i)</c> add.</summary>
    public static string Nth(int index) => "nth=" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="part"/> starts with an engine name and <c>=</c> (<c>text=…</c>, <c>internal:role=…</c>).</summary>
    public static bool HasEngine(string part) => EngineLike().IsMatch(part);

    [GeneratedRegex("""^(?<engine>[A-Za-z0-9_+:*-]+)=""")]
    internal static partial Regex EngineLike();
}
