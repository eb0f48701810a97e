using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// How the project writes locators (<c>praxi.json</c> → <c>selectors</c>): the order of strategies a healed locator is
/// chosen by, and the attributes that hold test ids. The healer and the fix agent both read them.
/// </summary>
public sealed class SelectorOptions
{
    /// <summary>Every strategy <see cref="PreferredSelectors"/> may name: the locator kinds but <c>selector</c>, by their contract names.</summary>
    internal static readonly string[] Strategies = [.. new[]
    {
        LocatorKind.TestId, LocatorKind.Role, LocatorKind.Label, LocatorKind.Placeholder, LocatorKind.Text, LocatorKind.Title, LocatorKind.AltText,
        LocatorKind.Id, LocatorKind.Name, LocatorKind.Class, LocatorKind.LinkText, LocatorKind.Css, LocatorKind.XPath,
    }.Select(k => k.ToName())];

    /// <summary>
    /// Locator strategies in order of preference (<c>test_id</c>, <c>role</c>, <c>label</c>, <c>placeholder</c>, <c>text</c>,
    /// <c>title</c>, <c>alt_text</c>, <c>id</c>, <c>name</c>, <c>class</c>, <c>link_text</c>, <c>css</c>, <c>xpath</c>).
    /// <value>The default is test_id, role, label, placeholder, text, id, css, xpath.</value>
    /// </summary>
    public IList<string> PreferredSelectors { get; } = [.. SelectorPreferences.Default.Prefer];

    /// <summary>
    /// Attributes that hold test ids; the first is the one Playwright's <c>getByTestId</c> reads (its <c>testIdAttribute</c>).
    /// <value>The default is data-testid.</value>
    /// </summary>
    public IList<string> TestIdAttributes { get; } = [.. SelectorPreferences.Default.TestIdAttributes];

    /// <summary>Every problem with the options, one message each (empty when valid).</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var s in PreferredSelectors.Where(s => !Strategies.Contains(s, StringComparer.Ordinal)))
        {
            problems.Add($"selectors.prefer: unknown strategy '{s}' (one of {string.Join(", ", Strategies)})");
        }

        if (TestIdAttributes.Count == 0 || TestIdAttributes.Any(a => string.IsNullOrWhiteSpace(a) || a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '=' or '<' or '>')))
        {
            problems.Add("selectors.test_id_attributes must list at least one attribute name, without spaces, quotes or '='");
        }

        return problems;
    }

    /// <summary>The options as the healer and the rewriters read them.</summary>
    internal SelectorPreferences ToPreferences() => new([.. PreferredSelectors], [.. TestIdAttributes]);
}
