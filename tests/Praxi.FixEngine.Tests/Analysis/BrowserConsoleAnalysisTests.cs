using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Analysis;

/// <summary>
/// Issue 18: a renamed element was typed network_flake from a third-party CDN that every test's console output
/// shows failing to resolve. The console is context; a console line about the app under test's own origin still counts.
/// </summary>
public sealed class BrowserConsoleAnalysisTests : IDisposable
{
    private const string ListOutput = """
        Running 3 tests using 1 worker

          ✓  1 [chromium] › tests/cart.spec.ts:5:7 › shows the cart (1.1s)
          ✘  2 [chromium] › tests/cart.spec.ts:12:7 › adds an item (30.1s)
          ✓  3 [chromium] › tests/cart.spec.ts:20:7 › empties the cart (0.9s)

          1) [chromium] › tests/cart.spec.ts:12:7 › adds an item ───────────────────────────

            TimeoutError: locator.click: Timeout 30000ms exceeded.
            Call log:
              - waiting for locator('#add-to-cart')


              10 |   await page.goto('/products/1');
              11 |
            > 12 |   await page.locator('#add-to-cart').click();
                 |                                      ^

                at /home/runner/work/shop/tests/cart.spec.ts:12:40

          1 failed
            [chromium] › tests/cart.spec.ts:12:7 › adds an item ────────────────────────────
          2 passed (33.2s)
        """;

    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("[console] error: Failed to load resource: net::ERR_NAME_NOT_RESOLVED")]
    [InlineData("[2026-03-04T10:12:13.456Z] [SEVERE] https://cdn.example.net/lib.js - Failed to load resource: net::ERR_CONNECTION_REFUSED")]
    [InlineData("console.error: Failed to load resource: the server responded with a status of 503 (Service Unavailable)")]
    public async Task AnalyzeAsync_ThirdPartyConsoleErrorsAroundEveryTest_KeepTheTypeOfTheFailure(string console)
    {
        var sut = new FailureAnalyzer();
        var clean = await sut.AnalyzeAsync(Write("clean.log", ListOutput));

        var noisy = await sut.AnalyzeAsync(Write("noisy.log", BeforeEachTest(ListOutput, console)));

        clean.Classification.ErrorType.Should().Be(ErrorType.SelectorNotFound);
        noisy.Classification.ErrorType.Should().Be(clean.Classification.ErrorType);
        noisy.Classification.Confidence.Should().BeApproximately(clean.Classification.Confidence, 0.05);
        noisy.Classification.Evidence.Should().NotContain(e => e.Text.Contains("Failed to load resource", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnalyzeAsync_ConsoleErrorAboutTheLocalAppBeforeTheFailingTest_IsTheCause()
    {
        var tied = ListOutput.Replace(
            "  ✘  2",
            "[console] error: Failed to load resource: net::ERR_CONNECTION_REFUSED (http://localhost:3000/api/cart)\n  ✘  2",
            StringComparison.Ordinal);
        var sut = new FailureAnalyzer();

        var report = await sut.AnalyzeAsync(Write("tied.log", tied));

        report.Classification.ErrorType.Should().Be(ErrorType.ServerUnavailable);
        report.Classification.Evidence.Should().Contain(e => e.Text.Contains("localhost:3000/api/cart", StringComparison.Ordinal));
    }

    private static string BeforeEachTest(string log, string console) =>
        string.Join('\n', log.Split('\n').SelectMany(l => l.TrimStart().StartsWith('✓') || l.TrimStart().StartsWith('✘') ? [console, console, l] : new[] { l }));

    private string Write(string name, string content)
    {
        var path = _temp.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }
}
