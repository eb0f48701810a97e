using Microsoft.Playwright;
using PraxiShop.E2E.Infrastructure;
using PraxiShop.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace PraxiShop.E2E.Tests;

public sealed class CatalogueTests(BrowserFixture fixture) : PageTest(fixture)
{
    [Fact]
    public Task ListsTheCatalogue() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/products");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Products");
        await Expect(page.Locator(Selectors.ProductCard)).ToHaveCountAsync(6);
    });

    [Fact]
    public Task ShowsAProductWithItsPrice() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trail Mug" }).ClickAsync();
        await Expect(page.Locator(Selectors.ProductTitle)).ToHaveTextAsync("Trail Mug");
        await Expect(page.Locator("main > section.product-detail > div.price-box > span.price")).ToHaveTextAsync("€12.50");
    });

    [Fact]
    public Task AddsAProductToTheCart() => WithPageAsync(async page =>
    {
        var product = new ProductPage(page);
        await product.OpenAsync("canvas-tote");
        await product.AddToCartAsync(2);
        await Expect(page.Locator(Selectors.CartCount)).ToHaveTextAsync("2");
        await Expect(page.Locator(Selectors.CartRows)).ToHaveCountAsync(1);
    });
}
