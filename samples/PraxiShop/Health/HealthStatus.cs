namespace PraxiShop.Health;

internal sealed record HealthStatus(string Status, string Service);
