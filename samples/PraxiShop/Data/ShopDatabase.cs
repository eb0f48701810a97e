using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PraxiShop.Data;

/// <summary>Opens connections to SQLite or PostgreSQL; the SQL the shop runs is portable between the two.</summary>
internal sealed class ShopDatabase(DatabaseOptions options)
{
    public DatabaseOptions Options { get; } = options;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection;
        if (Options.IsPostgres)
        {
            connection = new NpgsqlConnection(Options.PostgresConnectionString);
        }
        else
        {
            Directory.CreateDirectory(Options.DataDirectory);
            var builder = new SqliteConnectionStringBuilder { DataSource = Options.SqlitePath, ForeignKeys = true };
            connection = new SqliteConnection(builder.ToString());
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
