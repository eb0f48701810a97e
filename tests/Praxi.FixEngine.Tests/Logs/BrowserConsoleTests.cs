using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class BrowserConsoleTests
{
    [Theory]
    [InlineData("[console] error: Failed to load resource: the server responded with a status of 404 ()")]
    [InlineData("console.error: Uncaught TypeError: Cannot read properties of null (reading 'x')")]
    [InlineData("Browser console: [warning] [Deprecation] Synchronous XMLHttpRequest on the main thread is deprecated")]
    [InlineData("    [browser] error: ReferenceError: gtag is not defined")]
    [InlineData("[2026-03-04T10:12:13.456Z] [SEVERE] https://cdn.example.net/app.js - Failed to load resource: net::ERR_NAME_NOT_RESOLVED")]
    [InlineData("browser log: SEVERE https://www.googletagmanager.com/gtag/js 0:0 Uncaught Error: blocked")]
    [InlineData("{'level': 'SEVERE', 'message': 'https://fonts.example.com/x.css - Failed to load resource', 'source': 'network'}")]
    [InlineData("      cons:error  ✘  Error: Minified React error #418")]
    [InlineData("> CONSOLE: Failed to load resource: net::ERR_BLOCKED_BY_CLIENT")]
    [InlineData("[pageerror] TypeError: Cannot read properties of undefined (reading 'push')")]
    [InlineData("Request failed: https://cdn.example.net/a.js (net::ERR_CONNECTION_REFUSED)")]
    [InlineData("[xUnit.net 00:00:12.34]     [console] error: Failed to load resource: net::ERR_NAME_NOT_RESOLVED")]
    [InlineData("Mixed Content: The page at 'https://shop.example/' was loaded over HTTPS, but requested an insecure image 'http://x.example/p.gif'.")]
    [InlineData("Refused to connect to 'https://stats.example.com/' because it violates the following Content Security Policy directive: \"connect-src 'self'\".")]
    public void IsContext_ConsoleOutputAboutAThirdParty_IsContext(string line)
    {
        BrowserConsole.IsConsoleLine(line).Should().BeTrue();
        BrowserConsole.IsContext(line).Should().BeTrue();
        NoiseLines.IsNoiseOrContext(line).Should().BeTrue();
    }

    [Theory]
    [InlineData("Error: page.goto: net::ERR_NAME_NOT_RESOLVED at https://staging.shop.example/")]
    [InlineData("Microsoft.Playwright.PlaywrightException : net::ERR_CONNECTION_REFUSED at http://127.0.0.1:42191/login")]
    [InlineData("OpenQA.Selenium.UnknownErrorException : unknown error: net::ERR_CONNECTION_REFUSED")]
    [InlineData("npm error code ENOTFOUND")]
    [InlineData("Error: getaddrinfo EAI_AGAIN registry.npmjs.org")]
    [InlineData("SEVERE: Servlet.service() for servlet [dispatcher] threw exception")]
    [InlineData("AxiosError: Request failed with status code 500")]
    public void IsConsoleLine_RunnerAndServerErrors_AreNotConsoleOutput(string line)
    {
        BrowserConsole.IsConsoleLine(line).Should().BeFalse();
        BrowserConsole.IsContext(line).Should().BeFalse();
    }

    [Theory]
    [InlineData("[console] error: Failed to load resource: net::ERR_CONNECTION_REFUSED (http://localhost:5000/api/orders)")]
    [InlineData("[2026-03-04T10:12:13.456Z] [SEVERE] http://127.0.0.1:4173/api/cart - Failed to load resource: the server responded with a status of 500 (Internal Server Error)")]
    public void IsContext_ConsoleOutputAboutTheLocalAppUnderTest_IsEvidence(string line)
    {
        BrowserConsole.IsConsoleLine(line).Should().BeTrue();
        BrowserConsole.IsContext(line).Should().BeFalse();
    }
}
