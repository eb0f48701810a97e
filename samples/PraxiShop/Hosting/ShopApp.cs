using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Console;
using PraxiShop.Accounts;
using PraxiShop.Admin;
using PraxiShop.Breakage;
using PraxiShop.Cart;
using PraxiShop.Catalog;
using PraxiShop.Checkout;
using PraxiShop.Data;
using PraxiShop.Health;
using PraxiShop.Layout;
using PraxiShop.Payments;

namespace PraxiShop.Hosting;

/// <summary>Builds and runs the shop, or runs one of its maintenance commands (<c>seed</c>, <c>migrate</c>).</summary>
internal static class ShopApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = command == "serve" ? args : args[1..];
        return command switch
        {
            "serve" => await ServeAsync(rest),
            "seed" => await DatabaseCommand.RunAsync(rest, seed: true),
            "migrate" => await DatabaseCommand.RunAsync(rest, seed: false),
            _ => Usage(command),
        };
    }

    private static int Usage(string command)
    {
        Console.Error.WriteLine($"praxishop: unknown command '{command}'. Use: serve (default) | seed | migrate");
        return 2;
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        // Content root = the build output, so `dotnet PraxiShop.dll` finds appsettings.json and wwwroot from any working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("PRAXISHOP_");

        builder.Logging.ClearProviders();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = false;
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });

        var breakMode = BreakMode.From(builder.Configuration);
        var database = DatabaseOptions.From(builder.Configuration);
        if (breakMode.Is(BreakMode.ServerDown))
        {
            // The deploy lost the payment provider's key: the options validation below stops the app at start.
            builder.Configuration["Payments:ApiKey"] = "";
        }

        builder.Services.AddSingleton(breakMode);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<ShopDatabase>();
        builder.Services.AddSingleton<ProductStore>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<PageRenderer>();
        builder.Services.AddOptions<PaymentOptions>()
            .Bind(builder.Configuration.GetSection("Payments"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddDataProtection()
            .SetApplicationName("PraxiShop")
            .PersistKeysToFileSystem(new DirectoryInfo(KeysPath(builder.Configuration, database)));
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "praxishop_csrf");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "praxishop_auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminEndpoints.Policy, p => p.RequireRole(UserStore.AdminRole));

        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PraxiShop");
        if (breakMode.IsActive)
        {
            StartupLog.BreakActive(log, breakMode.Name);
        }

        if (breakMode.Is(BreakMode.ExpiredAuth))
        {
            KeyRotation.RevokeAllAndCreateNew(app.Services, log);
        }

        if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            await SchemaMigrator.ApplyAsync(app.Services.GetRequiredService<ShopDatabase>(), CancellationToken.None);
        }

        app.UseExceptionHandler("/error");
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapErrorPage();
        app.MapCatalog();
        app.MapCart();
        app.MapCheckout();
        app.MapAccounts();
        app.MapAdmin();

        var description = database.Describe();
        StartupLog.DatabaseInUse(log, description);
        await app.RunAsync();
        return 0;
    }

    private static string KeysPath(ConfigurationManager configuration, DatabaseOptions database)
    {
        var configured = configuration["DataProtection:KeysPath"];
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine(database.DataDirectory, "keys") : configured;
    }
}
