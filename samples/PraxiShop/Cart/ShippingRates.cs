using PraxiShop.Breakage;

namespace PraxiShop.Cart;

internal static class ShippingRates
{
    public const string StoreRegion = "EU";

    private static readonly ShippingRate[] Rates = [new("EU", 490), new("UK", 690), new("US", 990)];

    /// <summary>
    /// The <c>backend-500</c> breakage ships a rate table without the store's own region, so the lookup throws
    /// (<c>Sequence contains no matching element</c>) on every page that prices the cart.
    /// </summary>
    public static ShippingRate For(string region, BreakMode breakMode)
    {
        var table = breakMode.Is(BreakMode.Backend500) ? Rates.Where(r => r.Region != StoreRegion) : Rates;
        return table.First(r => r.Region == region);
    }
}
