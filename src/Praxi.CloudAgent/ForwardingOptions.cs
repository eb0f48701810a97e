namespace Praxi.CloudAgent;

/// <summary>
/// How CloudAgent forwards to DeveloperAgent (configuration section <c>Forwarding</c>, environment variables
/// <c>Forwarding__TotalTimeout</c> and so on). The defaults keep a forward within 10 s whatever the upstream does.
/// </summary>
internal sealed class ForwardingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Forwarding";

    /// <summary>The whole forward, every attempt and every wait included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One attempt: connect, send the body, read the answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Added to <see cref="AttemptTimeout"/> for each MB of body: DeveloperAgent stores and analyses the run before it
    /// answers, which takes seconds at 25 MB. The attempt timeout never exceeds <see cref="TotalTimeout"/>.
    /// </summary>
    public TimeSpan AttemptTimeoutPerMegabyte { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The attempt timeout for a body of <paramref name="bytes"/>.</summary>
    public TimeSpan AttemptTimeoutFor(long bytes)
    {
        var timeout = AttemptTimeout + (AttemptTimeoutPerMegabyte * (bytes / (1024.0 * 1024.0)));
        return timeout > TotalTimeout ? TotalTimeout : timeout;
    }

    /// <summary>Retries after the first attempt (so at most 1 + this many attempts).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between attempts, a <c>Retry-After</c> from upstream included.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The circuit opens when at least this share of the sampled attempts failed…</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>…within this window…</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>…and the window held at least this many attempts.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    /// <summary>How long the circuit stays open before one trial attempt (half-open).</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The checks run at start: a setting out of range stops the host with one line.</summary>
    public IEnumerable<string> Problems()
    {
        if (TotalTimeout <= TimeSpan.Zero || TotalTimeout > TimeSpan.FromMinutes(5))
        {
            yield return "Forwarding__TotalTimeout must be between 0 and 5 minutes";
        }

        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TotalTimeout)
        {
            yield return "Forwarding__AttemptTimeout must be positive and no longer than Forwarding__TotalTimeout";
        }

        if (AttemptTimeoutPerMegabyte < TimeSpan.Zero || AttemptTimeoutPerMegabyte > TimeSpan.FromSeconds(10))
        {
            yield return "Forwarding__AttemptTimeoutPerMegabyte must be between 0 and 10 seconds";
        }

        if (MaxRetryAttempts is < 0 or > 10)
        {
            yield return "Forwarding__MaxRetryAttempts must be between 0 and 10";
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay)
        {
            yield return "Forwarding__RetryBaseDelay must be >= 0 and <= Forwarding__MaxRetryDelay";
        }

        if (BreakerFailureRatio is <= 0 or > 1)
        {
            yield return "Forwarding__BreakerFailureRatio must be in (0, 1]";
        }

        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return "Forwarding__BreakerSamplingDuration must be at least 500 ms";
        }

        if (BreakerMinimumThroughput < 2)
        {
            yield return "Forwarding__BreakerMinimumThroughput must be at least 2";
        }

        if (BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return "Forwarding__BreakerBreakDuration must be at least 500 ms";
        }
    }
}
