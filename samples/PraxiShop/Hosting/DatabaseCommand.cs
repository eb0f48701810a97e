using PraxiShop.Data;

namespace PraxiShop.Hosting;

/// <summary><c>seed</c> (schema + baseline data) and <c>migrate</c> (schema only), run before the app starts.</summary>
internal static class DatabaseCommand
{
    public static async Task<int> RunAsync(string[] args, bool seed)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("PRAXISHOP_")
            .AddCommandLine(args)
            .Build();
        var options = DatabaseOptions.From(configuration);
        var database = new ShopDatabase(options);
        try
        {
            await SchemaMigrator.ApplyAsync(database, CancellationToken.None);
            if (seed)
            {
                var counts = await Seeder.SeedAsync(database, CancellationToken.None);
                Console.WriteLine($"praxishop: seeded {options.Describe()}: {counts}");
            }
            else
            {
                Console.WriteLine($"praxishop: schema applied to {options.Describe()}");
            }

            return 0;
        }
        catch (System.Data.Common.DbException ex)
        {
            Console.Error.WriteLine($"praxishop: {(seed ? "seed" : "migrate")} failed on {options.Describe()}: {ex.Message}");
            return 1;
        }
    }
}
