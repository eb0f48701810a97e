namespace Praxi.FixEngine.Locators;

/// <summary>The project's order of locator strategies and its test-id attributes (<c>praxi.json</c> → <c>selectors</c>).</summary>
/// <param name="Prefer">Strategies in order: <c>test_id</c>, <c>role</c>, <c>label</c>, <c>placeholder</c>, <c>text</c>, <c>id</c>, <c>css</c>, <c>xpath</c>.</param>
/// <param name="TestIdAttributes">Attributes that hold test ids, first is Playwright's <c>testIdAttribute</c>.</param>
internal sealed record SelectorPreferences(IReadOnlyList<string> Prefer, IReadOnlyList<string> TestIdAttributes)
{
    public static SelectorPreferences Default { get; } = new(["test_id", "role", "label", "placeholder", "text", "id", "css", "xpath"], [PlaywrightSelectors.DefaultTestIdAttribute]);

    /// <summary>The attribute <c>getByTestId</c> reads: the first of <see cref="TestIdAttributes"/>, else Playwright's default.</summary>
    public string TestIdAttribute => TestIdAttributes.Count > 0 ? TestIdAttributes[0] : PlaywrightSelectors.DefaultTestIdAttribute;
}
