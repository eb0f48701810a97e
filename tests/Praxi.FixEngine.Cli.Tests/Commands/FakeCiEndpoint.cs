using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Praxi.FixEngine.Cli.Tests.Commands;

/// <summary>
/// A CloudAgent stand-in on real Kestrel (127.0.0.1, port 0): records every request (headers and body) and answers
/// from a script (status, Retry-After, body), then with a 200 holding an analysis once the script runs out.
/// </summary>
internal sealed class FakeCiEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string Body)> _script = new();

    private FakeCiEndpoint(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<FakeCiEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var sut = new FakeCiEndpoint(app);
        app.MapPost("/api/ci/logs", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            sut.Requests.Enqueue(new RecordedRequest(
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            var (status, retryAfter, answer) = sut._script.TryDequeue(out var next) ? next : (200, null, Analysis);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            context.Response.ContentType = status == 200 ? "application/json" : "application/problem+json";
            await context.Response.WriteAsync(answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sut.Url = address + "/api/ci/logs";
        return sut;
    }

    /// <summary>A CloudAgent answer around a DeveloperAgent analysis whose evidence carries hostile text.</summary>
    public const string Analysis = """
        { "status": "received", "upstream": { "schema_version": 1, "run_id": "echo-1",
          "classification": { "error_type": "selector_not_found", "confidence": 0.93,
            "evidence": [{ "source": "playwright.log", "line": 41, "text": "waiting for locator('#login-btn')\u001b[2J" }],
            "failures": [{ "test": "login.spec.ts › signs in", "error_type": "selector_not_found" }] } } }
        """;

    public void Answer(int status, string? retryAfter = null, string body = """{"type":"about:blank","title":"Scripted","status":0,"detail":"scripted answer"}""") =>
        _script.Enqueue((status, retryAfter, body));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
