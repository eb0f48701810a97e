using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class LocatorExpressionTests
{
    public static TheoryData<string, string, string?, string?, string?, bool?> Forms => new()
    {
        // expression, by, value, role, name, exact
        // JavaScript / TypeScript
        { "locator('#gone')", "css", "#gone", null, null, null },
        { "page.locator(\"button.secondary\")", "css", "button.secondary", null, null, null },
        { "this.page.locator(`[data-qa=\"x\"]`)", "css", "[data-qa=\"x\"]", null, null, null },
        { "getByRole('button', { name: 'Sign in' })", "role", null, "button", "Sign in", false },
        { "getByRole('button', { name: 'Sign in', exact: true })", "role", null, "button", "Sign in", true },
        { "getByRole('navigation')", "role", null, "navigation", null, null },
        { "getByText('Hidden one')", "text", "Hidden one", null, null, false },
        { "getByText('Status:', { exact: true })", "text", "Status:", null, null, true },
        { "getByLabel('Email address')", "label", "Email address", null, null, false },
        { "getByPlaceholder('you@example.com')", "placeholder", "you@example.com", null, null, false },
        { "getByAltText('logo')", "alt_text", "logo", null, null, false },
        { "getByTitle('Go home')", "title", "Go home", null, null, false },
        { "getByTestId('checkout')", "test_id", "checkout", null, null, null },
        { "locator('text=All Issues')", "text", "All Issues", null, null, false },
        { "locator('id=login')", "id", "login", null, null, null },
        { "locator('//button[text()=\"Go\"]')", "xpath", "//button[text()=\"Go\"]", null, null, null },
        // Python
        { "get_by_role(\"button\", name=\"Save\")", "role", null, "button", "Save", false },
        { "get_by_role(\"button\", name=\"Save\", exact=True)", "role", null, "button", "Save", true },
        { "locator(\"#x\")", "css", "#x", null, null, null },
        { "get_by_test_id(\"cart\")", "test_id", "cart", null, null, null },
        { "get_by_text(\"Welcome\", exact=False)", "text", "Welcome", null, null, false },
        // .NET
        { "Locator(\"#x\")", "css", "#x", null, null, null },
        { "GetByRole(AriaRole.Button, new() { Name = \"Sign in\" })", "role", null, "button", "Sign in", false },
        { "GetByRole(AriaRole.Button, new() { Name = \"Sign in\", Exact = true })", "role", null, "button", "Sign in", true },
        { "Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = @\"Say \"\"hi\"\"\" })", "role", null, "link", "Say \"hi\"", false },
        { "GetByLabel(\"Email\")", "label", "Email", null, null, false },
        { "GetByTestId(\"sign-in\")", "test_id", "sign-in", null, null, null },
        // Java
        { "page.locator(\"#x\")", "css", "#x", null, null, null },
        { "getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(\"Sign in\").setExact(true))", "role", null, "button", "Sign in", true },
        // Selenium
        { "{\"method\":\"css selector\",\"selector\":\"#login\"}", "css", "#login", null, null, null },
        { "{\"method\":\"xpath\",\"selector\":\"//a[@href=\\\"/x\\\"]\"}", "xpath", "//a[@href=\"/x\"]", null, null, null },
        { "By.id: login", "id", "login", null, null, null },
        { "By.cssSelector: form > button", "css", "form > button", null, null, null },
        { "By.Id(\"login\")", "id", "login", null, null, null },
        { "By.xpath(\"//button\")", "xpath", "//button", null, null, null },
        { "By.Name(\"q\")", "name", "q", null, null, null },
        { "By.ClassName(\"btn\")", "class", "btn", null, null, null },
        { "By.linkText(\"Sign in\")", "link_text", "Sign in", null, null, true },
        { "(By.ID, \"login\")", "id", "login", null, null, null },
        { "By.CSS_SELECTOR, \"#x\"", "css", "#x", null, null, null },
        { "driver.findElement(By.id(\"login\"))", "id", "login", null, null, null },
        // Cypress
        { "cy.get('#login')", "css", "#login", null, null, null },
        { "cy.contains('Sign in')", "text", "Sign in", null, null, false },
        // Playwright selector strings
        { "internal:role=button[name=\"Sign in\"i]", "role", null, "button", "Sign in", false },
        { "internal:role=button[name=\"Sign in\"s]", "role", null, "button", "Sign in", true },
        { "internal:text=\"x\"i", "text", "x", null, null, false },
        { "internal:label=\"Full name\"s", "label", "Full name", null, null, true },
        { "internal:attr=[placeholder=\"type\"i]", "placeholder", "type", null, null, false },
        { "internal:attr=[alt=\"logo\"i]", "alt_text", "logo", null, null, false },
        { "internal:attr=[title=\"Go home\"s]", "title", "Go home", null, null, true },
        { "internal:testid=[data-testid=\"card\"s]", "test_id", "card", null, null, null },
        { "text=Sign in", "text", "Sign in", null, null, false },
        { "text=\"Sign in\"", "text", "Sign in", null, null, true },
        { "id=login", "id", "login", null, null, null },
        { "data-testid=cart", "test_id", "cart", null, null, null },
        { "css=div > span", "css", "div > span", null, null, null },
        { "xpath=//div", "xpath", "//div", null, null, null },
        { "//button[text()='30']", "xpath", "//button[text()='30']", null, null, null },
        { "\"//button[text()='30']\"", "xpath", "//button[text()='30']", null, null, null },
        { "#login-btn", "css", "#login-btn", null, null, null },
        { "button.secondary", "css", "button.secondary", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void TryParse_EveryForm_MapsToTheNeutralSpec(string expression, string by, string? value, string? role, string? name, bool? exact)
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
        sut.Should().BeEquivalentTo(new LocatorSpec { By = "selector", Value = selector });
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
    public void ToSelector_EveryForm_RoundTripsThroughTheSelectorString(string expression, string by, string? value, string? role, string? name, bool? exact)
    {
        LocatorExpression.TryParse(expression, out var spec).Should().BeTrue();

        var selector = LocatorExpression.ToSelector(spec!);

        LocatorExpression.TryParseSelector(selector, out var again).Should().BeTrue();
        if (by is "name" or "class" or "link_text")
        {
            // Selenium-only strategies have no Playwright engine of their own: CSS or role stand in for them.
            again!.By.Should().BeOneOf("css", "role");
            return;
        }

        again.Should().BeEquivalentTo(new LocatorSpec { By = by, Value = value, Role = role, Name = name, Exact = exact });
    }
}
