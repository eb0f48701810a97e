using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>One Selenium <c>By</c> strategy as each binding spells it, and the locator it makes.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="DotNet">.NET (<c>By.CssSelector</c>).</param>
/// <param name="Java">Java (<c>By.cssSelector</c>).</param>
/// <param name="Python">Python (<c>By.CSS_SELECTOR</c>).</param>
/// <param name="Wire">The WebDriver protocol's <c>using</c> (<c>css selector</c>), which logs print as <c>{"method": …}</c>.</param>
/// <param name="Kind">The <see cref="LocatorSpec.By"/> it maps to.</param>
/// <param name="Exact">The <see cref="LocatorSpec.Exact"/> it implies (link text whole or partial), or null.</param>
/// <param name="Aliases">Other bindings' names (selenium-webdriver for JavaScript: <c>By.css</c>).</param>
internal sealed record SeleniumMethod(SeleniumBy Strategy, string DotNet, string Java, string Python, string Wire, LocatorKind Kind, bool? Exact, IReadOnlyList<string> Aliases);
