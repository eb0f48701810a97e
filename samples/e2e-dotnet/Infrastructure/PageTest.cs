using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace PraxiShop.E2E.Infrastructure;

/// <summary>
/// Base class for the UI tests: each test gets a fresh browser context with tracing on. When the test body throws,
/// the trace is saved as trace.zip and the page's HTML (dom.html) and a screenshot are written beside it, under
/// PRAXISHOP_ARTIFACTS/&lt;Class.Method&gt;/; the exception is rethrown unchanged so xunit (and the TRX) report it.
/// With PRAXI_KEEP_TRACES=1 a passing test keeps trace.zip and dom.html in the same folder.
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
        await context.Tracing.StartAsync(TestArtifacts.TracingFor(testName, Fixture.Settings.KeepTraces));
        var page = await context.NewPageAsync();
        var folder = Path.Combine(Fixture.Settings.ArtifactsPath, $"{GetType().Name}.{testName}");
        try
        {
            await body(page);
        }
        catch
        {
            await TestArtifacts.SaveFailureAsync(context, page, folder);
            throw;
        }

        await TestArtifacts.SavePassAsync(context, page, folder, Fixture.Settings.KeepTraces);
    }
}
