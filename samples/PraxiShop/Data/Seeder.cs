using PraxiShop.Accounts;

namespace PraxiShop.Data;

/// <summary>Baseline data the end-to-end suites rely on: six products, an admin user and three orders.</summary>
internal static class Seeder
{
    public const string AdminEmail = "admin@praxishop.test";
    public const string AdminPassword = "Praxi-Admin-1!";

    private static readonly (string Sku, string Name, string Summary, string Description, int PriceCents, int Stock)[] Products =
    [
        ("trail-mug", "Trail Mug", "Enamel mug for camp coffee.", "A 350 ml enamel mug with a rolled rim. Survives campfires and dishwashers.", 1250, 40),
        ("canvas-tote", "Canvas Tote", "Heavy canvas tote bag.", "A 12 oz cotton canvas tote with an inner pocket and long handles.", 1800, 25),
        ("field-notebook", "Field Notebook", "Pocket notebook, dot grid.", "48 pages of dot-grid paper in a kraft cover that fits a back pocket.", 990, 120),
        ("enamel-pin-set", "Enamel Pin Set", "Three hard-enamel pins.", "Three hard-enamel pins: a mountain, a compass and a pine tree.", 750, 60),
        ("wool-beanie", "Wool Beanie", "Merino beanie, one size.", "A ribbed merino wool beanie that keeps its shape after washing.", 2400, 15),
        ("travel-kettle", "Travel Kettle", "Folding silicone kettle.", "A 0.6 litre folding kettle with a dual-voltage base.", 3900, 8),
    ];

    private static readonly (string Number, string Name, string Email, string Street, string City, string Postcode, int TotalCents, string Status, string CreatedAt)[] Orders =
    [
        ("ORD-1001", "Grace Hopper", "grace@example.test", "1 Harbour Road", "Arlington", "22201", 3050, "Shipped", "2025-11-02T09:15:00Z"),
        ("ORD-1002", "Alan Turing", "alan@example.test", "7 Bletchley Lane", "Milton Keynes", "MK3 6EB", 2400, "Shipped", "2025-11-03T14:40:00Z"),
        ("ORD-1003", "Katherine Johnson", "katherine@example.test", "12 Langley Street", "Hampton", "23666", 4890, "Processing", "2025-11-04T08:05:00Z"),
    ];

    public static async Task<string> SeedAsync(ShopDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var products = 0;
        foreach (var p in Products)
        {
            await using var command = connection.Sql(
                "INSERT INTO products (sku, name, summary, description, price_cents, stock) VALUES (@sku, @name, @summary, @description, @price, @stock) ON CONFLICT (sku) DO NOTHING",
                ("sku", p.Sku), ("name", p.Name), ("summary", p.Summary), ("description", p.Description), ("price", p.PriceCents), ("stock", p.Stock));
            command.Transaction = transaction;
            products += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var user = connection.Sql(
            "INSERT INTO users (email, display_name, password_hash, role) VALUES (@email, @name, @hash, @role) ON CONFLICT (email) DO NOTHING",
            ("email", AdminEmail), ("name", "Ada Admin"), ("hash", PasswordHashing.Hash(AdminPassword)), ("role", UserStore.AdminRole)))
        {
            user.Transaction = transaction;
            await user.ExecuteNonQueryAsync(cancellationToken);
        }

        var orders = 0;
        foreach (var o in Orders)
        {
            await using var command = connection.Sql(
                "INSERT INTO orders (number, customer_name, email, street, city, postcode, total_cents, status, created_at) VALUES (@number, @name, @email, @street, @city, @postcode, @total, @status, @created) ON CONFLICT (number) DO NOTHING",
                ("number", o.Number), ("name", o.Name), ("email", o.Email), ("street", o.Street), ("city", o.City), ("postcode", o.Postcode),
                ("total", o.TotalCents), ("status", o.Status), ("created", o.CreatedAt));
            command.Transaction = transaction;
            orders += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return $"{products} new product(s), {orders} new order(s), admin user {AdminEmail}";
    }
}
