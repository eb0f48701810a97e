namespace PraxiShop.Checkout;

internal sealed record Order(string Number, string CustomerName, string Email, int TotalCents, string Status, string CreatedAt);
