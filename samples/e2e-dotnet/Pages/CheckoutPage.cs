using Microsoft.Playwright;

namespace PraxiShop.E2E.Pages;

internal sealed class CheckoutPage(IPage page)
{
    public ILocator PlaceOrderButton => page.GetByRole(AriaRole.Button, new() { Name = "Place order" });

    public async Task FillAsync(string fullName, string email, string street, string city, string postcode)
    {
        await page.GetByLabel("Full name").FillAsync(fullName);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Street address").FillAsync(street);
        await page.Locator("#city").FillAsync(city);
        await page.Locator("input[name=postcode]").FillAsync(postcode);
    }
}
