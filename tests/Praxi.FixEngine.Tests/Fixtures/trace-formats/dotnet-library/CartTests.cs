using Microsoft.Playwright;

// Written by eng/record-version-traces.sh: the renamed-selector failure with library tracing, as a .NET test fixture
// would record it (snapshots and sources, no screencast), saved to test-results/<Class.Method>/trace.zip.
var baseUrl = args[0];
var folder = Path.Combine(args[1], "CartTests.AddsAProductToTheCart");
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
await context.Tracing.StartAsync(new() { Screenshots = false, Snapshots = true, Sources = true, Title = "CartTests.AddsAProductToTheCart" });
var page = await context.NewPageAsync();
try
{
    await CartTests.AddsAProductToTheCart(page);
    return 1;
}
catch (TimeoutException ex)
{
    Console.WriteLine(ex.Message);
    Directory.CreateDirectory(folder);
    await context.Tracing.StopAsync(new() { Path = Path.Combine(folder, "trace.zip") });
    return 0;
}

internal static class CartTests
{
    public static async Task AddsAProductToTheCart(IPage page)
    {
        await page.GotoAsync("/products/canvas-tote");
        await page.Locator("#quantity").FillAsync("2");
        await page.Locator("#add-to-cart").ClickAsync(new() { Timeout = 3000 });
    }
}
