using Microsoft.Playwright;

namespace PraxiShop.E2E.Pages;

internal sealed class LoginPage(IPage page)
{
    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public async Task GotoAsync() => await page.GotoAsync("/login");

    public async Task SignInAsync(string email, string password)
    {
        await page.FillAsync(Selectors.LoginEmail, email);
        await page.FillAsync(Selectors.LoginPassword, password);
        await SignInButton.ClickAsync();
    }
}
