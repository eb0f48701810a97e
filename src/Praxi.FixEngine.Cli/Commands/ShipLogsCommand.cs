using System.CommandLine;
using Praxi.Ingest.ShipLogs;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi ship-logs &lt;artifacts&gt; --url URL [--token-env NAME] [--run-id ID] [--strict] [--max-bytes N] [--timeout S] [--retries N]</c>:
/// the CI side of the hosts, through <see cref="ShipLogsClient"/>. Prints its warnings on stderr and the analysis on
/// stdout. Best effort unless <c>--strict</c>: a host that is down or refuses the run is a warning, not a failed CI job.
/// </summary>
internal sealed class ShipLogsCommand : Command
{
    private readonly CliServices _services;
    private readonly Argument<string> _artifacts = new("artifacts") { Description = "The failed run's artifacts folder (logs, reports, traces, DOM dumps)." };
    private readonly Option<string> _url = new("--url") { Description = "The endpoint, e.g. https://cloudagent.example/api/ci/logs.", Required = true };
    private readonly Option<string> _tokenEnv = new("--token-env") { Description = "The environment variable holding the bearer token (never pass a token on the command line).", DefaultValueFactory = _ => "AGENT_TOKEN" };
    private readonly Option<string?> _runId = new("--run-id") { Description = "The run id (default: GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT in GitHub Actions, else local-<utc stamp>)." };
    private readonly Option<bool> _strict = new("--strict") { Description = "Exit 1 when the logs could not be shipped (default: warn and exit 0)." };
    private readonly Option<long> _maxBytes = new("--max-bytes") { Description = "The largest body to send; files are skipped or logs cut to their tail to stay under it.", DefaultValueFactory = _ => ShipLogsRequest.DefaultMaxBytes };
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
        var tokenEnv = parse.GetValue(_tokenEnv)!;
        var request = new ShipLogsRequest
        {
            ArtifactsFolder = parse.GetRequiredValue(_artifacts),
            Url = parse.GetRequiredValue(_url),
            TokenVariable = tokenEnv,
            Token = _services.Environment(tokenEnv),
            RunId = parse.GetValue(_runId),
            MaxBytes = parse.GetValue(_maxBytes),
            TimeoutSeconds = parse.GetValue(_timeout),
            Retries = parse.GetValue(_retries),
            RetryBaseDelay = _services.RetryBaseDelay,
            Environment = _services.Environment,
        };

        var result = await ShipLogsClient.ShipAsync(request, line => error.WriteLineAsync($"praxi: warning: {line}"), cancellationToken).ConfigureAwait(false);
        if (!result.Delivered)
        {
            var strict = parse.GetValue(_strict);
            await error.WriteLineAsync($"praxi: {(strict ? string.Empty : "warning: ")}the logs were not shipped to {result.Target}: {result.Failure}").ConfigureAwait(false);
            return strict ? ExitCodes.Failed : ExitCodes.Success;
        }

        var what = $"run {result.RunId}: {result.Logs} log(s), {result.Artifacts} artifact(s), {ByteCount.Format(result.BodyBytes)}";
        await output.WriteLineAsync($"Shipped {what} to {result.Target} (HTTP {result.Status}, attempt {result.Attempts})").ConfigureAwait(false);
        if (result.Skipped + result.Truncated > 0)
        {
            await output.WriteLineAsync($"To stay under {ByteCount.Format(result.MaxBytes)}: skipped {result.Skipped} file(s), truncated {result.Truncated} log(s) to their tail (see the warnings)").ConfigureAwait(false);
        }

        foreach (var line in result.AnalysisSummary.Count > 0 ? result.AnalysisSummary : ["The answer held no analysis."])
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
