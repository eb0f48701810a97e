using System.Globalization;
using System.Security.Cryptography;
using Praxi.FixEngine;
using Praxi.FixEngine.Contracts;

namespace Praxi.Ingest.ShipLogs;

/// <summary>
/// The client side of the hosts (<c>praxi ship-logs</c>): collects a run's files, fits them under the body cap (skipping
/// or cutting what would not fit, and saying so), writes the contract's body once to a temp file, posts it with retries
/// and the same <c>Idempotency-Key</c> on every attempt, and reads the analysis from the answer.
/// </summary>
public static class ShipLogsClient
{
    /// <summary>Ships the run described by <paramref name="request"/>.</summary>
    /// <param name="request">What to send and where; checked first, in the order of the command's options.</param>
    /// <param name="warn">
    /// Receives each warning as one printable line, in order: skipped or cut files and unusable metadata before
    /// anything is sent, then each failed attempt that will be retried.
    /// </param>
    /// <param name="cancellationToken">Stops collecting, waiting and sending.</param>
    /// <returns>What was sent and how the host answered; a host that is down or refuses the run is a result, not an exception.</returns>
    /// <exception cref="FixEngineException">
    /// The request is unusable: a bad URL, cap, timeout or retry count, a missing or malformed token, an invalid run
    /// id, a missing folder, or a cap too small for the run's metadata.
    /// </exception>
    public static async Task<ShipLogsResult> ShipAsync(ShipLogsRequest request, Func<string, Task> warn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(warn);
        var url = ParseUrl(request.Url);
        var maxBytes = request.MaxBytes;
        var timeout = request.TimeoutSeconds;
        var retries = request.Retries;
        if (maxBytes < 1024)
        {
            throw new FixEngineException($"--max-bytes {maxBytes} is too small; pass at least 1024 (the default is {ShipLogsRequest.DefaultMaxBytes}).");
        }

        if (timeout is <= 0 or > 3600 || double.IsNaN(timeout))
        {
            throw new FixEngineException("--timeout must be between 0 and 3600 seconds.");
        }

        if (retries is < 0 or > 10)
        {
            throw new FixEngineException("--retries must be between 0 and 10.");
        }

        var tokenEnv = request.TokenVariable;
        var token = request.Token;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new FixEngineException($"the environment variable {RunFolder.Printable(tokenEnv)} holding the bearer token is not set; set it from a CI secret (or name another with --token-env).");
        }

        if (token.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new FixEngineException($"the token in {RunFolder.Printable(tokenEnv)} holds spaces or characters a header cannot carry; check the secret.");
        }

        var warnings = new List<string>();
        var envelope = Envelope(request.RunId, request.Environment, warnings);
        var files = RunFolder.Collect(request.ArtifactsFolder, maxBytes, warnings);
        var plan = PayloadPlan.Create(envelope, files, maxBytes);
        warnings.AddRange(plan.Notes);
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            warnings.Add($"sending the bearer token over plain http to {url.Host}; use https");
        }

        foreach (var warning in warnings)
        {
            await warn(warning).ConfigureAwait(false);
        }

        var bodyPath = Path.Combine(Path.GetTempPath(), $"praxi-ship-logs-{Guid.NewGuid():N}.json");
        try
        {
            long bodyBytes;
            string idempotencyKey;
            var stream = new FileStream(bodyPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await CiRunPayloadWriter.WriteAsync(stream, plan.Payload, cancellationToken).ConfigureAwait(false);
                bodyBytes = stream.Length;
                stream.Position = 0;
                var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
                // CloudAgent takes keys of at most 128 visible ASCII characters.
                idempotencyKey = $"{plan.Payload.RunId}.{Convert.ToHexStringLower(hash)[..32]}";
                if (idempotencyKey.Length > 128)
                {
                    idempotencyKey = Convert.ToHexStringLower(hash);
                }
            }

            if (bodyBytes > maxBytes)
            {
                throw new InvalidOperationException($"the body came out at {bodyBytes} bytes, over the planned {maxBytes}");
            }

            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
            var shipper = new LogShipper(handler, new ShipOptions(url, TimeSpan.FromSeconds(timeout), retries, request.RetryBaseDelay));
            var outcome = await shipper.SendAsync(bodyPath, token, idempotencyKey, warn, cancellationToken).ConfigureAwait(false);
            return new ShipLogsResult
            {
                Delivered = outcome.Delivered,
                Target = url.GetLeftPart(UriPartial.Path),
                RunId = plan.Payload.RunId,
                Logs = plan.Payload.Logs.Count,
                Artifacts = plan.Payload.Artifacts.Count,
                BodyBytes = bodyBytes,
                MaxBytes = maxBytes,
                Skipped = plan.Skipped,
                Truncated = plan.Truncated,
                Status = outcome.Status,
                Attempts = outcome.Attempts,
                Failure = outcome.Failure,
                AnalysisSummary = outcome.Delivered ? ShipAnswer.Summary(outcome.Answer!) ?? [] : [],
            };
        }
        finally
        {
            File.Delete(bodyPath);
        }
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new FixEngineException($"--url '{RunFolder.Printable(text)}' is not an absolute http(s) URL; pass e.g. https://cloudagent.example/api/ci/logs.");
        }

        if (url.UserInfo.Length > 0)
        {
            throw new FixEngineException("--url must not carry credentials; put the token in the environment variable named by --token-env.");
        }

        return url;
    }

    /// <summary>The run's metadata: the given run id, else GitHub Actions' variables, else a local stamp.</summary>
    private static CiRunPayload Envelope(string? runId, Func<string, string?> env, List<string> warnings)
    {
        if (runId is null && Clean(env("GITHUB_RUN_ID")) is { Length: > 0 } githubRun)
        {
            runId = $"{githubRun}-{Clean(env("GITHUB_RUN_ATTEMPT")) ?? "1"}";
        }

        runId ??= "local-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (!RunIds.IsValid(runId))
        {
            throw new FixEngineException($"the run id '{RunFolder.Printable(runId)}' must match ^[A-Za-z0-9][A-Za-z0-9._-]{{0,127}}$; pass another with --run-id.");
        }

        string? Meta(string name)
        {
            var value = env(name);
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (value.Length > CiRunPayloadReader.MaxFieldLength || value.Any(char.IsControl))
            {
                warnings.Add($"{name} left out: longer than {CiRunPayloadReader.MaxFieldLength} characters or holds control characters");
                return null;
            }

            return value;
        }

        return new CiRunPayload
        {
            RunId = runId,
            Repository = Meta("GITHUB_REPOSITORY"),
            CommitSha = Meta("GITHUB_SHA"),
            Branch = Meta("GITHUB_REF_NAME"),
            Workflow = Meta("GITHUB_WORKFLOW"),
            Job = Meta("GITHUB_JOB"),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
