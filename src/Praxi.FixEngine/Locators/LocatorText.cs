using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>A locator as text for people and tools: the Playwright selector string a <see cref="LocatorSpec"/> stands for.</summary>
public static class LocatorText
{
    /// <summary>
    /// The Playwright selector of <paramref name="spec"/> (<c>#login-btn</c>, <c>internal:role=button[name="Save"i]</c>,
    /// <c>internal:testid=[data-testid="cart"s]</c>): what <c>page.locator(…)</c> takes and what praxi prints.
    /// </summary>
    /// <param name="spec">The locator.</param>
    /// <returns>The selector string.</returns>
    public static string ToSelector(this LocatorSpec spec) => PlaywrightSelectors.Print(spec);
}
