namespace Praxi.FixEngine.Locators;

/// <summary>A page-level Playwright call whose first argument is a selector string (<c>page.click('#x')</c>).</summary>
/// <param name="JavaScript">JavaScript/TypeScript (<c>click</c>); null when the scripts' rewriter does not follow it.</param>
/// <param name="DotNet">.NET (<c>ClickAsync</c>).</param>
/// <param name="ValueFollows">A value comes after the selector (<c>fill(selector, value)</c>); the locator variant takes the value first.</param>
internal sealed record PageAction(string? JavaScript, string DotNet, bool ValueFollows);
