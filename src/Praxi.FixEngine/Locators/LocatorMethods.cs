using System.Collections.Frozen;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// The table of locator methods, per language: Playwright's (JavaScript/TypeScript, Java, Python, .NET) and
/// Selenium's <c>By</c> strategies, with the <see cref="LocatorKind"/> each makes. The log reader
/// (<see cref="LocatorExpression"/>), the rewriters and the CLI derive their lists from it.
/// </summary>
internal static class LocatorMethods
{
    /// <summary>Playwright's locator methods (on a page, a frame, a frame locator or a locator).</summary>
    public static IReadOnlyList<LocatorMethod> Playwright { get; } =
    [
        new(LocatorCall.Locator, "locator", "Locator", LocatorArgument.Selector, null, ["querySelector", "waitForSelector", "get", "$"]),
        new(LocatorCall.GetByRole, "getByRole", "GetByRole", LocatorArgument.Role, LocatorKind.Role, ["findByRole", "findAllByRole", "queryByRole"]),
        new(LocatorCall.GetByTestId, "getByTestId", "GetByTestId", LocatorArgument.Text, LocatorKind.TestId, ["findByTestId"]),
        new(LocatorCall.GetByText, "getByText", "GetByText", LocatorArgument.Text, LocatorKind.Text, ["findByText", "contains"]),
        new(LocatorCall.GetByLabel, "getByLabel", "GetByLabel", LocatorArgument.Text, LocatorKind.Label, ["getByLabelText", "findByLabelText"]),
        new(LocatorCall.GetByPlaceholder, "getByPlaceholder", "GetByPlaceholder", LocatorArgument.Text, LocatorKind.Placeholder, ["getByPlaceholderText", "findByPlaceholderText"]),
        new(LocatorCall.GetByTitle, "getByTitle", "GetByTitle", LocatorArgument.Text, LocatorKind.Title, ["findByTitle"]),
        new(LocatorCall.GetByAltText, "getByAltText", "GetByAltText", LocatorArgument.Text, LocatorKind.AltText, ["findByAltText"]),
        new(LocatorCall.FrameLocator, "frameLocator", "FrameLocator", LocatorArgument.Selector, null, []),
        new(LocatorCall.ContentFrame, "contentFrame", "ContentFrame", LocatorArgument.None, null, []),
        new(LocatorCall.First, "first", "First", LocatorArgument.None, null, []),
        new(LocatorCall.Last, "last", "Last", LocatorArgument.None, null, []),
        new(LocatorCall.Nth, "nth", "Nth", LocatorArgument.Index, null, []),
        new(LocatorCall.Filter, "filter", "Filter", LocatorArgument.Options, null, []),
        new(LocatorCall.And, "and", "And", LocatorArgument.Locator, null, []),
        new(LocatorCall.Or, "or", "Or", LocatorArgument.Locator, null, []),
    ];

    /// <summary>Selenium's <c>By</c> strategies.</summary>
    public static IReadOnlyList<SeleniumMethod> Selenium { get; } =
    [
        new(SeleniumBy.Id, "Id", "id", "ID", "id", LocatorKind.Id, null, []),
        new(SeleniumBy.CssSelector, "CssSelector", "cssSelector", "CSS_SELECTOR", "css selector", LocatorKind.Css, null, ["css"]),
        new(SeleniumBy.XPath, "XPath", "xpath", "XPATH", "xpath", LocatorKind.XPath, null, []),
        new(SeleniumBy.Name, "Name", "name", "NAME", "name", LocatorKind.Name, null, []),
        new(SeleniumBy.ClassName, "ClassName", "className", "CLASS_NAME", "class name", LocatorKind.Class, null, ["class"]),
        new(SeleniumBy.LinkText, "LinkText", "linkText", "LINK_TEXT", "link text", LocatorKind.LinkText, true, []),
        new(SeleniumBy.PartialLinkText, "PartialLinkText", "partialLinkText", "PARTIAL_LINK_TEXT", "partial link text", LocatorKind.LinkText, false, []),
        new(SeleniumBy.TagName, "TagName", "tagName", "TAG_NAME", "tag name", LocatorKind.Css, null, []),
    ];

    /// <summary>Page-level calls that take a selector string first (on a page or a frame, not on a locator).</summary>
    public static IReadOnlyList<PageAction> PageActions { get; } =
    [
        new("click", "ClickAsync", false),
        new("dblclick", "DblClickAsync", false),
        new("tap", "TapAsync", false),
        new("hover", "HoverAsync", false),
        new("focus", "FocusAsync", false),
        new("check", "CheckAsync", false),
        new("uncheck", "UncheckAsync", false),
        new("isVisible", "IsVisibleAsync", false),
        new("isHidden", "IsHiddenAsync", false),
        new("isEnabled", "IsEnabledAsync", false),
        new("isDisabled", "IsDisabledAsync", false),
        new("isEditable", "IsEditableAsync", false),
        new("isChecked", "IsCheckedAsync", false),
        new("textContent", "TextContentAsync", false),
        new("innerText", "InnerTextAsync", false),
        new("innerHTML", "InnerHTMLAsync", false),
        new("inputValue", "InputValueAsync", false),
        new("waitForSelector", "WaitForSelectorAsync", false),
        new("$", "QuerySelectorAsync", false),
        new("$$", "QuerySelectorAllAsync", false),
        new("fill", "FillAsync", true),
        new("type", "TypeAsync", true),
        new("press", "PressAsync", true),
        new("selectOption", "SelectOptionAsync", true),
        new("getAttribute", "GetAttributeAsync", true),
        new("setInputFiles", "SetInputFilesAsync", true),
        new("setChecked", "SetCheckedAsync", true),
        new("dispatchEvent", "DispatchEventAsync", true),
        new("$eval", "EvalOnSelectorAsync", true),
        new("$$eval", "EvalOnSelectorAllAsync", true),
        new(null, "DragAndDropAsync", true),
    ];

