using System.Globalization;
using PraxiShop.Catalog;
using PraxiShop.Layout;

namespace PraxiShop.Cart;

internal static class CartEndpoints
{
    public static void MapCart(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cart", async (HttpContext context, PageRenderer renderer, ProductStore store, CancellationToken ct) =>
        {
            var summary = await CartSummary.LoadAsync(context.Request, store, renderer.Break, ct);
            return renderer.Page(context, "Cart", CartPage.Render(summary, renderer.AntiforgeryField(context)));
        });

        app.MapPost("/cart/add", async (IFormCollection form, HttpContext context, ProductStore store, CancellationToken ct) =>
        {
            var sku = form["sku"].ToString();
            if (!CartCookie.IsSku(sku) || await store.FindAsync(sku, ct) is null)
            {
                return Results.BadRequest("Unknown product.");
            }

            if (!int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > 10)
            {
                quantity = 1;
            }

            var cart = CartCookie.Read(context.Request);
            cart.Add(sku, quantity);
            cart.Write(context.Response);
            return Results.Redirect("/cart");
        });

        app.MapPost("/cart/remove", (IFormCollection form, HttpContext context) =>
        {
            var cart = CartCookie.Read(context.Request);
            cart.Remove(form["sku"].ToString());
            cart.Write(context.Response);
            return Results.Redirect("/cart");
        });
    }
}
