using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace PwFixtures;

public sealed class LoginTests : IAsyncLifetime
{
    private const string Html = """
        <!doctype html><html lang="en"><head><title>Acme</title></head><body>
        <h1>Welcome to Acme</h1>
        <form><label for="email">Email address</label><input id="email" type="email">
        <button type="submit">Log in</button>
        <button type="button" class="secondary">Cancel</button>
        <button type="button" class="secondary" hidden>Hidden one</button></form>
        </body></html>
        """;

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;
    private HttpListener _server = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _url = $"http://127.0.0.1:{port}/";
        _server = new HttpListener();
        _server.Prefixes.Add(_url);
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
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        });

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking"],
        });
        _page = await _browser.NewPageAsync();
        await _page.GotoAsync(_url);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _server.Close();
    }

    [Fact]
    public async Task MissingElement()
    {
        await _page.Locator("#gone").ClickAsync(new() { Timeout = 1500 });
    }

    [Fact]
    public async Task StrictModeViolation()
    {
        await _page.Locator("button.secondary").ClickAsync();
    }

    [Fact]
    public async Task RoleNameMismatch()
    {
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).FillAsync("x", new() { Timeout = 1500 });
    }

    [Fact]
    public async Task HeadingTextMismatch()
    {
        await Assertions.Expect(_page.Locator("h1")).ToHaveTextAsync("Welcome to Acme Corp", new() { Timeout = 1500 });
    }

    [Fact]
    public async Task PageObjectMissingCheckbox()
    {
        await new LoginPage(_page).RememberAsync();
    }

    [Fact]
    public async Task HeadingIsVisible()
    {
        await Assertions.Expect(_page.Locator("h1")).ToBeVisibleAsync();
    }
}
