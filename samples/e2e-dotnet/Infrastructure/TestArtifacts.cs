using Microsoft.Playwright;

namespace PraxiShop.E2E.Infrastructure;

/// <summary>
/// What a test leaves behind in its folder. A failed test: trace.zip (the context was traced), dom.html and
/// screenshot.png. A passing test, only with PRAXI_KEEP_TRACES=1: trace.zip and dom.html (a green run's DOM evidence).
/// </summary>
internal static class TestArtifacts
{
    public static async Task SaveFailureAsync(IBrowserContext context, IPage page, string folder)
    {
        Directory.CreateDirectory(folder);
        await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(folder, "trace.zip") });
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "dom.html"), await page.ContentAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "screenshot.png"), FullPage = true, Timeout = 5_000 });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "dump-error.txt"), ex.Message);
        }
    }

    /// <summary>Ends a passing test's trace: saved with the page's HTML when traces are kept, else dropped.</summary>
    public static async Task SavePassAsync(IBrowserContext context, IPage page, string folder, bool keep)
    {
        if (!keep)
        {
            await context.Tracing.StopAsync();
            return;
        }

        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "dom.html"), await page.ContentAsync());
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // The test passed: a page that cannot be read any more must not fail it.
            await File.WriteAllTextAsync(Path.Combine(folder, "dump-error.txt"), ex.Message);
        }

        await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(folder, "trace.zip") });
    }

    /// <summary>
    /// Snapshots and sources always; screencast frames only when traces are kept for failures alone, so a run that keeps
    /// every test's trace stays small (a failure still gets its screenshot.png).
    /// </summary>
    public static TracingStartOptions TracingFor(string title, bool keepTraces) =>
        new() { Screenshots = !keepTraces, Snapshots = true, Sources = true, Title = title };
}
