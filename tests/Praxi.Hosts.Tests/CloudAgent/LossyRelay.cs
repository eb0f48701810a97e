using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>
/// A relay between CloudAgent and a real DeveloperAgent that loses answers: for the first <see cref="LoseAnswers"/>
/// requests it forwards the request, lets DeveloperAgent store the run, then resets the connection instead of
/// answering, so CloudAgent retries a run that is already stored.
/// </summary>
internal sealed class LossyRelay : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _target;
    private int _lost;

    private LossyRelay(WebApplication app, Uri target)
    {
        _app = app;
        _target = new HttpClient { BaseAddress = target };
    }

    public int LoseAnswers { get; set; }

    public ConcurrentQueue<(string? IdempotencyKey, int UpstreamStatus, bool Lost)> Seen { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<LossyRelay> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var relay = new LossyRelay(app, target);
        app.MapPost("/process-logs", relay.HandleAsync);
        await app.StartAsync();
        relay.BaseAddress = new Uri(app.Urls.Single());
        return relay;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/process-logs") { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", http.Request.ContentType);
        request.Headers.TryAddWithoutValidation("Authorization", http.Request.Headers.Authorization.ToString());
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await _target.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();

        var lose = Interlocked.Increment(ref _lost) <= LoseAnswers;
        Seen.Enqueue((key, (int)response.StatusCode, lose));
        if (lose)
        {
            http.Abort();
            return;
        }

        http.Response.StatusCode = (int)response.StatusCode;
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await http.Response.Body.WriteAsync(answer);
    }

    public async ValueTask DisposeAsync()
    {
        _target.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
