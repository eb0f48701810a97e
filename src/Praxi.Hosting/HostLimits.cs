using System.Globalization;
using Microsoft.Extensions.Configuration;
using Praxi.FixEngine;

namespace Praxi.Hosting;

/// <summary>
/// The limits a host enforces, from the <c>Limits</c> configuration section (<c>Limits__MaxBodyBytes</c> and so on).
/// </summary>
public sealed class HostLimits
{
    /// <summary>The default body cap: 25 MB.</summary>
    public const long DefaultMaxBodyBytes = 25L * 1024 * 1024;

    /// <summary>The default line cap: 256 KB.</summary>
    public const int DefaultMaxLineBytes = 256 * 1024;

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Requests handled at once; more wait in the queue.</summary>
    public int MaxConcurrentRequests { get; init; } = 16;

    /// <summary>Requests that may wait for a slot; past it they get 429 with <c>Retry-After</c>.</summary>
    public int QueueLimit { get; init; } = 64;

    /// <summary>The longest stored log line; longer ones are truncated with a marker and counted.</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;

    /// <summary>Seconds a refused client is told to wait (<c>Retry-After</c>).</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Reads the <c>Limits</c> section, checking every value.</summary>
    /// <exception cref="FixEngineException">A value is not a positive number.</exception>
    public static HostLimits FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Limits");
        return new HostLimits
        {
            MaxBodyBytes = Read(section, nameof(MaxBodyBytes), DefaultMaxBodyBytes, 1),
            MaxConcurrentRequests = (int)Read(section, nameof(MaxConcurrentRequests), 16, 1),
            QueueLimit = (int)Read(section, nameof(QueueLimit), 64, 0),
            MaxLineBytes = (int)Read(section, nameof(MaxLineBytes), DefaultMaxLineBytes, 64),
            RetryAfterSeconds = (int)Read(section, nameof(RetryAfterSeconds), 1, 1),
        };
    }

    private static long Read(IConfigurationSection section, string name, long fallback, long min)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > int.MaxValue && name != nameof(MaxBodyBytes))
        {
            throw new FixEngineException($"Limits__{name} must be a whole number of at least {min} (it is '{text}').");
        }

        return value;
    }
}
