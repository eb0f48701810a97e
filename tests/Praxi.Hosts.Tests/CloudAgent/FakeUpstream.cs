using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>
/// A DeveloperAgent stand-in on a real Kestrel at 127.0.0.1: every request is recorded (bytes, headers, time) and
/// answered by the next scripted fault, or by a 200 with a small analysis once the script is used up.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _script = new();

    private FakeUpstream(WebApplication app) => _app = app;

    /// <summary>What one request got.</summary>
    public abstract record Fault
    {
        /// <summary>Answer with this status, optional Retry-After (seconds) and problem+json body.</summary>
        public sealed record Status(int Code, int? RetryAfterSeconds = null) : Fault;

        /// <summary>Wait this long (or until the caller gives up), then answer 200.</summary>
        public sealed record Delay(TimeSpan Wait) : Fault;

        /// <summary>Abort the connection without an answer (a reset).</summary>
        public sealed record Reset : Fault;
    }

    /// <summary>One received request.</summary>
    public sealed record Received(byte[] Body, string? IdempotencyKey, string? Authorization, string? ContentType, TimeSpan At);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The status every request gets once the script is empty (200 by default).</summary>
    public int DefaultStatus { get; set; } = 200;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public static async Task<FakeUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new FakeUpstream(app);
        app.MapPost("/process-logs", upstream.HandleAsync);
        await app.StartAsync();
        upstream.BaseAddress = new Uri(app.Urls.Single());
        return upstream;
    }

    public void Script(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _script.Enqueue(fault);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        Requests.Enqueue(new Received(buffer.ToArray(), http.Request.Headers["Idempotency-Key"].ToString(),
            http.Request.Headers.Authorization.ToString(), http.Request.ContentType, _clock.Elapsed));

        var fault = _script.TryDequeue(out var next) ? next : new Fault.Status(DefaultStatus);
        switch (fault)
        {
            case Fault.Reset:
                http.Abort();
                return;
            case Fault.Delay delay:
                try
                {
                    await Task.Delay(delay.Wait, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await AnswerAsync(http, 200, null);
                return;
            case Fault.Status status:
                await AnswerAsync(http, status.Code, status.RetryAfterSeconds);
                return;
        }
    }

    private static async Task AnswerAsync(HttpContext http, int status, int? retryAfter)
    {
        http.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (status is >= 300 and < 400)
        {
            // Somewhere a client that follows redirects would go (and find nothing: 404).
            http.Response.Headers.Location = "/elsewhere";
        }

        if (status == 204)
        {
            return;
        }

        if (status is >= 200 and < 300)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"schema_version":1,"run_id":"fake","classification":{"error_type":"selector_not_found","confidence":0.9}}""");
        }
        else
        {
            http.Response.ContentType = "application/problem+json";
            await http.Response.WriteAsync($$"""{"type":"https://praxi.dev/problems/upstream-{{status}}","title":"upstream says {{status}}","status":{{status}},"detail":"scripted by the fake upstream"}""");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
