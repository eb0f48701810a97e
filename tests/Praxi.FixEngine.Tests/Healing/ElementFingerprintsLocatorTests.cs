using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class ElementFingerprintsLocatorTests
{
    private static LocatorFingerprint From(string expression, SelectorPreferences? preferences = null)
    {
        LocatorExpression.TryParse(expression, out var spec).Should().BeTrue($"'{expression}' is a locator");
        return ElementFingerprints.FromLocator(spec!, preferences ?? SelectorPreferences.Default);
    }

    [Fact]
    public void FromLocator_CssId_GivesTheIdAndNoTagNorPaths()
    {
        var sut = From("locator('#add-to-cart')").Props;

        sut.Id.Should().Be("add-to-cart");
        sut.Tag.Should().Be(ElementFingerprints.AnyTag);
        sut.XPath.Should().BeNull();
        sut.IdXPath.Should().BeNull();
        sut.Class.Should().BeNull();
    }

    [Fact]
    public void FromLocator_TagAndClasses_GivesUpperCaseTagAndClassList()
    {
        var sut = From("button.primary.large").Props;

        sut.Tag.Should().Be("BUTTON");
        sut.Class.Should().Be("primary large");
    }

    [Theory]
    [InlineData("[data-testid=checkout]", "checkout", null, null)]
    [InlineData("input[name=q]", null, "q", null)]
    [InlineData("input[placeholder=\"Search products\"]", null, null, "Search products")]
    [InlineData("[data-cy='pay']", "pay", null, null)]
    public void FromLocator_CssAttributes_GiveTheirFields(string css, string? testId, string? name, string? placeholder)
    {
        var sut = ElementFingerprints.FromLocator(new LocatorSpec { By = LocatorKind.Css, Value = css }).Props;

        sut.TestId.Should().Be(testId);
        sut.Name.Should().Be(name);
        sut.Placeholder.Should().Be(placeholder);
    }

    [Fact]
    public void FromLocator_PartialAttributeMatch_NamesNoValue()
    {
        var sut = ElementFingerprints.FromLocator(new LocatorSpec { By = LocatorKind.Css, Value = "a[href^='/products']" }).Props;

        sut.Tag.Should().Be("A");
        sut.Href.Should().BeNull();
    }

    [Fact]
    public void FromLocator_ProjectTestIdAttribute_IsATestId()
    {
        var preferences = SelectorPreferences.Default with { TestIdAttributes = ["data-automation"] };

        var sut = ElementFingerprints.FromLocator(new LocatorSpec { By = LocatorKind.Css, Value = "[data-automation=\"buy\"]" }, preferences).Props;

        sut.TestId.Should().Be("buy");
    }

    [Fact]
    public void FromLocator_CssPath_ReadsTheLastCompoundAndKeepsTheAncestors()
    {
        var sut = From("locator('main > section.product-detail > div.price-box > span.price')");

        sut.Props.Tag.Should().Be("SPAN");
        sut.Props.Class.Should().Be("price");
        sut.Props.NeighborText.Should().BeNull();
        sut.AncestorPath.Should().Be("main > section.product-detail > div.price-box");
        sut.Scope.Should().BeNull();
    }

    [Fact]
    public void FromLocator_CssEscapesAndSelectorList_UnescapesAndTakesTheFirst()
    {
        var sut = ElementFingerprints.FromLocator(new LocatorSpec { By = LocatorKind.Css, Value = "#cart\\:total, .fallback" }).Props;

        sut.Id.Should().Be("cart:total");
        sut.Class.Should().BeNull();
    }

    [Fact]
    public void FromLocator_PlaywrightTextPseudo_GivesTheText()
    {
        var sut = ElementFingerprints.FromLocator(new LocatorSpec { By = LocatorKind.Css, Value = "button:has-text(\"Add to cart\")" }).Props;

        sut.Tag.Should().Be("BUTTON");
        sut.Text.Should().Be("Add to cart");
    }

    [Fact]
    public void FromLocator_Role_GivesRoleAndAccessibleName()
    {
        var sut = From("getByRole('button', { name: 'Sign in' })").Props;

        sut.Role.Should().Be("button");
        sut.AccessibleName.Should().Be("Sign in");
        sut.Tag.Should().Be(ElementFingerprints.AnyTag);
    }

    [Fact]
    public void FromLocator_DotnetRole_GivesRoleAndAccessibleName()
    {
        var sut = From("GetByRole(AriaRole.Link, new() { Name = \"Canvas Tote\" })").Props;

        sut.Role.Should().Be("link");
        sut.AccessibleName.Should().Be("Canvas Tote");
    }

    [Fact]
    public void FromLocator_HeadingLevel_GivesRoleAndTag()
    {
        var sut = ElementFingerprints.FromLocator(new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=heading[level=2][name=\"Cart\"i]" }).Props;

        sut.Role.Should().Be("heading");
        sut.Tag.Should().Be("H2");
        sut.AccessibleName.Should().Be("Cart");
    }

    [Theory]
    [InlineData("getByText('Welcome back')", "text", "Welcome back")]
    [InlineData("getByLabel('Email address')", "label", "Email address")]
    [InlineData("getByPlaceholder('you@example.com')", "placeholder", "you@example.com")]
    [InlineData("getByAltText('Company logo')", "alt", "Company logo")]
    [InlineData("getByTitle('Go home')", "title", "Go home")]
    [InlineData("getByTestId('cart-count')", "test_id", "cart-count")]
    public void FromLocator_GetBy_GivesItsField(string expression, string field, string value)
    {
        var sut = From(expression).Props;

        var actual = field switch
        {
            "text" => sut.Text,
            "label" => sut.Label,
            "placeholder" => sut.Placeholder,
            "alt" => sut.Alt,
            "title" => sut.Title,
            _ => sut.TestId,
        };
        actual.Should().Be(value);
    }

    [Fact]
    public void FromLocator_CustomTestIdAttributeInTrace_GivesTheTestId()
    {
        var sut = ElementFingerprints.FromLocator(new LocatorSpec { By = LocatorKind.Selector, Value = "internal:testid=[data-qa=\"card\"s]" }).Props;

        sut.TestId.Should().Be("card");
    }

    [Theory]
    [InlineData("By.id: login-btn", "id", "login-btn")]
    [InlineData("By.name: q", "name", "q")]
    [InlineData("By.className: primary", "class", "primary")]
    public void FromLocator_Selenium_GivesItsField(string expression, string field, string value)
    {
        var sut = From(expression).Props;

        (field switch { "id" => sut.Id, "name" => sut.Name, _ => sut.Class }).Should().Be(value);
    }

    [Fact]
    public void FromLocator_SeleniumLinkText_IsALinkWithThatText()
    {
        var sut = From("By.linkText: Products").Props;

        sut.Tag.Should().Be("A");
        sut.Role.Should().Be("link");
        sut.Text.Should().Be("Products");
    }

    [Fact]
    public void FromLocator_XPathTextPredicate_GivesTagAndText()
    {
        var sut = From("//button[normalize-space()='Sign in']");

        sut.Props.Tag.Should().Be("BUTTON");
        sut.Props.Text.Should().Be("Sign in");
        sut.Props.XPath.Should().BeNull("a locator's xpath is not the element's absolute path");
    }

    [Fact]
    public void FromLocator_XPathId_GivesTheIdAndNoTag()
    {
        var sut = From("//*[@id='checkout']").Props;

        sut.Id.Should().Be("checkout");
        sut.Tag.Should().Be(ElementFingerprints.AnyTag);
    }

    [Fact]
    public void FromLocator_XPathWithAncestorsAndConditions_ReadsTheLastStep()
    {
        var sut = ElementFingerprints.FromLocator(new LocatorSpec { By = LocatorKind.XPath, Value = "//form[@id='login']//input[@name='email' and contains(@class, 'wide')]" });

        sut.Props.Tag.Should().Be("INPUT");
        sut.Props.Name.Should().Be("email");
        sut.Props.Class.Should().Be("wide");
        sut.Props.Id.Should().BeNull("the id belongs to the ancestor step");
        sut.AncestorPath.Should().Be("//form[@id='login']");
    }

    [Fact]
    public void FromLocator_Chain_ReadsTheLastPartAndKeepsTheScope()
    {
        var sut = From("locator('form#login').getByRole('button', { name: 'Sign in' }).first()");

        sut.Props.Role.Should().Be("button");
        sut.Props.AccessibleName.Should().Be("Sign in");
        sut.Props.Id.Should().BeNull();
        sut.Scope.Should().Be("form#login");
    }

    [Fact]
    public void FromLocator_HasTextFilter_GivesTheText()
    {
        var sut = From("locator('li.product').filter({ hasText: 'Canvas Tote' })");

        sut.Props.Tag.Should().Be("LI");
        sut.Props.Class.Should().Be("product");
        sut.Props.Text.Should().Be("Canvas Tote");
    }

    [Fact]
    public void FromLocator_FrameChain_ScopesToTheFrame()
    {
        var sut = From("frameLocator('#payment').getByLabel('Card number')");

        sut.Props.Label.Should().Be("Card number");
        sut.Scope.Should().Be("#payment >> internal:control=enter-frame");
    }
}
