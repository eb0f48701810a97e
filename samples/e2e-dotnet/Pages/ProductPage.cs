using Microsoft.Playwright;

namespace PraxiShop.E2E.Pages;

internal sealed class ProductPage(IPage page)
{
    public ILocator Title => page.Locator(Selectors.ProductTitle);

    public ILocator AddToCartButton => page.Locator(Selectors.AddToCart);

    public async Task OpenAsync(string sku) => await page.GotoAsync($"/products/{sku}");

    /// <summary>Adds the open product and lands on the cart page.</summary>
    public async Task AddToCartAsync(int quantity = 1)
    {
        await page.Locator(Selectors.Quantity).FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await AddToCartButton.ClickAsync();
        await page.WaitForURLAsync("**/cart");
    }
}
