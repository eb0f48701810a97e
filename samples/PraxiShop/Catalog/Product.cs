namespace PraxiShop.Catalog;

internal sealed record Product(string Sku, string Name, string Summary, string Description, int PriceCents, int Stock);
