using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Praxi.Hosting;

/// <summary>Wires what both hosts share: limits, overload refusal (429), problem+json errors, request logs, health.</summary>
public static partial class PraxiHosting
{
    private const string RunIdItem = "praxi.run_id";

    /// <summary>
    /// Reads <see cref="HostLimits"/>, sets Kestrel's body limit, and adds a concurrency limiter with a queue that
    /// refuses the overflow with 429 and <c>Retry-After</c> (health endpoints are never limited).
    /// </summary>
    /// <exception cref="Praxi.FixEngine.FixEngineException">A limit is invalid.</exception>
    public static HostLimits AddPraxiHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limits = HostLimits.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes + 1;
        });
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : Unauthenticated(context)
                    ? RateLimitPartition.GetNoLimiter("unauthenticated")
                    : RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.MaxConcurrentRequests,
                        QueueLimit = limits.QueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            options.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(ProblemResult.TooManyRequests(limits.RetryAfterSeconds).ExecuteAsync(rejected.HttpContext));
            };
        });
        return limits;
    }

    /// <summary>
    /// Adds, outermost first: the request log (method, path, status, duration, sizes, run id; never headers or bodies),
    /// the exception handler (500 problem+json with a trace id only), and the rate limiter.
    /// </summary>
    public static WebApplication UsePraxiHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Praxi.Hosting.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var runId = context.Items.TryGetValue(RunIdItem, out var item) ? item as string : null;
                    LogRequest(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Response.StatusCode,
                        elapsed, context.Request.ContentLength ?? -1, runId);
                }
            }
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                if (error is BadHttpRequestException bad)
                {
                    await new ProblemResult(bad.StatusCode, "bad_request", "Bad request", "The request could not be read.").ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }

                // Type and stack only: an exception's message may quote a stored log.
                LogUnhandled(logger, error?.GetType().FullName ?? "unknown", error?.StackTrace ?? string.Empty, context.TraceIdentifier);
                await ProblemResult.InternalError().ExecuteAsync(context).ConfigureAwait(false);
            },
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps <c>GET /api/health/</c>: liveness, always 200 <c>{"status":"ok"}</c> while the process serves.</summary>
    public static RouteHandlerBuilder MapPraxiHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet("/api/health/", () => Results.Json(new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = "ok" }))
            .WithName("Health")
            .DisableRateLimiting();
    }

    /// <summary>
    /// True for a request to a bearer endpoint without the right token: it gets its 401 before its body is read, so it
    /// takes no slot (a flood of bad tokens cannot push authenticated CI into 429s).
    /// </summary>
    private static bool Unauthenticated(HttpContext context)
    {
        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<BearerRequirement>();
        if (requirement is null)
        {
            return false;
        }

        var headers = context.Request.Headers.Authorization;
        return headers.Count != 1 || !requirement.Token.Accepts(headers[0]);
    }

    /// <summary>Records the run id of the request for its log line.</summary>
    public static void SetRunId(HttpContext context, string runId)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[RunIdItem] = runId;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HTTP {Method} {Path} -> {Status} in {ElapsedMs:0.0} ms, request {RequestBytes} bytes, run {RunId}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs, long requestBytes, string? runId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} (trace {TraceId}) at {Stack}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string stack, string traceId);
}
