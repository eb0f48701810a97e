using System.Text.Json;
using PraxiShop.E2E.Infrastructure;

namespace PraxiShop.E2E.Tests;

[Collection(SharedBrowser.Name)]
public sealed class HealthTests(BrowserFixture fixture)
{
    [Fact]
    public async Task HealthEndpointAnswersOk()
    {
        var request = await fixture.Playwright.APIRequest.NewContextAsync(new() { BaseURL = fixture.Settings.BaseUrl });
        await using var _ = request;
        var response = await request.GetAsync("/api/health/");

        Assert.Equal(200, response.Status);
        using var body = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }
}
