using PraxiShop.Breakage;
using PraxiShop.Catalog;
using PraxiShop.Checkout;
using PraxiShop.Layout;

namespace PraxiShop.Admin;

internal static class AdminEndpoints
{
    public const string Policy = "Admin";

    /// <summary>How long the <c>slow-endpoint</c> breakage stalls /admin/orders (an unindexed query after a data migration).</summary>
    public static readonly TimeSpan SlowOrdersDelay = TimeSpan.FromSeconds(8);

    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization(Policy);

        admin.MapGet("/", async (HttpContext context, PageRenderer renderer, OrderStore orders, ProductStore products, CancellationToken ct) =>
        {
            var recent = await orders.RecentAsync(ct);
            var catalogue = await products.ListAsync(ct);
            return renderer.Page(context, "Dashboard", AdminPages.Dashboard(recent, catalogue.Count));
        });

        admin.MapGet("/orders", async (HttpContext context, PageRenderer renderer, OrderStore orders, BreakMode breakMode, CancellationToken ct) =>
        {
            if (breakMode.Is(BreakMode.SlowEndpoint))
            {
                await Task.Delay(SlowOrdersDelay, ct);
            }

            var recent = await orders.RecentAsync(ct);
            return renderer.Page(context, "Orders", AdminPages.Orders(recent));
        });
    }
}
