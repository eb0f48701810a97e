using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class FailureFactsTests
{
    [Theory]
    [InlineData("TimeoutError: locator.click: Timeout 1500ms exceeded.", "locator.click")]
    [InlineData("Error: page.goto: net::ERR_CONNECTION_REFUSED at http://localhost:3000/", "page.goto")]
    [InlineData("playwright._impl._errors.TimeoutError: Locator.click: Timeout 30000ms exceeded.", "Locator.click")]
    [InlineData("playwright._impl._errors.Error: Page.fill: Target page, context or browser has been closed", "Page.fill")]
    [InlineData("Error: expect(locator).toHaveText(expected) failed", "toHaveText")]
    [InlineData("Error: expect(page).not.toHaveURL(expected) failed", "toHaveURL")]
    [InlineData("  - Expect \"toBeVisible\" with timeout 5000ms", "toBeVisible")]
    [InlineData("  - Expect \"ToBeVisibleAsync\" with timeout 5000ms", "ToBeVisibleAsync")]
    [InlineData("  - LocatorAssertions.to_be_visible with timeout 5000ms", "to_be_visible")]
    [InlineData("  - expect.toBeVisible with timeout 5000ms", "toBeVisible")]
    [InlineData("   at Microsoft.Playwright.Core.Locator.FillAsync(String value, LocatorFillOptions options) in /_/src/Playwright/Core/Locator.cs:line 227", "FillAsync")]
    public void From_ActionForms_ReadsTheAction(string line, string action)
    {
        FailureFacts.From([line]).Action.Should().Be(action);
    }

    [Fact]
    public void From_DotNetStack_TakesTheOutermostApiFrameBeforeTheTest()
    {
        string[] lines =
        [
            "   at Microsoft.Playwright.Core.Frame.ClickAsync(String selector, FrameClickOptions options) in /_/src/Playwright/Core/Frame.cs:line 540",
            "   at Microsoft.Playwright.Core.Locator.ClickAsync(LocatorClickOptions options) in /_/src/Playwright/Core/Locator.cs:line 120",
            "   at Shop.Tests.LoginTests.SignsIn() in /src/Shop.Tests/LoginTests.cs:line 46",
            "   at Microsoft.Playwright.Core.Locator.FillAsync(String value) in /_/src/Playwright/Core/Locator.cs:line 200",
        ];

        var sut = FailureFacts.From(lines);

        sut.Action.Should().Be("ClickAsync");
        (sut.Frame!.File, sut.Frame.Line).Should().Be(("/src/Shop.Tests/LoginTests.cs", 46));
    }

    [Theory]
    [InlineData("  - waiting for locator('#x')", "locator('#x')")]
    [InlineData("  - waiting for getByRole('button', { name: 'Save' }) to be visible", "getByRole('button', { name: 'Save' })")]
    [InlineData("  - waiting for Locator(\".mud-button-root\").First", "Locator(\".mud-button-root\").First")]
    [InlineData("  - waiting for GetByRole(AriaRole.Button, new() { Name = \"Sign in\" })", "GetByRole(AriaRole.Button, new() { Name = \"Sign in\" })")]
    [InlineData("E     - waiting for get_by_role(\"button\", name=\"Save\")", "get_by_role(\"button\", name=\"Save\")")]
    [InlineData("Locator:  locator('h1')", "locator('h1')")]
    [InlineData("  - Expect \"toHaveText\" locator('h1') with timeout 1500ms", "locator('h1')")]
    [InlineData("Error: strict mode violation: locator('button.secondary') resolved to 2 elements:", "locator('button.secondary')")]
    [InlineData("locator.click: Error: strict mode violation: \"//button[text()='30']\" resolved to 2 elements:", "\"//button[text()='30']\"")]
    [InlineData("no such element: Unable to locate element: {\"method\":\"css selector\",\"selector\":\"#login\"}", "{\"method\":\"css selector\",\"selector\":\"#login\"}")]
    [InlineData("org.openqa.selenium.TimeoutException: Expected condition failed: waiting for visibility of element located by By.id: login (tried for 10 second(s))", "By.id: login")]
    [InlineData("Timed out retrying after 4000ms: Expected to find element: `#login`, but never found it.", "#login")]
    [InlineData("TimeoutError: Waiting for selector `#login` failed: Waiting failed: 30000ms exceeded", "#login")]
    [InlineData("waiting for selector \"#login\" to be visible", "#login")]
    public void From_LocatorForms_ReadsTheExpressionAsWritten(string line, string selector)
    {
        FailureFacts.From([line]).Selector.Should().Be(selector);
    }

    [Theory]
    [InlineData("  - waiting for navigation to finish...")]
    [InlineData("  - waiting for element to be visible, enabled and stable")]
    [InlineData("waiting for \"load\" event")]
    public void From_WaitingForSomethingElse_NoSelector(string line)
    {
        FailureFacts.From([line]).Selector.Should().BeNull();
    }

    [Theory]
    [InlineData("Timeout 1500ms exceeded.", 1500)]
    [InlineData("Test timeout of 30000ms exceeded.", 30000)]
    [InlineData("  - Expect \"toBeVisible\" with timeout 5000ms", 5000)]
    [InlineData("Timeout:  5000ms", 5000)]
    [InlineData("Timed out 5000ms waiting for expect(locator).toBeVisible()", 5000)]
    [InlineData("OpenQA.Selenium.WebDriverTimeoutException : Timed out after 10 seconds", 10000)]
    [InlineData("selenium.common.exceptions.TimeoutException: Message: timed out after 2.5 seconds", 2500)]
    [InlineData("Timed out retrying after 4000ms: Expected to find element", 4000)]
    [InlineData("thrown: \"Exceeded timeout of 5000 ms for a test.", 5000)]
    [InlineData("Error: Timed out waiting 60000ms from config.webServer.", 60000)]
    [InlineData("Waiting failed: 30000ms exceeded", 30000)]
    [InlineData("waiting for visibility of element located by By.id: login (tried for 10 second(s) with 500 milliseconds interval)", 10000)]
    [InlineData("element (\"#pay-now\") still not displayed after 5000ms", 5000)]
    [InlineData("element (\"#cart\") still not existing after 3000 ms", 3000)]
    public void Timeout_Forms_InMilliseconds(string line, int ms)
    {
        FailureFacts.Timeout(line).Should().Be(ms);
    }

    [Theory]
    [InlineData("    at /repo/e2e/login.spec.ts:9:31", "/repo/e2e/login.spec.ts", 9, 31)]
    [InlineData("    at LoginPage.submit (/repo/e2e/pages/login-page.ts:12:20)", "/repo/e2e/pages/login-page.ts", 12, 20)]
    [InlineData("    at Context.eval (webpack:///./cypress/e2e/login.cy.ts:12:8)", "cypress/e2e/login.cy.ts", 12, 8)]
    [InlineData("   at Shop.Tests.LoginTests.SignsIn() in /src/Shop.Tests/LoginTests.cs:line 46", "/src/Shop.Tests/LoginTests.cs", 46, null)]
    [InlineData("   at Shop.E2E.CheckoutPage.PayAsync() in D:\\a\\shop\\shop\\Shop.E2E\\CheckoutPage.cs:line 8", "D:\\a\\shop\\shop\\Shop.E2E\\CheckoutPage.cs", 8, null)]
    [InlineData("  File \"/app/tests/test_login.py\", line 12, in test_sign_in", "/app/tests/test_login.py", 12, null)]
    [InlineData("tests/e2e/test_login.py:12: in test_sign_in", "tests/e2e/test_login.py", 12, null)]
    [InlineData("tests/conftest.py:14: ", "tests/conftest.py", 14, null)]
    [InlineData("\tat com.acme.LoginTest.signsIn(LoginTest.java:41)", "com/acme/LoginTest.java", 41, null)]
    [InlineData("   at Microsoft.AspNetCore.Tests.RoutingTests.Maps() in /_/test/RoutingTests.cs:line 66", "/_/test/RoutingTests.cs", 66, null)]
    [InlineData("  File \"/app/orders/tests.py\", line 18, in test_checkout", "/app/orders/tests.py", 18, null)]
    public void From_FrameSyntaxes_PicksTheTestFrame(string line, string file, int lineNumber, int? column)
    {
        var frame = FailureFacts.From([line]).Frame;

        frame.Should().NotBeNull();
        (frame!.File, frame.Line, frame.Column).Should().Be((file, lineNumber, column));
    }

    [Theory]
    [InlineData("    at /repo/node_modules/@playwright/test/lib/index.js:9:31")]
    [InlineData("    at processTicksAndRejections (node:internal/process/task_queues:95:5)")]
    [InlineData("   at Microsoft.Playwright.Transport.Connection.InnerSendMessageToServerAsync[T](ChannelOwner object) in /_/src/Playwright/Transport/Connection.cs:line 231")]
    [InlineData("   at System.Threading.Tasks.Task.Wait() in /repo/Tests/Task.cs:line 3")]
    [InlineData(".venv/lib/python3.11/site-packages/playwright/_impl/_connection.py:528: in wrap_api_call")]
    [InlineData("\tat org.openqa.selenium.remote.RemoteWebDriver.findElement(RemoteWebDriver.java:350)")]
    [InlineData("    at /repo/src/server/app.ts:10:3")]
    [InlineData("    at handler (/var/task/.next/server/pages/api/orders.js:58:80)")]
    public void From_FrameworkOrAppFrames_NoTestFrame(string line)
    {
        FailureFacts.From([line]).Frame.Should().BeNull();
    }

    [Fact]
    public void From_CodeFrameOnly_ReadsLineAndCaretColumn()
    {
        string[] lines =
        [
            "       8 | test('locator matches nothing', async ({ page }) => {",
            "    >  9 |   await page.locator('#gone').click({ timeout: 1500 });",
            "         |                               ^",
        ];

        var sut = FailureFacts.From(lines);

        (sut.CodeFrameLine, sut.CodeFrameColumn).Should().Be((9, 31));
        sut.Frame.Should().BeNull();
    }
}
