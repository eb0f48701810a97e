using Microsoft.Playwright;
using PraxiShop.E2E.Pages;

namespace PraxiShop.E2E.Infrastructure;

/// <summary>One Chromium (the system one — no browser download) for the whole run, plus the admin's storage state.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private Task<string>? _adminState;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal ShopSettings Settings { get; } = new();

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not launched yet.");

    internal IPlaywright Playwright => _playwright ?? throw new InvalidOperationException("Playwright is not started yet.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Settings.ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {Settings.ChromiumPath}: install it (samples/install-prereqs.sh) or set CHROMIUM_PATH.");
        }

        Assertions.SetDefaultExpectTimeout(5_000);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Settings.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>The saved admin session: reused when the file exists, else made once by signing in through the UI.</summary>
    internal Task<string> AdminStorageStateAsync()
    {
        lock (_gate)
        {
            return _adminState ??= File.Exists(Settings.StorageStatePath)
                ? Task.FromResult(Settings.StorageStatePath)
                : SignInAndSaveStateAsync();
        }
    }

    private async Task<string> SignInAndSaveStateAsync()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Settings.BaseUrl });
        context.SetDefaultTimeout(5_000);
        await context.Tracing.StartAsync(TestArtifacts.TracingFor("admin sign-in", Settings.KeepTraces));
        var page = await context.NewPageAsync();
        var folder = Path.Combine(Settings.ArtifactsPath, "AdminSignIn");
        try
        {
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(Settings.AdminEmail, Settings.AdminPassword);
            await Assertions.Expect(page.Locator(Selectors.UserMenu)).ToContainTextAsync(Settings.AdminEmail);
        }
        catch
        {
            // Every signed-in test fails with this exception; keep the evidence once, under AdminSignIn/.
            await TestArtifacts.SaveFailureAsync(context, page, folder);
            throw;
        }

        await TestArtifacts.SavePassAsync(context, page, folder, Settings.KeepTraces);

        Directory.CreateDirectory(Path.GetDirectoryName(Settings.StorageStatePath)!);
        await context.StorageStateAsync(new BrowserContextStorageStateOptions { Path = Settings.StorageStatePath });
        return Settings.StorageStatePath;
    }
}
