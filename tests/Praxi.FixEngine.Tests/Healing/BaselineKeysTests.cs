using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class BaselineKeysTests
{
    [Theory]
    [InlineData("internal:role=button[name=\"Sign in\"i]", "getByRole('button', { name: 'Sign in' })")]
    [InlineData("internal:role=button[name=\"Sign in\"i]", "GetByRole(AriaRole.Button, new() { Name = \"Sign in\" })")]
    [InlineData("internal:role=button[name=\"Sign in\"s]", "getByRole('button', { name: 'Sign in', exact: true })")]
    [InlineData("internal:role=navigation", "getByRole('navigation')")]
    [InlineData("#add-to-cart", "locator('#add-to-cart')")]
    [InlineData("#add-to-cart", "Locator(\"#add-to-cart\")")]
    [InlineData("button.primary", "page.locator(\"button.primary\")")]
    [InlineData("internal:testid=[data-testid=\"cart-count\"s]", "getByTestId('cart-count')")]
    [InlineData("internal:testid=[data-qa=\"cart-count\"s]", "getByTestId('cart-count')")]
    [InlineData("internal:text=\"Welcome back\"i", "getByText('Welcome back')")]
    [InlineData("internal:text=\"Welcome back\"s", "getByText('Welcome back', { exact: true })")]
    [InlineData("internal:label=\"Quantity\"i", "getByLabel('Quantity')")]
    [InlineData("internal:label=\"Quantity\"i", "GetByLabel(\"Quantity\")")]
    [InlineData("internal:attr=[placeholder=\"you@example.com\"i]", "getByPlaceholder('you@example.com')")]
    [InlineData("form#login >> internal:role=button[name=\"Sign in\"i]", "locator('form#login').getByRole('button', { name: 'Sign in' })")]
    [InlineData("li.product >> nth=0", "locator('li.product').first()")]
    [InlineData("li.product >> internal:has-text=\"Canvas Tote\"i", "locator('li.product').filter({ hasText: 'Canvas Tote' })")]
    [InlineData("#payment >> internal:control=enter-frame >> internal:label=\"Card number\"i", "frameLocator('#payment').getByLabel('Card number')")]
    public void Normalize_TraceSelector_EqualsTheKeyOfTheMessageLocator(string traceSelector, string messageLocator)
    {
        LocatorExpression.TryParse(messageLocator, out var spec).Should().BeTrue();

        BaselineKeys.Normalize(traceSelector).Should().Be(BaselineKeys.Of(spec!));
    }

    [Fact]
    public void Normalize_DifferentNames_GiveDifferentKeys()
    {
        BaselineKeys.Normalize("internal:role=button[name=\"Sign in\"i]").Should().NotBe(BaselineKeys.Normalize("internal:role=button[name=\"Log in\"i]"));
    }

    [Fact]
    public void Normalize_SeleniumsEscapedId_IsTheKeyOfThePlainId()
    {
        BaselineKeys.Normalize(@"#add\-to\-cart").Should().Be(BaselineKeys.Normalize("#add-to-cart"));
        BaselineKeys.Normalize(@"button#place\_order").Should().Be(BaselineKeys.Normalize("button#place_order"));
    }

    [Fact]
    public void Normalize_EscapeThatMatters_IsKept()
    {
        // #a\.b is the id "a.b"; #a.b is the id "a" with the class "b".
        BaselineKeys.Normalize(@"#a\.b").Should().NotBe(BaselineKeys.Normalize("#a.b"));
    }

    [Fact]
    public void Normalize_ChainSpacing_IsIrrelevant()
    {
        BaselineKeys.Normalize("form>>button").Should().Be(BaselineKeys.Normalize("form >> button"));
    }

    [Theory]
    [InlineData("catalogue.spec.ts:21 › adds a product to the cart", "adds-folder", "catalogue.spec.ts › adds a product to the cart")]
    [InlineData("AddsAProductToTheCart", "CatalogueTests.AddsAProductToTheCart", "CatalogueTests.AddsAProductToTheCart")]
    [InlineData("Sign in works", "some-folder", "Sign in works")]
    [InlineData(null, "login-signs-in-chromium", "login-signs-in-chromium")]
    public void TestName_TitleAndFolder_GivesTheRicherName(string? title, string folder, string expected)
    {
        BaselineKeys.TestName(title, folder).Should().Be(expected);
    }

    [Theory]
    [InlineData("PraxiShop.E2E.Tests.CartTests.RemovesAnItem", "CartTests.RemovesAnItem", true)]
    [InlineData("[chromium] › cart.spec.ts › removes an item", "cart.spec.ts › removes an item", true)]
    [InlineData("cart.spec.ts:12 › removes an item", "cart.spec.ts › removes an item", true)]
    [InlineData("cart.spec.ts › removes an item", "cart.spec.ts › removes an item twice", false)]
    [InlineData("CartTests.RemovesAnItem", "OtherTests.RemovesAnItem", false)]
    [InlineData("CartTests.XRemovesAnItem", "RemovesAnItem", false)]
    public void SameTest_Names_ComparesAtNameBoundaries(string a, string b, bool expected)
    {
        BaselineKeys.SameTest(a, b).Should().Be(expected);
        BaselineKeys.SameTest(b, a).Should().Be(expected);
    }
}
