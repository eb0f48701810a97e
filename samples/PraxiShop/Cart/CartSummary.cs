using PraxiShop.Breakage;
using PraxiShop.Catalog;

namespace PraxiShop.Cart;

/// <summary>Cart lines priced from the database, plus shipping for the store's region.</summary>
internal sealed record CartSummary(IReadOnlyList<CartLine> Lines, int ShippingCents)
{
    public int SubtotalCents => Lines.Sum(l => l.TotalCents);

    public int TotalCents => SubtotalCents + ShippingCents;

    public bool IsEmpty => Lines.Count == 0;

    public static async Task<CartSummary> LoadAsync(HttpRequest request, ProductStore store, BreakMode breakMode, CancellationToken cancellationToken)
    {
        var cart = CartCookie.Read(request);
        var lines = new List<CartLine>();
        foreach (var (sku, quantity) in cart.Lines)
        {
            if (await store.FindAsync(sku, cancellationToken) is { } product)
            {
                lines.Add(new CartLine(product, quantity));
            }
        }

        var shipping = lines.Count == 0 ? 0 : ShippingRates.For(ShippingRates.StoreRegion, breakMode).Cents;
        return new CartSummary(lines, shipping);
    }
}
