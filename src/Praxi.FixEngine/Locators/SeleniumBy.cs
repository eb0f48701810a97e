namespace Praxi.FixEngine.Locators;

/// <summary>A Selenium <c>By</c> strategy, named as in .NET (see <see cref="LocatorMethods.Selenium"/> for every binding's spelling).</summary>
internal enum SeleniumBy
{
    Id,
    CssSelector,
    XPath,
    Name,
    ClassName,
    LinkText,
    PartialLinkText,
    TagName,
}
