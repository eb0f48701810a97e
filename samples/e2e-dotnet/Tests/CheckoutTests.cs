using Microsoft.Playwright;
using PraxiShop.E2E.Infrastructure;
using PraxiShop.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace PraxiShop.E2E.Tests;

public sealed class CheckoutTests(BrowserFixture fixture) : PageTest(fixture)
{
    [Fact]
    public Task PlacesAnOrder() => WithPageAsync(async page =>
    {
        var product = new ProductPage(page);
        await product.OpenAsync("wool-beanie");
        await product.AddToCartAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Proceed to checkout" }).ClickAsync();

        var checkout = new CheckoutPage(page);
        await checkout.FillAsync("Margaret Hamilton", "margaret@example.test", "1 Apollo Way", "Boston", "02139");
        await checkout.PlaceOrderButton.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your order" })).ToBeVisibleAsync();
        await Expect(page.Locator(Selectors.OrderNumber)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^ORD-\d+$"));
    });
}
