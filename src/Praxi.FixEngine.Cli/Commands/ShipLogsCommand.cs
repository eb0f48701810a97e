using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Praxi.FixEngine.Cli.ShipLogs;
using Praxi.FixEngine.Ingest;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi ship-logs &lt;artifacts&gt; --url URL [--token-env NAME] [--run-id ID] [--strict] [--max-bytes N] [--timeout S] [--retries N]</c>:
/// the CI side of the hosts. Collects the run's files, fits them under the host's body cap (skipping or cutting what
/// would not fit, and saying so), posts them with retries, and prints the analysis. Best effort unless <c>--strict</c>:
/// a host that is down or refuses the run is a warning, not a failed CI job.
/// </summary>
internal sealed class ShipLogsCommand : Command
{
    /// <summary>The hosts' default body cap; decimal megabytes, so it is under the cap whichever way a host counts.</summary>
    public const long DefaultMaxBytes = 25_000_000;

    private readonly CliServices _services;
    private readonly Argument<string> _artifacts = new("artifacts") { Description = "The failed run's artifacts folder (logs, reports, traces, DOM dumps)." };
    private readonly Option<string> _url = new("--url") { Description = "The endpoint, e.g. https://cloudagent.example/api/ci/logs.", Required = true };
    private readonly Option<string> _tokenEnv = new("--token-env") { Description = "The environment variable holding the bearer token (never pass a token on the command line).", DefaultValueFactory = _ => "AGENT_TOKEN" };
    private readonly Option<string?> _runId = new("--run-id") { Description = "The run id (default: GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT in GitHub Actions, else local-<utc stamp>)." };
    private readonly Option<bool> _strict = new("--strict") { Description = "Exit 1 when the logs could not be shipped (default: warn and exit 0)." };
    private readonly Option<long> _maxBytes = new("--max-bytes") { Description = "The largest body to send; files are skipped or logs cut to their tail to stay under it.", DefaultValueFactory = _ => DefaultMaxBytes };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds to wait for each attempt.", DefaultValueFactory = _ => 60 };
    private readonly Option<int> _retries = new("--retries") { Description = "Retries after the first attempt, on 408, 429, 5xx, timeouts and transport errors.", DefaultValueFactory = _ => 3 };

    public ShipLogsCommand(CliServices services)
        : base("ship-logs", "Send a failed run's logs and artifacts to CloudAgent and print its analysis.")
    {
        _services = services;
        Arguments.Add(_artifacts);
        Options.Add(_url);
        Options.Add(_tokenEnv);
        Options.Add(_runId);
        Options.Add(_strict);
        Options.Add(_maxBytes);
        Options.Add(_timeout);
        Options.Add(_retries);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var url = ParseUrl(parse.GetRequiredValue(_url));
        var maxBytes = parse.GetValue(_maxBytes);
        var timeout = parse.GetValue(_timeout);
        var retries = parse.GetValue(_retries);
        if (maxBytes < 1024)
        {
            throw new FixEngineException($"--max-bytes {maxBytes} is too small; pass at least 1024 (the default is {DefaultMaxBytes}).");
        }

        if (timeout is <= 0 or > 3600 || double.IsNaN(timeout))
        {
            throw new FixEngineException("--timeout must be between 0 and 3600 seconds.");
        }

        if (retries is < 0 or > 10)
        {
            throw new FixEngineException("--retries must be between 0 and 10.");
        }

        var tokenEnv = parse.GetValue(_tokenEnv)!;
        var token = _services.Environment(tokenEnv);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new FixEngineException($"the environment variable {RunFolder.Printable(tokenEnv)} holding the bearer token is not set; set it from a CI secret (or name another with --token-env).");
        }

        if (token.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new FixEngineException($"the token in {RunFolder.Printable(tokenEnv)} holds spaces or characters a header cannot carry; check the secret.");
        }

        var warnings = new List<string>();
        var envelope = Envelope(parse.GetValue(_runId), warnings);
        var files = RunFolder.Collect(parse.GetRequiredValue(_artifacts), maxBytes, warnings);
        var plan = PayloadPlan.Create(envelope, files, maxBytes);
        warnings.AddRange(plan.Notes);
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            warnings.Add($"sending the bearer token over plain http to {url.Host}; use https");
        }

        foreach (var warning in warnings)
        {
            await error.WriteLineAsync($"praxi: warning: {warning}").ConfigureAwait(false);
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

            var target = url.GetLeftPart(UriPartial.Path);
            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
            var shipper = new LogShipper(handler, new ShipOptions(url, TimeSpan.FromSeconds(timeout), retries, _services.RetryBaseDelay));
            var outcome = await shipper.SendAsync(bodyPath, token, idempotencyKey, line => error.WriteLineAsync($"praxi: warning: {line}"), cancellationToken).ConfigureAwait(false);
            var what = $"run {plan.Payload.RunId}: {plan.Payload.Logs.Count} log(s), {plan.Payload.Artifacts.Count} artifact(s), {PayloadPlan.Size(bodyBytes)}";
            if (!outcome.Delivered)
            {
                var strict = parse.GetValue(_strict);
                await error.WriteLineAsync($"praxi: {(strict ? string.Empty : "warning: ")}the logs were not shipped to {target}: {outcome.Failure}").ConfigureAwait(false);
                return strict ? ExitCodes.Failed : ExitCodes.Success;
            }

            await output.WriteLineAsync($"Shipped {what} to {target} (HTTP {outcome.Status}, attempt {outcome.Attempts})").ConfigureAwait(false);
            if (plan.Skipped + plan.Truncated > 0)
            {
                await output.WriteLineAsync($"To stay under {PayloadPlan.Size(maxBytes)}: skipped {plan.Skipped} file(s), truncated {plan.Truncated} log(s) to their tail (see the warnings)").ConfigureAwait(false);
            }

            foreach (var line in ShipAnswer.Summary(outcome.Answer!) ?? ["The answer held no analysis."])
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            return ExitCodes.Success;
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

    /// <summary>The run's metadata: --run-id, else GitHub Actions' variables, else a local stamp.</summary>
    private CiRunPayload Envelope(string? runId, List<string> warnings)
    {
        var env = _services.Environment;
        if (runId is null && Clean(env("GITHUB_RUN_ID")) is { Length: > 0 } githubRun)
        {
            runId = $"{githubRun}-{Clean(env("GITHUB_RUN_ATTEMPT")) ?? "1"}";
        }

        runId ??= "local-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (!CiRunPayloadReader.IsRunId(runId))
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
