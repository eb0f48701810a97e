namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>How a locator step is written in C#.</summary>
internal enum LocatorForm
{
    /// <summary><c>x.Locator("css")</c>.</summary>
    Locator,

    /// <summary><c>x.GetByRole(AriaRole.Button, new() { Name = "…" })</c>.</summary>
    GetByRole,

    /// <summary><c>GetByTestId/Text/Label/Placeholder/Title/AltText("…")</c>.</summary>
    GetBy,

    /// <summary>A page-level action taking a selector string: <c>page.ClickAsync("sel")</c>, <c>FillAsync("sel", v)</c>.</summary>
    PageAction,

    /// <summary>Selenium <c>By.Id/CssSelector/XPath/Name/ClassName/LinkText/PartialLinkText/TagName("…")</c>.</summary>
    SeleniumBy,

    /// <summary>A step that only scopes a chain: <c>.First</c>, <c>.Last</c>, <c>.Nth(n)</c>, <c>.Filter(…)</c>, <c>FrameLocator(…)</c>.</summary>
    Scope,
}
