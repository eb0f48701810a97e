using System.Globalization;
using System.Text;
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
    // getByRoleSelector's order.
    private static readonly string[] RolePropertyOrder = ["checked", "disabled", "selected", "expanded", "include-hidden", "level", "name", "description", "pressed"];

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
            LocatorKind.Text => "internal:text=" + TextValue(value, exact),
            LocatorKind.Label => "internal:label=" + TextValue(value, exact),
            LocatorKind.Placeholder => Attribute("placeholder", value, exact),
            LocatorKind.Title => Attribute("title", value, exact),
            LocatorKind.AltText => Attribute("alt", value, exact),
            LocatorKind.Role => spec.Name is null ? "internal:role=" + spec.Role : Role(spec.Role ?? string.Empty, spec.Name, exact),
            _ => value,
        };
    }

    /// <summary>A value in double quotes with <c>\</c> and <c>"</c> escaped, as attribute selectors take it.</summary>
    public static string Quote(string value) => CssEscapes.String(value, '"');

    /// <summary>
    /// An attribute value (a role's name, a test id, a placeholder): <c>"Save"i</c> (substring, any case) or
    /// <c>"Save"s</c> (exact) — Playwright's <c>escapeForAttributeSelector</c>.
    /// </summary>
    public static string AttributeValue(string value, bool exact) => Quote(value) + (exact ? "s" : "i");

    /// <summary>
    /// A text for the text, label and has-text engines: a JSON string (<c>JSON.stringify</c>: control characters
    /// escaped too) then <c>i</c> or <c>s</c> — Playwright's <c>escapeForTextSelector</c>.
    /// </summary>
    public static string TextValue(string value, bool exact) => JsonQuote(value) + (exact ? "s" : "i");

    /// <summary><c>internal:role=button[name="Save"i]</c>.</summary>
    public static string Role(string role, string name, bool exact) => Role(role, [("name", AttributeValue(name, exact))]);

    /// <summary>
    /// <c>internal:role=heading[level=2][name="Save"i]</c>: the properties (values already written) in the order
    /// Playwright's <c>getByRoleSelector</c> writes them, whatever order the call gave them in.
    /// </summary>
    public static string Role(string role, IEnumerable<(string Name, string Value)> properties) =>
        "internal:role=" + role + string.Concat(properties
            .OrderBy(p => Array.IndexOf(RolePropertyOrder, p.Name) is var at and >= 0 ? at : int.MaxValue)
            .Select(p => $"[{p.Name}={p.Value}]"));

    /// <summary><c>internal:testid=[data-testid="cart"s]</c>.</summary>
    public static string TestId(string attribute, string value) => $"internal:testid=[{attribute}={AttributeValue(value, exact: true)}]";

    /// <summary><c>internal:attr=[placeholder="Email"i]</c>.</summary>
    public static string Attribute(string attribute, string value, bool exact) => $"internal:attr=[{attribute}={AttributeValue(value, exact)}]";

    /// <summary><c>internal:has-text="Canvas Tote"i</c>, what <c>filter({ hasText })</c> adds.</summary>
    public static string HasText(string text) => "internal:has-text=" + TextValue(text, exact: false);

    /// <summary><c>nth=0</c>, what <c>first()</c>, <c>last()</c> (-1) and <c>nth(i)</c> add.</summary>
    public static string Nth(int index) => "nth=" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="part"/> starts with an engine name and <c>=</c> (<c>text=…</c>, <c>internal:role=…</c>).</summary>
    public static bool HasEngine(string part) => EngineLike().IsMatch(part);

    /// <summary><c>JSON.stringify</c> of a string: <c>"</c>, <c>\</c> and control characters escaped, everything else as is.</summary>
    private static string JsonQuote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    sb.Append('\\').Append(c);
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    [GeneratedRegex("""^(?<engine>[A-Za-z0-9_+:*-]+)=""")]
    internal static partial Regex EngineLike();
}
