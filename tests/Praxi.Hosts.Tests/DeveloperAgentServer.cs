using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Praxi.DeveloperAgent;

namespace Praxi.Hosts.Tests;

/// <summary>A DeveloperAgent on real Kestrel at 127.0.0.1 with a port chosen by the system and its own storage root.</summary>
internal sealed class DeveloperAgentServer : IAsyncDisposable
{
    public const string Token = "dev-agent-token-0123456789abcdef";

    /// <summary>The CloudAgent's token: must never be accepted here.</summary>
    public const string CloudAgentToken = "cloud-agent-token-0123456789abcd";

    private readonly WebApplication _app;

    private DeveloperAgentServer(WebApplication app, string root)
    {
        _app = app;
        Root = root;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Root { get; }

    public string Logs => Path.Combine(Root, "logs");

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>An agent whose storage root is a new temp folder, removed when the server is disposed.</summary>
    public static Task<DeveloperAgentServer> StartAsync(params string[] settings) =>
        StartAtAsync(TempFolder.Create("agent").Path, settings);

    public static async Task<DeveloperAgentServer> StartAtAsync(string root, params string[] settings)
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--{DeveloperAgentApp.TokenSetting}={Token}",
            $"--Storage:Root={root}",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(settings.Select(s => "--" + s));
        var app = DeveloperAgentApp.Build([.. args]);
        await app.StartAsync();
        return new DeveloperAgentServer(app, root);
    }

    public async Task<HttpResponseMessage> PostAsync(string json, string? token = Token, string contentType = "application/json", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/process-logs")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Every file under the storage root, relative, with / separators (the empty staging folder has none).</summary>
    public List<string> AllFiles() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
