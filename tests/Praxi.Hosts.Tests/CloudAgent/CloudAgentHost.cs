using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Praxi.CloudAgent;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>A CloudAgent on a real Kestrel at 127.0.0.1 (port 0, read back), with a client that knows its token.</summary>
internal sealed class CloudAgentHost : IAsyncDisposable
{
    public const string AgentToken = "cloud-agent-token-0123456789abcdef";
    public const string DeveloperToken = "developer-agent-token-0123456789ab";

    private readonly WebApplication _app;

    private CloudAgentHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts CloudAgent forwarding to <paramref name="upstream"/>, with settings on top of the defaults.</summary>
    public static async Task<CloudAgentHost> StartAsync(Uri upstream, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AGENT_TOKEN"] = AgentToken,
            ["DEVELOPER_AGENT_TOKEN"] = DeveloperToken,
            ["DEVELOPER_AGENT_URL"] = upstream.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = CloudAgentApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.ClearProviders();
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new CloudAgentHost(app, new Uri(app.Urls.Single()));
    }

    /// <summary>Posts <paramref name="body"/> to /api/ci/logs with CloudAgent's token (or <paramref name="authorization"/>).</summary>
    public Task<HttpResponseMessage> PostAsync(byte[] body, string? authorization = "Bearer " + AgentToken,
        string contentType = "application/json", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ci/logs") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string body) => PostAsync(Encoding.UTF8.GetBytes(body));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
