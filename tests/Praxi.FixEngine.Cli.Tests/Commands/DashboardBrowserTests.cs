using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Praxi.FixEngine.Cli.Tests.Commands;

/// <summary>The generated page in the system Chromium, with JavaScript on and off: what a person sees, and nothing leaves.</summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string Payload = "<script>window.__pwned=1</script>\"><img src=x onerror=\"window.__pwned=2\">' onmouseover='window.__pwned=3' </textarea> javascript:alert(1)";
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Dashboard_InChromium_RendersEverythingAndRunsNothingForeign(bool javaScript)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: apt-get install chromium (or set CHROMIUM_PATH); this test drives a real browser.");
        }

        var runs = await DashboardRuns.RootAsync();
        using var temp = TempFolder.Create("dash-browser");
        var hostile = await DashboardRuns.HostileCopyAsync(Payload, temp.Path);
        var outDir = temp.Combine("out");
        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("dashboard", Path.Combine(runs, "renamed"), Path.Combine(runs, "removed"), Path.Combine(runs, "bare"), hostile, "--out", outDir);
        code.Should().Be(ExitCodes.Success, stderr);
        var url = new Uri(Path.Combine(outDir, "index.html")).AbsoluteUri;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"] });
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
        var requests = new List<string>();
        var dialogs = new List<string>();
        await context.RouteAsync("**/*", route =>
        {
            requests.Add(route.Request.Url);
            return route.Request.Url == url ? route.ContinueAsync() : route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        await page.GotoAsync(url);
        await page.Locator("#run-4").HoverAsync();

        requests.Should().Equal([url], "the page is self-contained: no fonts, images, scripts or styles from anywhere");
        dialogs.Should().BeEmpty();
        (await page.Locator("article.run").CountAsync()).Should().Be(4);
        (await page.Locator("tr.run-row .chip").AllTextContentsAsync()).Should().BeEquivalentTo(["patch offered", "patch offered", "needs review", "failed"]);
        (await page.Locator("article.run:has(h2:text('renamed')) .diff .dl.add").AllTextContentsAsync()).Should().HaveCount(3)
            .And.Contain("+    public const string AddToCart = \"#add-to-basket\";");
        (await page.Locator("article.run:has(h2:text('hostile')) .diff .dl.add").Last.TextContentAsync()).Should().Be("+" + Payload);
        (await page.Locator("article.run:has(h2:text('hostile')) tr.test-row td").First.TextContentAsync()).Should().Be(Payload);
        (await page.Locator("img, textarea").CountAsync()).Should().Be(0);
        (await page.Locator("#failures-by-type rect.bar").CountAsync()).Should().Be(
            TypesPerRun(Path.Combine(runs, "renamed"), Path.Combine(runs, "removed"), Path.Combine(runs, "bare"), hostile), "one bar segment per run and failure type");
        (await page.Locator("nav#filter").IsVisibleAsync()).Should().Be(javaScript, "the filter is the only JavaScript, shown only when it runs");
        if (javaScript)
        {
            (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).Should().BeTrue("no payload executed");
            await page.Locator("#filter-status").SelectOptionAsync("patch_offered");
            (await page.Locator("article.run:visible").CountAsync()).Should().Be(2);
            (await page.Locator("tr.run-row:visible").CountAsync()).Should().Be(2);
            await page.Locator("#filter-status").SelectOptionAsync(string.Empty);
        }

        var shot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard", javaScript ? "dashboard.png" : "dashboard-nojs.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine($"screenshot: {shot}");
        new FileInfo(shot).Length.Should().BeGreaterThan(10_000);
    }

    private static int TypesPerRun(params string[] folders) => folders.Sum(folder =>
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "analysis.json")));
        return json.RootElement.GetProperty("classification").GetProperty("failures").EnumerateArray()
            .Select(f => f.GetProperty("error_type").GetString()).Distinct().Count();
    });
}
