using System.Diagnostics;
using System.Text.Json;
using Praxi.FixEngine;
using Praxi.FixEngine.Ingest;

namespace Praxi.CloudAgent;

/// <summary>
/// The CloudAgent host: <c>POST /api/ci/logs</c> authenticates CI with <c>AGENT_TOKEN</c>, validates the run with
/// <see cref="CiRunPayloadReader"/> and forwards the original bytes to DeveloperAgent (<see cref="UpstreamForwarder"/>).
/// </summary>
internal static class CloudAgentApp
{
    /// <summary>The longest client <c>Idempotency-Key</c> accepted.</summary>
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>
    /// Builds the host from <paramref name="args"/> and the environment. <paramref name="configure"/> lets a test swap
    /// services (a fake <see cref="TimeProvider"/>) or settings before the host is built.
    /// </summary>
    /// <exception cref="FixEngineException">A required setting is missing or malformed.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        var ownToken = new BearerToken(builder.Configuration["AGENT_TOKEN"], "AGENT_TOKEN");
        var upstream = UpstreamSettings.From(builder.Configuration["DEVELOPER_AGENT_URL"], builder.Configuration["DEVELOPER_AGENT_TOKEN"], ownToken);
        var forwarding = new ForwardingOptions();
        builder.Configuration.GetSection(ForwardingOptions.Section).Bind(forwarding);
        if (forwarding.Problems().FirstOrDefault() is { } problem)
        {
            throw new FixEngineException(problem + ".");
        }

        builder.Services.AddSingleton(upstream);
        builder.Services.AddSingleton(forwarding);
        builder.Services.AddSingleton<UpstreamForwarder>();
        builder.Services.AddForwardingClient();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.MapGet("/api/health/", () => Results.Ok(new { status = "ok" }));
        app.MapPost("/api/ci/logs", (HttpContext http, UpstreamForwarder forwarder, ILoggerFactory logs) =>
            ReceiveAsync(http, ownToken, forwarder, logs.CreateLogger("Praxi.CloudAgent")));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, BearerToken ownToken, UpstreamForwarder forwarder, ILogger logger)
    {
        if (!ownToken.Accepts(http.Request.Headers.Authorization))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(401, "unauthorized", "Unauthorized", "A valid bearer token is required (Authorization: Bearer <AGENT_TOKEN>).");
        }

        var read = await HostingShim.ReadJsonBodyAsync(http).ConfigureAwait(false);
        if (read.Error is { } error)
        {
            return error;
        }

        var body = read.Body!;
        var result = CiRunPayloadReader.Read(body);
        var problems = result.Problems.ToList();
        var key = IdempotencyKey(http, result.Payload?.RunId, problems);
        if (problems.Count > 0 || result.Payload is null)
        {
            return Invalid(problems);
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = await forwarder.ForwardAsync(body, key!, http.RequestAborted).ConfigureAwait(false);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var runId = result.Payload.RunId;
        switch (outcome)
        {
            case ForwardResult.Accepted accepted:
                Log.Forwarded(logger, runId, body.Length, 200, elapsed);
                return Results.Json(new ReceivedAnswer("received", accepted.Answer), statusCode: 200);
            case ForwardResult.Refused refused:
                Log.NotForwarded(logger, runId, body.Length, refused.Status, "refused by DeveloperAgent", elapsed);
                return PassThrough(refused);
            case ForwardResult.Timeout timeout:
                Log.NotForwarded(logger, runId, body.Length, 504, "upstream timeout", elapsed);
                return Problem(504, "upstream_timeout", "Gateway Timeout", timeout.Detail);
            case ForwardResult.BadGateway bad:
                Log.NotForwarded(logger, runId, body.Length, 502, bad.Detail.StartsWith("circuit open", StringComparison.Ordinal) ? "circuit open" : "upstream failure", elapsed);
                return Problem(502, "bad_gateway", "Bad Gateway", bad.Detail);
            default:
                throw new UnreachableException();
        }
    }

    /// <summary>The client's own <c>Idempotency-Key</c> when it sent a well-formed one, else <c>run:&lt;run_id&gt;</c>.</summary>
    private static string? IdempotencyKey(HttpContext http, string? runId, List<PayloadProblem> problems)
    {
        var sent = http.Request.Headers["Idempotency-Key"];
        if (sent.Count == 0)
        {
            return runId is null ? null : "run:" + runId;
        }

        var key = sent.Count == 1 ? sent[0] : null;
        if (key is null || key.Length is 0 or > MaxIdempotencyKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            problems.Add(new PayloadProblem("Idempotency-Key", $"must be one value of 1 to {MaxIdempotencyKeyLength} visible ASCII characters"));
            return null;
        }

        return key;
    }

    private static IResult PassThrough(ForwardResult.Refused refused)
    {
        // DeveloperAgent's problem details go back as they are; an answer that is not problem+json is wrapped in one.
        if (refused.ContentType is { } type && type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) && IsJson(refused.Body))
        {
            return new RawJsonResult(refused.Status, "application/problem+json", refused.Body);
        }

        return Problem(refused.Status, "upstream_refused", "Refused by DeveloperAgent", $"DeveloperAgent refused the run with {refused.Status}.");
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static IResult Invalid(IReadOnlyList<PayloadProblem> problems) => Results.Problem(
        statusCode: 400,
        type: "https://praxi.dev/problems/invalid_payload",
        title: "Invalid payload",
        detail: $"The run payload has {problems.Count} problem(s).",
        extensions: new Dictionary<string, object?>
        {
            ["error"] = "invalid_payload",
            ["details"] = problems.Select(p => new { field = p.Field, problem = p.Problem }).ToArray(),
        });

    internal static IResult Problem(int status, string error, string title, string detail) => Results.Problem(
        statusCode: status,
        type: "https://praxi.dev/problems/" + error,
        title: title,
        detail: detail,
        extensions: new Dictionary<string, object?> { ["error"] = error });

    private sealed record ReceivedAnswer(string Status, JsonElement Upstream);

    private sealed class RawJsonResult(int status, string contentType, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
