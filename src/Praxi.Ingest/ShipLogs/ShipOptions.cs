namespace Praxi.Ingest.ShipLogs;

/// <summary>Where and how to post.</summary>
/// <param name="Url">The endpoint (CloudAgent's <c>/api/ci/logs</c>).</param>
/// <param name="Timeout">Per attempt.</param>
/// <param name="Retries">Attempts after the first.</param>
/// <param name="BaseDelay">The first backoff; doubled each retry, ±20% jitter.</param>
internal sealed record ShipOptions(Uri Url, TimeSpan Timeout, int Retries, TimeSpan BaseDelay);
