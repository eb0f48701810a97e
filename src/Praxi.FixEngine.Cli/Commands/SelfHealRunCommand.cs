using System.CommandLine;
using Praxi.FixEngine.SelfHeal;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi self-heal run</c>: prepare, decide and (when allowed) execute in one go. Exit 0 healed, 1 otherwise.</summary>
internal sealed class SelfHealRunCommand : Command
{
    private readonly CliServices _services;
    private readonly Option<string> _repo = SelfHealCommand.Repo();
    private readonly Option<string?> _analysis = new("--analysis") { Description = "analysis.json of the failed run." };
    private readonly Option<string?> _artifacts = new("--artifacts") { Description = "The failed run's artifacts, analysed when no usable analysis.json is given." };
    private readonly Option<string> _out = SelfHealCommand.Out();
    private readonly Option<string?> _runId = new("--run-id") { Description = "The CI run id (default: the analysis's, else local)." };
    private readonly Option<string?> _config = SelfHealCommand.Config();
    private readonly Option<bool> _requireManual = SelfHealCommand.RequireManualTrigger();
    private readonly Option<string?> _trigger = SelfHealCommand.TriggerSource();
    private readonly Option<bool> _fullSuite = SelfHealCommand.FullSuite();

    public SelfHealRunCommand(CliServices services)
        : base("run", "prepare + decide + execute in one go.")
    {
        _services = services;
        foreach (var option in new Option[] { _repo, _analysis, _artifacts, _out, _runId, _config, _requireManual, _trigger, _fullSuite })
        {
            Options.Add(option);
        }

        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var result = await new SelfHealPipeline().RunAsync(
            new SelfHealRequest
            {
                RepositoryRoot = parse.GetRequiredValue(_repo),
                OutputFolder = parse.GetRequiredValue(_out),
                AnalysisPath = parse.GetValue(_analysis),
                ArtifactsPath = parse.GetValue(_artifacts),
                RunId = parse.GetValue(_runId),
                Config = SelfHealCommand.LoadConfig(parse.GetValue(_config)),
                TriggerSource = parse.GetValue(_trigger) ?? _services.Environment("GITHUB_EVENT_NAME"),
                RequireManualTrigger = parse.GetValue(_requireManual),
                FullSuite = parse.GetValue(_fullSuite),
            },
            cancellationToken).ConfigureAwait(false);
        await SelfHealCommand.PrintAsync(parse, result).ConfigureAwait(false);
        return await SelfHealCommand.ExitCodeAsync(parse, result).ConfigureAwait(false);
    }
}
