using PraxiShop.Cart;
using PraxiShop.Catalog;
using PraxiShop.Layout;

namespace PraxiShop.Checkout;

internal static class CheckoutEndpoints
{
    public static void MapCheckout(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checkout", async (HttpContext context, PageRenderer renderer, ProductStore store, CancellationToken ct) =>
        {
            var cart = await CartSummary.LoadAsync(context.Request, store, renderer.Break, ct);
            return renderer.Page(context, "Checkout", CheckoutPage.Render(cart, CheckoutForm.Empty, [], renderer.AntiforgeryField(context), renderer.Break));
        });

        app.MapPost("/checkout", async (IFormCollection form, HttpContext context, PageRenderer renderer, ProductStore store, OrderStore orders, CancellationToken ct) =>
        {
            var cart = await CartSummary.LoadAsync(context.Request, store, renderer.Break, ct);
            var input = CheckoutForm.From(form);
            var errors = input.Validate();
            if (cart.IsEmpty || errors.Count > 0)
            {
                return renderer.Page(context, "Checkout", CheckoutPage.Render(cart, input, errors, renderer.AntiforgeryField(context), renderer.Break));
            }

            var number = await orders.PlaceAsync(input, cart, ct);
            context.Response.Cookies.Delete(CartCookie.Name);
            return Results.Redirect($"/orders/{Uri.EscapeDataString(number)}/confirmation");
        });

        app.MapGet("/orders/{number}/confirmation", async (string number, HttpContext context, PageRenderer renderer, OrderStore orders, CancellationToken ct) =>
            await orders.ExistsAsync(number, ct)
                ? renderer.Page(context, "Order placed", CheckoutPage.Confirmation(number))
                : renderer.Page(context, "Not found", "<h1>Order not found</h1>", StatusCodes.Status404NotFound));
    }
}
