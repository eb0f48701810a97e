using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PraxiShop.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PraxiShop.E2E.Tests;

public sealed partial class AdminTests(BrowserFixture fixture) : PageTest(fixture)
{
    [Fact]
    public Task ListsRecentOrders() => WithPageAsync(async page =>
    {
        // The orders report must load within five seconds.
        await page.GotoAsync("/admin/orders", new() { Timeout = 5_000 });
        await Expect(page).ToHaveURLAsync(OrdersUrl());
        var orders = page.GetByRole(AriaRole.Table, new() { Name = "Orders" });
        await Expect(orders.GetByRole(AriaRole.Cell, new() { Name = "ORD-1001", Exact = true })).ToBeVisibleAsync();
    });

    [GeneratedRegex(@"/admin/orders$")]
    private static partial Regex OrdersUrl();
}
