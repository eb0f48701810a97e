using System.Net;

namespace Praxi.Hosts.Bench;

/// <summary>The yardstick: a minimal-API endpoint that reads the whole body and answers 200, nothing else.</summary>
internal static class BareEndpoint
{
    public const string Path = "/bare";

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, port);
            o.Limits.MaxRequestBodySize = 32L * 1024 * 1024;
        });
        var app = builder.Build();
        app.MapGet("/api/health/", () => Results.Ok());
        app.MapPost(Path, async (HttpContext context) =>
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return Results.Json(new Dictionary<string, long>(StringComparer.Ordinal) { ["bytes"] = total });
        });
        await app.RunAsync().ConfigureAwait(false);
    }
}
