using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Logs;

/// <summary>
/// A <c>test-results/</c> folder as Playwright's runner leaves it, without the console output: the failures come from
/// the <c>error-context.md</c> files (written for the test in the two shapes the runner writes).
/// </summary>
public sealed class ErrorContextParserTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("error-context");

    public void Dispose() => _temp.Dispose();

    private const string Sections = """
        # Instructions

        - Following Playwright test failed.

        # Test info

        - Name: orders.spec.ts >> orders >> lists my orders
        - Location: tests/orders.spec.ts:12:5

        # Error details

        ```
        TimeoutError: locator.click: Timeout 5000ms exceeded.
        Call log:
          - waiting for getByRole('link', { name: 'Orders' })

        ```

        # Test source

        ```ts
          11 | 
          12 |     test('lists my orders', async ({ page }) => {
          13 |       await page.goto('/');
        > 14 |       await page.getByRole('link', { name: 'Orders' }).click();
             |                                                         ^ TimeoutError: locator.click: Timeout 5000ms exceeded.
          15 |     });
        ```

        # Page snapshot

        ```yaml
        - navigation "Main":
          - link "My orders"
        ```
        """;

    private const string PageOnly = """
        # Page snapshot

        ```yaml
        - heading "Sign in" [level=1]
        - textbox "Email"
        - button "Continue"
        ```
        """;

    private string Folder(params (string Test, string Text)[] contexts)
    {
        var dir = _temp.Subfolder();
        foreach (var (test, text) in contexts)
        {
            var folder = Path.Combine(dir, "test-results", test);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "error-context.md"), text);
        }

        return dir;
    }

    [Fact]
    public void Analyze_TestResultsWithoutConsoleOutput_ReadsTheFailureFromErrorContext()
    {
        var dir = Folder(("orders-lists-my-orders-chromium", Sections));

        var report = new FailureAnalyzer().Analyze(dir);

        var failure = report.Classification.Failures.Should().ContainSingle().Subject;
        failure.Test.Should().Be("orders.spec.ts >> orders >> lists my orders");
        failure.TestFile.Should().Be("tests/orders.spec.ts");
        failure.TestLine.Should().Be(12);
        failure.File.Should().Be("tests/orders.spec.ts", "the test source's frame shows the test itself (its declaration is in it)");
        failure.Line.Should().Be(14);
        failure.Action.Should().Be("locator.click");
        failure.Locator.Should().Be("getByRole('link', { name: 'Orders' })");
        failure.TimeoutMs.Should().Be(5000);
        report.Classification.ErrorType.Should().BeOneOf(ErrorType.SelectorNotFound, ErrorType.Timeout);
        report.Sources.Should().ContainSingle(s => s.Format == LogFormat.PlaywrightErrorContext);
        report.FixAgentInstructions.Should().NotBeEmpty("the failing call's file and line are known");
    }

    [Fact]
    public void Analyze_FrameOfAPageObject_LeavesTheFailingCallsFileUnsaid()
    {
        var pageObject = Sections.Replace("  12 |     test('lists my orders', async ({ page }) => {", "  12 |   async open(): Promise<void> {", StringComparison.Ordinal);
        var dir = Folder(("orders-lists-my-orders-chromium", pageObject));

        var failure = new FailureAnalyzer().Analyze(dir).Classification.Failures.Should().ContainSingle().Subject;

        failure.File.Should().BeNull("the frame is of a file the section does not name; the test file's line 14 would be a wrong place to edit");
        failure.TestFile.Should().Be("tests/orders.spec.ts");
    }

    [Fact]
    public void Analyze_RunnerTraceBeside_GivesTheFailingCallsPlaceInAPageObject()
    {
        var pageObject = Sections.Replace("  12 |     test('lists my orders', async ({ page }) => {", "  12 |   async open(): Promise<void> {", StringComparison.Ordinal);
        var dir = Folder(("orders-lists-my-orders-chromium", pageObject));
        var trace = Path.Combine(dir, "test-results", "orders-lists-my-orders-chromium", "trace.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(trace, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("test.trace").Open());
            writer.Write("""
                {"version":8,"type":"context-options","origin":"testRunner"}
                {"type":"error","message":"TimeoutError: locator.click","stack":[{"file":"/ci/node_modules/playwright/lib/x.js","line":3,"column":1},{"file":"/ci/shop/tests/pages/orders-page.ts","line":14,"column":57,"function":"OrdersPage.open"},{"file":"/ci/shop/tests/orders.spec.ts","line":13,"column":3}]}
                """);
        }

        var failure = new FailureAnalyzer().Analyze(dir).Classification.Failures.Should().ContainSingle().Subject;

        failure.File.Should().Be("/ci/shop/tests/pages/orders-page.ts");
        failure.Line.Should().Be(14);
        failure.Column.Should().Be(57);
    }

    [Fact]
    public void Analyze_BrokenTraceBeside_KeepsTheFailureWithoutAPlace()
    {
        var pageObject = Sections.Replace("  12 |     test('lists my orders', async ({ page }) => {", "  12 |   async open(): Promise<void> {", StringComparison.Ordinal);
        var dir = Folder(("orders-lists-my-orders-chromium", pageObject));
        File.WriteAllText(Path.Combine(dir, "test-results", "orders-lists-my-orders-chromium", "trace.zip"), "not a zip");

        var failure = new FailureAnalyzer().Analyze(dir).Classification.Failures.Should().ContainSingle().Subject;

        failure.File.Should().BeNull();
        failure.Message.Should().Contain("Timeout 5000ms exceeded");
    }

    [Fact]
    public void Analyze_PageSnapshotOnly_IsAFailureWithoutACause()
    {
        var dir = Folder(("auth-signs-in-chromium", PageOnly));

        var report = new FailureAnalyzer().Analyze(dir);

        var failure = report.Classification.Failures.Should().ContainSingle().Subject;
        failure.Test.Should().Be("auth-signs-in-chromium");
        report.Classification.ErrorType.Should().Be(ErrorType.Unknown, "praxi's own words about a missing error are no evidence of a cause");
    }

    [Fact]
    public void Analyze_ConsoleOutputBesideErrorContext_ReadsOnlyTheConsole()
    {
        var dir = Folder(("orders-lists-my-orders-chromium", Sections));
        File.WriteAllText(Path.Combine(dir, "playwright.log"), """
              1) [chromium] › tests/orders.spec.ts:12:5 › orders › lists my orders ─────────────────────

                Error: locator.click: Timeout 5000ms exceeded.
                Call log:
                  - waiting for getByRole('link', { name: 'Orders' })

              1 failed
            """);

        var report = new FailureAnalyzer().Analyze(dir);

        report.Classification.Failures.Should().ContainSingle("the same failure is not counted twice");
        report.Sources.Should().NotContain(s => s.Format == LogFormat.PlaywrightErrorContext);
    }

    [Fact]
    public void Analyze_ServerLogWithoutATestBesideErrorContext_StillReadsTheErrorContext()
    {
        var dir = Folder(("orders-lists-my-orders-chromium", Sections));
        File.WriteAllText(Path.Combine(dir, "server.log"), "2026-03-04 10:00:01.120 INFO  GET /orders 200\n");

        var report = new FailureAnalyzer().Analyze(dir);

        report.Classification.Failures.Should().ContainSingle().Which.Test.Should().Be("orders.spec.ts >> orders >> lists my orders");
    }

    [Fact]
    public void Analyze_EmptyFolder_StillOneClearLine()
    {
        var dir = _temp.Subfolder();

        var act = () => new FailureAnalyzer().Analyze(dir);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("error-context.md").And.NotContain("\n");
    }
}
