using PraxiShop.Catalog;

namespace PraxiShop.Cart;

internal sealed record CartLine(Product Product, int Quantity)
{
    public int TotalCents => Product.PriceCents * Quantity;
}
