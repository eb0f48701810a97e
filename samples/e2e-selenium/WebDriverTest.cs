using System.Runtime.CompilerServices;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace PraxiShop.Selenium;

/// <summary>
/// Base class: a fresh headless Chromium per test through Debian's chromedriver (no Selenium Manager download),
/// 5 s implicit wait and page-load timeout. When a test body throws, the page source (dom.html) and a screenshot
/// go to PRAXISHOP_ARTIFACTS/&lt;Class.Method&gt;/ and the exception is rethrown for xunit and the TRX. With
/// PRAXI_KEEP_TRACES=1 a passing test writes dom.html there too: the page as it was at the end of the test (Selenium
/// has no trace, so this is the only DOM evidence of a green run, and only of its last page).
/// </summary>
public abstract class WebDriverTest
{
    protected void Run(Action<IWebDriver> body, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!File.Exists(DriverSettings.ChromiumPath) || !File.Exists(DriverSettings.ChromeDriverPath))
        {
            throw new InvalidOperationException(
                $"Chromium ({DriverSettings.ChromiumPath}) or chromedriver ({DriverSettings.ChromeDriverPath}) is missing: run samples/install-prereqs.sh.");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverSettings.ChromeDriverPath)!, Path.GetFileName(DriverSettings.ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = DriverSettings.ChromiumPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1280,900");
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(30));
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(10);
        var folder = Path.Combine(DriverSettings.ArtifactsPath, $"{GetType().Name}.{testName}");
        try
        {
            body(driver);
            if (DriverSettings.KeepTraces)
            {
                SavePageSource(driver, folder);
            }
        }
        catch
        {
            SaveEvidence(driver, folder);
            throw;
        }
        finally
        {
            driver.Quit();
        }
    }

    protected static string Url(string path) => DriverSettings.BaseUrl + path;

    /// <summary>A click does not wait for the navigation it starts: wait until the URL ends with <paramref name="pathEnd"/>.</summary>
    protected static void WaitForUrl(IWebDriver driver, string pathEnd)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!new Uri(driver.Url).AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new WebDriverTimeoutException($"Timed out after 5 s waiting for the URL to end with {pathEnd}; it is {driver.Url}");
            }

            Thread.Sleep(100);
        }
    }

    protected static void SignIn(IWebDriver driver)
    {
        driver.Navigate().GoToUrl(Url("/login"));
        driver.FindElement(By.Id("email")).SendKeys(DriverSettings.AdminEmail);
        driver.FindElement(By.Id("password")).SendKeys(DriverSettings.AdminPassword);
        driver.FindElement(By.XPath("//button[normalize-space()='Sign in']")).Click();
    }

    private static void SavePageSource(ChromeDriver driver, string folder)
    {
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "dom.html"), driver.PageSource);
        }
        catch (WebDriverException ex)
        {
            // The test passed: a page that cannot be read any more must not fail it.
            File.WriteAllText(Path.Combine(folder, "dump-error.txt"), ex.Message);
        }
    }

    private static void SaveEvidence(ChromeDriver driver, string folder)
    {
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "dom.html"), driver.PageSource);
            driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "screenshot.png"));
        }
        catch (WebDriverException ex)
        {
            File.WriteAllText(Path.Combine(folder, "dump-error.txt"), ex.Message);
        }
    }
}
