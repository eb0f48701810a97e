using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Locators;

public sealed class LocatorMethodsTests
{
    [Theory]
    [InlineData("getByRole", nameof(LocatorCall.GetByRole))]
    [InlineData("get_by_role", nameof(LocatorCall.GetByRole))]
    [InlineData("GetByRole", nameof(LocatorCall.GetByRole))]
    [InlineData("GetByRoleAsync", nameof(LocatorCall.GetByRole))]
    [InlineData("findByLabelText", nameof(LocatorCall.GetByLabel))]
    [InlineData("contains", nameof(LocatorCall.GetByText))]
    [InlineData("$", nameof(LocatorCall.Locator))]
    [InlineData("frame_locator", nameof(LocatorCall.FrameLocator))]
    [InlineData("ContentFrame", nameof(LocatorCall.ContentFrame))]
    public void FromAnyBinding_EverySpelling_NamesTheMethod(string name, string call)
    {
        LocatorMethods.FromAnyBinding(name)!.Call.ToString().Should().Be(call);
    }

    [Theory]
    [InlineData("css selector", nameof(SeleniumBy.CssSelector))]
    [InlineData("CSS_SELECTOR", nameof(SeleniumBy.CssSelector))]
    [InlineData("cssSelector", nameof(SeleniumBy.CssSelector))]
    [InlineData("css", nameof(SeleniumBy.CssSelector))]
    [InlineData("partial link text", nameof(SeleniumBy.PartialLinkText))]
    [InlineData("ClassName", nameof(SeleniumBy.ClassName))]
    public void SeleniumFromAnyBinding_EverySpelling_NamesTheStrategy(string name, string strategy)
    {
        LocatorMethods.SeleniumFromAnyBinding(name)!.Strategy.ToString().Should().Be(strategy);
    }

    [Fact]
    public void GetByFor_EveryPlaywrightKind_IsTheMethodThatMakesIt()
    {
        LocatorKind[] playwrightKinds = [LocatorKind.Role, LocatorKind.TestId, LocatorKind.Text, LocatorKind.Label, LocatorKind.Placeholder, LocatorKind.Title, LocatorKind.AltText];

        LocatorKinds.All.Where(k => LocatorMethods.GetByFor(k) is not null).Should().BeEquivalentTo(playwrightKinds);
        playwrightKinds.Select(k => LocatorMethods.GetByFor(k)!.JavaScript)
            .Should().Equal("getByRole", "getByTestId", "getByText", "getByLabel", "getByPlaceholder", "getByTitle", "getByAltText");
    }

    [Fact]
    public void Table_SpellingsPerBinding_AreConsistent()
    {
        // .NET capitalises the JavaScript name; the enum member is the .NET name.
        LocatorMethods.Playwright.Select(m => (m.DotNet, m.Call.ToString())).Should().OnlyContain(p => p.DotNet == p.Item2);
        LocatorMethods.Playwright.Select(m => m.DotNet).Should().Equal(LocatorMethods.Playwright.Select(m => char.ToUpperInvariant(m.JavaScript[0]) + m.JavaScript[1..]));
        LocatorMethods.Selenium.Should().OnlyContain(m => m.DotNet == m.Strategy.ToString() && string.Equals(m.DotNet, m.Java, StringComparison.OrdinalIgnoreCase));
        LocatorMethods.FromAnyBinding("click").Should().BeNull();
        LocatorMethods.IsSeleniumFinder("find_element").Should().BeTrue();
    }
}
