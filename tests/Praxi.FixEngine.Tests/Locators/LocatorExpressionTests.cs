using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Locators;

public sealed class LocatorExpressionTests
{
    public static TheoryData<string, LocatorKind, string?, string?, string?, bool?> Forms => new()
    {
        // expression, by, value, role, name, exact
        // JavaScript / TypeScript
        { "locator('#gone')", LocatorKind.Css, "#gone", null, null, null },
        { "page.locator(\"button.secondary\")", LocatorKind.Css, "button.secondary", null, null, null },
        { "this.page.locator(`[data-qa=\"x\"]`)", LocatorKind.Css, "[data-qa=\"x\"]", null, null, null },
        { "getByRole('button', { name: 'Sign in' })", LocatorKind.Role, null, "button", "Sign in", false },
        { "getByRole('button', { name: 'Sign in', exact: true })", LocatorKind.Role, null, "button", "Sign in", true },
        { "getByRole('navigation')", LocatorKind.Role, null, "navigation", null, null },
        { "getByText('Hidden one')", LocatorKind.Text, "Hidden one", null, null, false },
        { "getByText('Status:', { exact: true })", LocatorKind.Text, "Status:", null, null, true },
        { "getByLabel('Email address')", LocatorKind.Label, "Email address", null, null, false },
        { "getByPlaceholder('you@example.com')", LocatorKind.Placeholder, "you@example.com", null, null, false },
        { "getByAltText('logo')", LocatorKind.AltText, "logo", null, null, false },
        { "getByTitle('Go home')", LocatorKind.Title, "Go home", null, null, false },
        { "getByTestId('checkout')", LocatorKind.TestId, "checkout", null, null, null },
        { "locator('text=All Issues')", LocatorKind.Text, "All Issues", null, null, false },
        { "locator('id=login')", LocatorKind.Id, "login", null, null, null },
        { "locator('//button[text()=\"Go\"]')", LocatorKind.XPath, "//button[text()=\"Go\"]", null, null, null },
        // Python
        { "get_by_role(\"button\", name=\"Save\")", LocatorKind.Role, null, "button", "Save", false },
        { "get_by_role(\"button\", name=\"Save\", exact=True)", LocatorKind.Role, null, "button", "Save", true },
        { "locator(\"#x\")", LocatorKind.Css, "#x", null, null, null },
        { "get_by_test_id(\"cart\")", LocatorKind.TestId, "cart", null, null, null },
        { "get_by_text(\"Welcome\", exact=False)", LocatorKind.Text, "Welcome", null, null, false },
        // .NET
        { "Locator(\"#x\")", LocatorKind.Css, "#x", null, null, null },
        { "GetByRole(AriaRole.Button, new() { Name = \"Sign in\" })", LocatorKind.Role, null, "button", "Sign in", false },
        { "GetByRole(AriaRole.Button, new() { Name = \"Sign in\", Exact = true })", LocatorKind.Role, null, "button", "Sign in", true },
        { "Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = @\"Say \"\"hi\"\"\" })", LocatorKind.Role, null, "link", "Say \"hi\"", false },
        { "GetByLabel(\"Email\")", LocatorKind.Label, "Email", null, null, false },
        { "GetByTestId(\"sign-in\")", LocatorKind.TestId, "sign-in", null, null, null },
        // Java
        { "page.locator(\"#x\")", LocatorKind.Css, "#x", null, null, null },
        { "getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(\"Sign in\").setExact(true))", LocatorKind.Role, null, "button", "Sign in", true },
        // Selenium
        { "{\"method\":\"css selector\",\"selector\":\"#login\"}", LocatorKind.Css, "#login", null, null, null },
        { "{\"method\":\"xpath\",\"selector\":\"//a[@href=\\\"/x\\\"]\"}", LocatorKind.XPath, "//a[@href=\"/x\"]", null, null, null },
        { "By.id: login", LocatorKind.Id, "login", null, null, null },
        { "By.cssSelector: form > button", LocatorKind.Css, "form > button", null, null, null },
        { "By.Id(\"login\")", LocatorKind.Id, "login", null, null, null },
        { "By.xpath(\"//button\")", LocatorKind.XPath, "//button", null, null, null },
        { "By.Name(\"q\")", LocatorKind.Name, "q", null, null, null },
        { "By.ClassName(\"btn\")", LocatorKind.Class, "btn", null, null, null },
        { "By.linkText(\"Sign in\")", LocatorKind.LinkText, "Sign in", null, null, true },
        { "(By.ID, \"login\")", LocatorKind.Id, "login", null, null, null },
        { "By.CSS_SELECTOR, \"#x\"", LocatorKind.Css, "#x", null, null, null },
        { "driver.findElement(By.id(\"login\"))", LocatorKind.Id, "login", null, null, null },
        // Cypress
        { "cy.get('#login')", LocatorKind.Css, "#login", null, null, null },
        { "cy.contains('Sign in')", LocatorKind.Text, "Sign in", null, null, false },
        // Playwright selector strings
        { "internal:role=button[name=\"Sign in\"i]", LocatorKind.Role, null, "button", "Sign in", false },
        { "internal:role=button[name=\"Sign in\"s]", LocatorKind.Role, null, "button", "Sign in", true },
        { "internal:text=\"x\"i", LocatorKind.Text, "x", null, null, false },
        { "internal:label=\"Full name\"s", LocatorKind.Label, "Full name", null, null, true },
        { "internal:attr=[placeholder=\"type\"i]", LocatorKind.Placeholder, "type", null, null, false },
        { "internal:attr=[alt=\"logo\"i]", LocatorKind.AltText, "logo", null, null, false },
        { "internal:attr=[title=\"Go home\"s]", LocatorKind.Title, "Go home", null, null, true },
        { "internal:testid=[data-testid=\"card\"s]", LocatorKind.TestId, "card", null, null, null },
        { "text=Sign in", LocatorKind.Text, "Sign in", null, null, false },
        { "text=\"Sign in\"", LocatorKind.Text, "Sign in", null, null, true },
        { "id=login", LocatorKind.Id, "login", null, null, null },
        { "data-testid=cart", LocatorKind.TestId, "cart", null, null, null },
        { "css=div > span", LocatorKind.Css, "div > span", null, null, null },
        { "xpath=//div", LocatorKind.XPath, "//div", null, null, null },
        { "//button[text()='30']", LocatorKind.XPath, "//button[text()='30']", null, null, null },
        { "\"//button[text()='30']\"", LocatorKind.XPath, "//button[text()='30']", null, null, null },
        { "#login-btn", LocatorKind.Css, "#login-btn", null, null, null },
        { "button.secondary", LocatorKind.Css, "button.secondary", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void TryParse_EveryForm_MapsToTheNeutralSpec(string expression, LocatorKind by, string? value, string? role, string? name, bool? exact)
    {
        var ok = LocatorExpression.TryParse(expression, out var sut);

        ok.Should().BeTrue();
        sut.Should().BeEquivalentTo(new LocatorSpec { By = by, Value = value, Role = role, Name = name, Exact = exact });
    }

    [Theory]
    [InlineData("locator('form').getByRole('button', { name: 'Save' })", "form >> internal:role=button[name=\"Save\"i]")]
    [InlineData("page.getByRole('list').getByText('Pro').first()", "internal:role=list >> internal:text=\"Pro\"i >> nth=0")]
    [InlineData("Locator(\".mud-button-root\").First", ".mud-button-root >> nth=0")]
    [InlineData("locator(\"div\").filter(has_text=\"GmailImages\").nth(1)", "div >> internal:has-text=\"GmailImages\"i >> nth=1")]
    [InlineData("frameLocator('iframe').getByLabel('Card number')", "iframe >> internal:control=enter-frame >> internal:label=\"Card number\"i")]
    [InlineData("getByRole('button', { name: /^log/i })", "internal:role=button[name=/^log/i]")]
    [InlineData("getByRole('heading', { level: 2 })", "internal:role=heading[level=2]")]
    [InlineData("locator('#main >> text=Save')", "#main >> text=Save")]
    [InlineData("iframe >> internal:control=enter-frame >> internal:label=\"Card number\"i", "iframe >> internal:control=enter-frame >> internal:label=\"Card number\"i")]
    public void TryParse_ChainsAndUnmappableForms_BecomeOnePlaywrightSelector(string expression, string selector)
    {
        var ok = LocatorExpression.TryParse(expression, out var sut);

        ok.Should().BeTrue();
        sut.Should().BeEquivalentTo(new LocatorSpec { By = LocatorKind.Selector, Value = selector });
    }

    [Theory]
    [InlineData("")]
    [InlineData("waiting for navigation to finish")]
    [InlineData("Expected: \"Welcome to Acme Corp\". Received something else.")]
    [InlineData("locator(")]
    [InlineData("somethingElse('x')")]
    [InlineData("getByRole()")]
    public void TryParse_NotALocator_False(string expression)
    {
        LocatorExpression.TryParse(expression, out var sut).Should().BeFalse();
        sut.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void ToSelector_EveryForm_RoundTripsThroughTheSelectorString(string expression, LocatorKind by, string? value, string? role, string? name, bool? exact)
    {
        LocatorExpression.TryParse(expression, out var spec).Should().BeTrue();

        var selector = LocatorExpression.ToSelector(spec!);

        LocatorExpression.TryParseSelector(selector, out var again).Should().BeTrue();
        if (by is LocatorKind.Name or LocatorKind.Class or LocatorKind.LinkText)
        {
            // Selenium-only strategies have no Playwright engine of their own: CSS or role stand in for them.
            again!.By.Should().BeOneOf(LocatorKind.Css, LocatorKind.Role);
            return;
        }

        again.Should().BeEquivalentTo(new LocatorSpec { By = by, Value = value, Role = role, Name = name, Exact = exact });
    }

    [Theory]
    [InlineData("//button[@id=\"go\"]", LocatorKind.XPath)]
    [InlineData("(//button)[2]", LocatorKind.XPath)]
    [InlineData("((//button))[2]", LocatorKind.XPath)]
    [InlineData("../button", LocatorKind.XPath)]
    [InlineData("button//span", LocatorKind.Css)]
    [InlineData("(button)", LocatorKind.Css)]
    public void TryParseSelector_PlainString_IsClassifiedAsPlaywrightsParserDoes(string selector, LocatorKind by)
    {
        LocatorExpression.TryParseSelector(selector, out var sut).Should().BeTrue();

        sut!.By.Should().Be(by);
        SelectorParser.Parse(selector).Should().ContainSingle().Which.Name.Should().Be(by == LocatorKind.XPath ? "xpath" : "css");
    }

    [Theory]
    [InlineData("//button[@id='go']")]
    [InlineData("((//button))[2]")]
    [InlineData("..")]
    public void AsPlaywrightReadsIt_CssHoldingAnXPath_IsAnXPath(string value)
    {
        var sut = LocatorExpression.AsPlaywrightReadsIt(new LocatorSpec { By = LocatorKind.Css, Value = value });

        sut.Should().BeEquivalentTo(new LocatorSpec { By = LocatorKind.XPath, Value = value });
    }
}
