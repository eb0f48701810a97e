using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Praxi.FixEngine;
using Praxi.Ingest;
using Praxi.Hosting;

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

        var limits = builder.AddPraxiHosting();
        var ownToken = HostStartup.RequireToken(builder.Configuration, "AGENT_TOKEN");
        var upstream = UpstreamSettings.From(builder.Configuration["DEVELOPER_AGENT_URL"], builder.Configuration["DEVELOPER_AGENT_TOKEN"], ownToken);
        var forwarding = new ForwardingOptions();
        try
        {
            builder.Configuration.GetSection(ForwardingOptions.Section).Bind(forwarding);
        }
        catch (InvalidOperationException)
        {
            throw new FixEngineException("a Forwarding__* setting is not a valid value (times as hh:mm:ss, e.g. 00:00:03; counts as whole numbers; ratios as 0.5).");
        }

        if (forwarding.Problems().FirstOrDefault() is { } problem)
        {
            throw new FixEngineException(problem + ".");
        }

        builder.Services.AddSingleton(upstream);
        builder.Services.AddSingleton(forwarding);
        builder.Services.AddSingleton<UpstreamForwarder>();
        builder.Services.AddForwardingClient();

        var app = builder.Build();
        app.UsePraxiHosting();
        app.MapPraxiHealth();
        app.MapPost("/api/ci/logs", (HttpContext http, UpstreamForwarder forwarder, ILoggerFactory logs) =>
                ReceiveAsync(http, limits, forwarder, logs.CreateLogger("Praxi.CloudAgent")))
            .RequireBearer(ownToken);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, HostLimits limits, UpstreamForwarder forwarder, ILogger logger)
    {
        var read = await JsonBody.ReadAsync(http, limits.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (read.Error is { } error)
        {
            return error;
        }

        var body = MemoryMarshal.TryGetArray(read.Bytes, out var segment) ? segment : new ArraySegment<byte>(read.Bytes.ToArray());
        var result = CiRunPayloadReader.Read(read.Bytes);
        var problems = result.Problems.ToList();
        var key = IdempotencyKey(http, result.Payload?.RunId, problems);
        if (problems.Count > 0 || result.Payload is null)
        {
            return ProblemResult.InvalidPayload(problems);
        }

        PraxiHosting.SetRunId(http, result.Payload.RunId);

        var started = Stopwatch.GetTimestamp();
        var outcome = await forwarder.ForwardAsync(body, key!, http.RequestAborted).ConfigureAwait(false);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var runId = result.Payload.RunId;
        switch (outcome)
        {
            case ForwardResult.Accepted accepted:
                Log.Forwarded(logger, runId, body.Count, 200, elapsed);
                return Results.Json(new ReceivedAnswer("received", accepted.Answer), statusCode: 200);
            case ForwardResult.Refused refused:
                Log.NotForwarded(logger, runId, body.Count, refused.Status, "refused by DeveloperAgent", elapsed);
                return PassThrough(refused);
            case ForwardResult.Timeout timeout:
                Log.NotForwarded(logger, runId, body.Count, 504, "upstream timeout", elapsed);
                return Problem(504, "upstream_timeout", "Gateway Timeout", timeout.Detail);
            case ForwardResult.BadGateway bad:
                Log.NotForwarded(logger, runId, body.Count, 502, bad.CircuitOpen ? "circuit open" : "upstream failure", elapsed);
                return bad.CircuitOpen
                    ? Problem(502, "circuit_open", "Bad Gateway: circuit open", bad.Detail)
                    : Problem(502, "bad_gateway", "Bad Gateway", bad.Detail);
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

    private static ProblemResult Problem(int status, string error, string title, string detail)
    {
        var problem = new ProblemResult(status, error, title, detail);
        problem.Extensions["error"] = error;
        return problem;
    }

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
