namespace PraxiShop.Data;

/// <summary>Which database the shop uses: PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, else a SQLite file.</summary>
internal sealed class DatabaseOptions
{
    private DatabaseOptions(string? postgres, string sqlitePath)
    {
        PostgresConnectionString = postgres;
        SqlitePath = sqlitePath;
    }

    public string? PostgresConnectionString { get; }

    public string SqlitePath { get; }

    public bool IsPostgres => PostgresConnectionString is not null;

    /// <summary>Where local state (the SQLite file, the data-protection keys by default) lives.</summary>
    public string DataDirectory => Path.GetDirectoryName(SqlitePath) ?? Path.GetTempPath();

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        var path = configuration["Database:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(Path.GetTempPath(), "praxishop", "praxishop.db");
        }

        return new DatabaseOptions(string.IsNullOrWhiteSpace(postgres) ? null : postgres, Path.GetFullPath(path));
    }

    public string Describe() => IsPostgres ? "PostgreSQL (ConnectionStrings:Postgres)" : $"SQLite {SqlitePath}";
}
