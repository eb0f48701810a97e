using PraxiShop.Data;

namespace PraxiShop.Accounts;

internal sealed class UserStore(ShopDatabase database)
{
    public const string AdminRole = "Admin";

    public async Task<ShopUser?> FindAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT email, display_name, password_hash, role FROM users WHERE email = @email", ("email", email.ToLowerInvariant()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ShopUser(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }
}
