using Microsoft.Playwright;
using PraxiShop.E2E.Infrastructure;
using PraxiShop.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace PraxiShop.E2E.Tests;

public sealed class LoginTests(BrowserFixture fixture) : PageTest(fixture)
{
    [Fact]
    public Task SignsInWithValidCredentials() => WithPageAsync(async page =>
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(Fixture.Settings.AdminEmail, Fixture.Settings.AdminPassword);
        await Expect(page.Locator(Selectors.UserMenu)).ToContainTextAsync("Signed in as admin@praxishop.test");
    }, signedIn: false);

    [Fact]
    public Task RejectsAWrongPassword() => WithPageAsync(async page =>
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(Fixture.Settings.AdminEmail, "not-the-password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Invalid email or password.");
    }, signedIn: false);
}
