namespace PraxiShop.Cart;

internal sealed record ShippingRate(string Region, int Cents);
