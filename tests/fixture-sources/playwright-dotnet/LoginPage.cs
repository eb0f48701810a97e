using Microsoft.Playwright;

namespace PwFixtures;

internal sealed class LoginPage(IPage page)
{
    public async Task RememberAsync()
    {
        await page.Locator("#remember-me").CheckAsync(new() { Timeout = 1500 });
    }
}