    /// <summary>Selenium's finders, whose argument is a <c>By</c> (<c>driver.findElement(By.id("x"))</c>).</summary>
    public static IReadOnlyList<string> SeleniumFinders { get; } = ["findElement", "findElements", "findElementBy"];

    private static readonly FrozenDictionary<LocatorCall, LocatorMethod> ByCall = Playwright.ToFrozenDictionary(m => m.Call);

    private static readonly FrozenDictionary<string, LocatorMethod> ByJavaScript = Playwright.ToFrozenDictionary(m => m.JavaScript, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, LocatorMethod> ByDotNet = Playwright.ToFrozenDictionary(m => m.DotNet, StringComparer.Ordinal);

    private static readonly FrozenDictionary<LocatorKind, LocatorMethod> ByKind = Playwright
        .Where(m => m.Kind is not null).ToFrozenDictionary(m => m.Kind!.Value);

    private static readonly FrozenDictionary<string, LocatorMethod> ByAnySpelling = Playwright
        .SelectMany(m => new[] { m.JavaScript, m.DotNet }.Concat(m.Aliases).Select(name => (Key: Fold(name), Method: m)))
        .DistinctBy(p => p.Key)
        .ToFrozenDictionary(p => p.Key, p => p.Method, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, SeleniumMethod> SeleniumByDotNet = Selenium.ToFrozenDictionary(m => m.DotNet, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, SeleniumMethod> SeleniumByAnySpelling = Selenium
        .SelectMany(m => new[] { m.DotNet, m.Java, m.Python, m.Wire }.Concat(m.Aliases).Select(name => (Key: Fold(name), Method: m)))
        .DistinctBy(p => p.Key)
        .ToFrozenDictionary(p => p.Key, p => p.Method, StringComparer.Ordinal);

    /// <summary>The row of a method.</summary>
    public static LocatorMethod Of(LocatorCall call) => ByCall[call];

    /// <summary>The method a JavaScript/TypeScript name (<c>getByRole</c>) calls, or null.</summary>
    public static LocatorMethod? FromJavaScript(string name) => ByJavaScript.GetValueOrDefault(name);

    /// <summary>The method a .NET name (<c>GetByRole</c>, <c>First</c>) calls, or null.</summary>
    public static LocatorMethod? FromDotNet(string name) => ByDotNet.GetValueOrDefault(name);

    /// <summary>
    /// The method any binding or tool spells this way (<c>getByRole</c>, <c>get_by_role</c>, <c>GetByRole</c>,
    /// <c>findByRole</c>, <c>cy.get</c>'s <c>get</c>), with an <c>Async</c> suffix dropped; null when none.
    /// </summary>
    public static LocatorMethod? FromAnyBinding(string name) => ByAnySpelling.GetValueOrDefault(Fold(name));

    /// <summary>The <c>getBy</c> method that makes <paramref name="kind"/>, or null (css, xpath, Selenium kinds).</summary>
    public static LocatorMethod? GetByFor(LocatorKind kind) => ByKind.GetValueOrDefault(kind);

    /// <summary>The Selenium strategy a .NET <c>By</c> method (<c>CssSelector</c>) names, or null.</summary>
    public static SeleniumMethod? SeleniumFromDotNet(string name) => SeleniumByDotNet.GetValueOrDefault(name);

    /// <summary>
    /// The Selenium strategy any binding spells this way (<c>CssSelector</c>, <c>cssSelector</c>, <c>CSS_SELECTOR</c>,
    /// <c>css selector</c>, <c>css</c>), or null.
    /// </summary>
    public static SeleniumMethod? SeleniumFromAnyBinding(string name) => SeleniumByAnySpelling.GetValueOrDefault(Fold(name));

    /// <summary>Whether any binding's spelling of <paramref name="name"/> (<c>find_element</c>, <c>FindElement</c>) is one of <see cref="SeleniumFinders"/>.</summary>
    public static bool IsSeleniumFinder(string name) => SeleniumFinders.Any(f => Fold(f) == Fold(name));

    /// <summary>The row of a Selenium strategy.</summary>
    public static SeleniumMethod Of(SeleniumBy strategy) => Selenium.First(m => m.Strategy == strategy);

    /// <summary>One spelling for every binding: no underscores or spaces, lower case, no <c>Async</c> suffix.</summary>
    private static string Fold(string name)
    {
        var folded = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return folded.Length > 5 && folded.EndsWith("async", StringComparison.Ordinal) ? folded[..^5] : folded;
    }
}
