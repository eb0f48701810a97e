namespace PraxiShop.Data;

/// <summary>Applies the schema script for the configured provider (idempotent: CREATE TABLE IF NOT EXISTS).</summary>
internal static class SchemaMigrator
{
    public static async Task ApplyAsync(ShopDatabase database, CancellationToken cancellationToken)
    {
        var resource = database.Options.IsPostgres ? "PraxiShop.Sql.schema.postgres.sql" : "PraxiShop.Sql.schema.sqlite.sql";
        await using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema script {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var script = await reader.ReadToEndAsync(cancellationToken);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(script);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
