using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Praxi.CloudAgent;

/// <summary>
/// The resilience pipeline of the forwarding <see cref="HttpClient"/>, outermost first: total timeout → retry →
/// circuit breaker → per-attempt timeout. The breaker sits inside the retry so that every attempt counts towards its
/// failure ratio, and a refusal by an open breaker (<see cref="BrokenCircuitException"/>) is not retried.
/// </summary>
internal static class ForwardingPipeline
{
    /// <summary>The named HttpClient and its resilience pipeline.</summary>
    public const string ClientName = "developer-agent";

    /// <summary>Registers the forwarding client and its pipeline.</summary>
    public static IHttpClientBuilder AddForwardingClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient(ClientName, static (provider, http) =>
        {
            // The pipeline owns time; this is only a backstop for reading the answer's body after the pipeline is done.
            var options = provider.GetRequiredService<ForwardingOptions>();
            http.Timeout = options.TotalTimeout + TimeSpan.FromSeconds(1);
            http.MaxResponseContentBufferSize = 64L * 1024 * 1024;
        });
        // A redirect is not followed: DeveloperAgent never redirects, and a POST must not turn into a GET elsewhere.
        client.ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        });
        client.AddResilienceHandler("forwarding", static (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<ForwardingOptions>();

            // Explicit, so a TimeProvider registered in DI (FakeTimeProvider in the tests) drives every delay and timeout.
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            builder.TimeProvider = time;
            Configure(builder, options, time, context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForwardingPipeline)));
        });
        return client;
    }

    /// <summary>Adds the four strategies to <paramref name="builder"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ForwardingOptions options, TimeProvider time, ILogger logger)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                ShouldRetryAfterHeader = false,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time, options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    Log.Retrying(logger, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "breaker",
                FailureRatio = options.BreakerFailureRatio,
                SamplingDuration = options.BreakerSamplingDuration,
                MinimumThroughput = options.BreakerMinimumThroughput,
                BreakDuration = options.BreakerBreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnOpened = args =>
                {
                    Log.CircuitOpened(logger, args.BreakDuration.TotalSeconds, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    Log.CircuitHalfOpened(logger);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    Log.CircuitClosed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "attempt",
                Timeout = options.AttemptTimeout,
                TimeoutGenerator = args => ValueTask.FromResult(AttemptTimeout(args.Context)),
            });

        TimeSpan AttemptTimeout(ResilienceContext context) =>
            options.AttemptTimeoutFor(context.GetRequestMessage()?.Content?.Headers.ContentLength ?? 0);
    }

    /// <summary>Worth another attempt: 408, 429, any 5xx, a transport error or an attempt that timed out. Never other 4xx.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: not null } => false,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    /// <summary>408, 429 and 5xx.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// The wait the upstream asked for in <c>Retry-After</c> (seconds or a date), capped at <paramref name="cap"/> so that
    /// the retries stay within the total timeout; null (the jittered exponential backoff) when there is none.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => null,
        };
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name : $"HTTP {(int)(outcome.Result?.StatusCode ?? 0)}";
}

/// <summary>The forwarding log lines: statuses, counts and durations only, never tokens or log text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Forward attempt {Attempt} follows {Outcome} after {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, string outcome, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Circuit to DeveloperAgent opened for {Seconds} s after {Outcome}")]
    public static partial void CircuitOpened(ILogger logger, double seconds, string outcome);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Circuit to DeveloperAgent half-open: one trial attempt")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Circuit to DeveloperAgent closed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Run {RunId} ({Bytes} bytes) forwarded: {Status} in {ElapsedMs} ms")]
    public static partial void Forwarded(ILogger logger, string runId, int bytes, int status, long elapsedMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Run {RunId} ({Bytes} bytes) not forwarded: {Status} {Reason} in {ElapsedMs} ms")]
    public static partial void NotForwarded(ILogger logger, string runId, int bytes, int status, string reason, long elapsedMs);
}
