using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SeFixtures;

public sealed class CheckoutTests : IDisposable
{
    private const string Html = """
        <!doctype html><html lang="en"><head><title>Acme checkout</title></head><body>
        <h1>Checkout</h1>
        <form><input id="card" name="card"><button type="submit" class="primary">Pay</button></form>
        </body></html>
        """;

    private readonly HttpListener _server = new();
    private readonly ChromeDriver _driver;

    public CheckoutTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}/";
        _server.Prefixes.Add(url);
        _server.Start();
        _ = Task.Run(async () =>
        {
            while (_server.IsListening)
            {
                try
                {
                    var ctx = await _server.GetContextAsync();
                    var body = Encoding.UTF8.GetBytes(Html);
                    ctx.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.Response.OutputStream.WriteAsync(body);
                    ctx.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });

        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        _driver = new ChromeDriver(service, options);
        _driver.Navigate().GoToUrl(url);
    }

    public void Dispose()
    {
        _driver.Quit();
        _server.Close();
    }

    [Fact]
    public void MissingElementById()
    {
        _driver.FindElement(By.Id("coupon")).SendKeys("SAVE10");
    }

    [Fact]
    public void WaitTimesOutOnCss()
    {
        var wait = new WebDriverWait(_driver, TimeSpan.FromSeconds(2));
        wait.Until(d => d.FindElement(By.CssSelector("button.confirm")).Displayed);
    }

    [Fact]
    public void PageObjectMissingButton()
    {
        new CheckoutPage(_driver).Pay();
    }

    [Fact]
    public void TitleMismatch()
    {
        Assert.Equal("Acme - Checkout", _driver.Title);
    }

    [Fact]
    public void CardFieldIsShown()
    {
        Assert.True(_driver.FindElement(By.Name("card")).Displayed);
    }
}
