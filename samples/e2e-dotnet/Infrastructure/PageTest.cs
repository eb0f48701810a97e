using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace PraxiShop.E2E.Infrastructure;

/// <summary>
/// Base class for the UI tests: each test gets a fresh browser context with tracing on. When the test body throws,
/// the trace is saved as trace.zip and the page's HTML (dom.html) and a screenshot are written beside it, under
/// PRAXISHOP_ARTIFACTS/&lt;Class.Method&gt;/; the exception is rethrown unchanged so xunit (and the TRX) report it.
/// </summary>
[Collection(SharedBrowser.Name)]
public abstract class PageTest(BrowserFixture fixture)
{
    internal BrowserFixture Fixture { get; } = fixture;

    protected async Task WithPageAsync(Func<IPage, Task> body, bool signedIn = true, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(body);
        var options = new BrowserNewContextOptions { BaseURL = Fixture.Settings.BaseUrl };
        if (signedIn)
        {
            options.StorageStatePath = await Fixture.AdminStorageStateAsync();
        }

        await using var context = await Fixture.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(5_000);
        context.SetDefaultNavigationTimeout(10_000);
        await context.Tracing.StartAsync(FailureArtifacts.TracingFor(testName));
        var page = await context.NewPageAsync();
        try
        {
            await body(page);
            await context.Tracing.StopAsync();
        }
        catch
        {
            await FailureArtifacts.SaveAsync(context, page, Path.Combine(Fixture.Settings.ArtifactsPath, $"{GetType().Name}.{testName}"));
            throw;
        }
    }
}
