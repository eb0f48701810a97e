using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;

namespace Praxi.FixEngine.Tests.Locators;

/// <summary>The real Playwright driving the system Chromium (never a downloaded browser), shared by one test class.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: apt-get install chromium (or set CHROMIUM_PATH); these tests drive a real browser.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
    }

    /// <summary>A page showing <paramref name="html"/>; nothing is fetched (the dump's stylesheet link fails closed).</summary>
    public async Task<IPage> PageAsync(string html)
    {
        var page = await _browser!.NewPageAsync();
        await page.RouteAsync("**/*", route => route.AbortAsync());
        await page.SetContentAsync(html);
        return page;
    }

    /// <summary>
    /// The selector strings Playwright sends for <paramref name="locators"/> — what a trace's <c>params.selector</c>
    /// records: each is counted with tracing on and read back from the trace (in .NET, <c>ToString()</c> prints the
    /// locator as C# code, not its selector).
    /// </summary>
    public static async Task<IReadOnlyList<string>> SentSelectorsAsync(IPage page, IEnumerable<ILocator> locators)
    {
        await page.Context.Tracing.StartAsync(new() { Snapshots = false, Screenshots = false, Sources = false });
        foreach (var locator in locators)
        {
            await locator.CountAsync();
        }

        using var temp = TempFolder.Create("trace");
        var zip = Path.Combine(temp.Path, "trace.zip");
        await page.Context.Tracing.StopAsync(new() { Path = zip });
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry("trace.trace")!.Open());
        var selectors = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            if (e.TryGetProperty("type", out var type) && type.GetString() == "before"
                && e.TryGetProperty("method", out var method) && method.GetString() == "queryCount")
            {
                selectors.Add(e.GetProperty("params").GetProperty("selector").GetString()!);
            }
        }

        return selectors;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
