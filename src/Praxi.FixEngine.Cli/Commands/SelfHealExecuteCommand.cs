using System.CommandLine;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi self-heal execute --repo R --out DIR [--full-suite] [--config F]</c>: runs what decision.json allows and writes
/// self-heal/report-&lt;run_id&gt;.json. Exit 0 healed; 1 refused, failed, partially healed or files changed.
/// </summary>
internal sealed class SelfHealExecuteCommand : Command
{
    private readonly Option<string> _repo = SelfHealCommand.Repo();
    private readonly Option<string> _out = SelfHealCommand.Out();
    private readonly Option<bool> _fullSuite = SelfHealCommand.FullSuite();
    private readonly Option<string?> _config = SelfHealCommand.Config();

    public SelfHealExecuteCommand()
        : base("execute", "Run the remediation actions and the rerun that self-heal/decision.json allows; write self-heal/report-<run_id>.json.")
    {
        Options.Add(_repo);
        Options.Add(_out);
        Options.Add(_fullSuite);
        Options.Add(_config);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var result = await new SelfHealPipeline().ExecuteAsync(
            new SelfHealRequest
            {
                RepositoryRoot = parse.GetRequiredValue(_repo),
                OutputFolder = parse.GetRequiredValue(_out),
                FullSuite = parse.GetValue(_fullSuite),
                Config = SelfHealCommand.LoadConfig(parse.GetValue(_config)),
            },
            cancellationToken).ConfigureAwait(false);
        await SelfHealCommand.PrintAsync(parse, result).ConfigureAwait(false);
        return await SelfHealCommand.ExitCodeAsync(parse, result).ConfigureAwait(false);
    }
}
