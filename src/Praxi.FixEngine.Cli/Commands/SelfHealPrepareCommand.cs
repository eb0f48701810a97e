using System.CommandLine;
using Praxi.FixEngine.SelfHeal;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi self-heal prepare --repo R (--analysis FILE | --artifacts DIR) [--out DIR] [--run-id ID] [--config F]</c>: writes self-heal/context.json.</summary>
internal sealed class SelfHealPrepareCommand : Command
{
    private readonly Option<string> _repo = SelfHealCommand.Repo();
    private readonly Option<string?> _analysis = new("--analysis") { Description = "analysis.json of the failed run." };
    private readonly Option<string?> _artifacts = new("--artifacts") { Description = "The failed run's artifacts, analysed when no usable analysis.json is given." };
    private readonly Option<string> _out = SelfHealCommand.Out();
    private readonly Option<string?> _runId = new("--run-id") { Description = "The CI run id (default: the analysis's, else local)." };
    private readonly Option<string?> _config = SelfHealCommand.Config();

    public SelfHealPrepareCommand()
        : base("prepare", "Gather the analysis, the run's earlier attempts and the configured actions into self-heal/context.json.")
    {
        Options.Add(_repo);
        Options.Add(_analysis);
        Options.Add(_artifacts);
        Options.Add(_out);
        Options.Add(_runId);
        Options.Add(_config);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var result = await new SelfHealPipeline().PrepareAsync(
            new SelfHealRequest
            {
                RepositoryRoot = parse.GetRequiredValue(_repo),
                OutputFolder = parse.GetRequiredValue(_out),
                AnalysisPath = parse.GetValue(_analysis),
                ArtifactsPath = parse.GetValue(_artifacts),
                RunId = parse.GetValue(_runId),
                Config = SelfHealCommand.LoadConfig(parse.GetValue(_config)),
            },
            cancellationToken).ConfigureAwait(false);
        await SelfHealCommand.PrintAsync(parse, result).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
