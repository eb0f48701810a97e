namespace Praxi.Ingest.ShipLogs;

/// <summary>
/// What <c>praxi ship-logs</c> was asked: the artifacts folder, the endpoint and the token, as given. Everything is
/// checked by <see cref="ShipLogsClient.ShipAsync"/> before anything is read or sent; the messages name the command's
/// options (<c>--url</c>, <c>--max-bytes</c>, …) because that is where a wrong value comes from.
/// </summary>
public sealed record ShipLogsRequest
{
    /// <summary>The hosts' default body cap; decimal megabytes, so it is under the cap whichever way a host counts.</summary>
    public const long DefaultMaxBytes = 25_000_000;

    /// <summary>The failed run's artifacts folder (logs, reports, traces, DOM dumps).</summary>
    public required string ArtifactsFolder { get; init; }

    /// <summary>The endpoint as given (<c>--url</c>): an absolute http(s) URL without credentials.</summary>
    public required string Url { get; init; }

    /// <summary>The environment variable the token was read from (<c>--token-env</c>), for messages.</summary>
    /// <value>The default is <c>AGENT_TOKEN</c>.</value>
    public string TokenVariable { get; init; } = "AGENT_TOKEN";

    /// <summary>The bearer token read from <see cref="TokenVariable"/>; null when it is not set.</summary>
    public string? Token { get; init; }

    /// <summary>The run id (<c>--run-id</c>); null to take GitHub Actions' <c>GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT</c>, else <c>local-&lt;utc stamp&gt;</c>.</summary>
    public string? RunId { get; init; }

    /// <summary>The largest body to send (<c>--max-bytes</c>); files are skipped or logs cut to their tail to stay under it.</summary>
    /// <value>The default is <see cref="DefaultMaxBytes"/>; at least 1024.</value>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Seconds to wait for each attempt (<c>--timeout</c>).</summary>
    /// <value>The default is 60; more than 0 and at most 3600.</value>
    public double TimeoutSeconds { get; init; } = 60;

    /// <summary>Retries after the first attempt (<c>--retries</c>), on 408, 429, 5xx, timeouts and transport errors.</summary>
    /// <value>The default is 3; 0 to 10.</value>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's backoff, doubled each retry with ±20% jitter.</summary>
    /// <value>The default is one second.</value>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Reads an environment variable (GitHub Actions' metadata).</summary>
    /// <value>The default is <see cref="System.Environment.GetEnvironmentVariable(string)"/>.</value>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
