using System.Globalization;
using PraxiShop.Cart;
using PraxiShop.Data;

namespace PraxiShop.Checkout;

internal sealed class OrderStore(ShopDatabase database, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<string> PlaceAsync(CheckoutForm form, CartSummary cart, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.Sql(
            "INSERT INTO orders (number, customer_name, email, street, city, postcode, total_cents, status, created_at) VALUES (@number, @name, @email, @street, @city, @postcode, @total, 'Processing', @created) RETURNING id",
            ("number", "pending-" + Guid.NewGuid().ToString("N")), ("name", form.FullName), ("email", form.Email), ("street", form.Street),
            ("city", form.City), ("postcode", form.Postcode), ("total", cart.TotalCents),
            ("created", _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        insert.Transaction = transaction;
        var id = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var number = "ORD-" + (1000 + id).ToString(CultureInfo.InvariantCulture);

        await using (var update = connection.Sql("UPDATE orders SET number = @number WHERE id = @id", ("number", number), ("id", id)))
        {
            update.Transaction = transaction;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var line in cart.Lines)
        {
            await using var lineInsert = connection.Sql(
                "INSERT INTO order_lines (order_id, sku, quantity, unit_price_cents) VALUES (@id, @sku, @qty, @price)",
                ("id", id), ("sku", line.Product.Sku), ("qty", line.Quantity), ("price", line.Product.PriceCents));
            lineInsert.Transaction = transaction;
            await lineInsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return number;
    }

    public async Task<IReadOnlyList<Order>> RecentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT number, customer_name, email, total_cents, status, created_at FROM orders ORDER BY id DESC LIMIT 50");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(new Order(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5)));
        }

        return orders;
    }

    public async Task<bool> ExistsAsync(string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT COUNT(*) FROM orders WHERE number = @number", ("number", number));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }
}
