using Microsoft.Playwright;

namespace PraxiShop.E2E.Infrastructure;

/// <summary>What a failed test leaves behind: trace.zip (the context was traced), dom.html and screenshot.png.</summary>
internal static class FailureArtifacts
{
    public static async Task SaveAsync(IBrowserContext context, IPage page, string folder)
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

    public static TracingStartOptions TracingFor(string title) =>
        new() { Screenshots = true, Snapshots = true, Sources = true, Title = title };
}
