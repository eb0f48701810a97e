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
        app.MapPost(Path, Drain);

        // Also DeveloperAgent's route, so a CloudAgent can forward to it: the hop's transport cost alone.
        app.MapPost("/process-logs", Drain);
        await app.RunAsync().ConfigureAwait(false);
    }

    private static async Task Drain(HttpContext context)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"bytes\":{total}}}", context.RequestAborted).ConfigureAwait(false);
    }
}
