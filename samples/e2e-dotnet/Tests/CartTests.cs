using Microsoft.Playwright;
using PraxiShop.E2E.Infrastructure;
using PraxiShop.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace PraxiShop.E2E.Tests;

public sealed class CartTests(BrowserFixture fixture) : PageTest(fixture)
{
    [Fact]
    public Task RemovesAnItemAfterConfirming() => WithPageAsync(async page =>
    {
        var product = new ProductPage(page);
        await product.OpenAsync("trail-mug");
        await product.AddToCartAsync();
        await Expect(page.Locator(Selectors.CartTotal)).ToHaveTextAsync("€17.40");

        await page.ClickAsync(Selectors.RemoveItem);
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Remove item?" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove item" }).ClickAsync();

        await Expect(page.GetByText("Your cart is empty.")).ToBeVisibleAsync();
    });
}
