namespace Praxi.FixEngine.Locators;

/// <summary>A Playwright locator method, named as in .NET (see <see cref="LocatorMethods"/> for every binding's spelling).</summary>
internal enum LocatorCall
{
    Locator,
    GetByRole,
    GetByTestId,
    GetByText,
    GetByLabel,
    GetByPlaceholder,
    GetByTitle,
    GetByAltText,
    FrameLocator,
    ContentFrame,
    First,
    Last,
    Nth,
    Filter,
    And,
    Or,
}
