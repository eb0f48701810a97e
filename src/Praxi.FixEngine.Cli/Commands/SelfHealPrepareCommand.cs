using System.CommandLine;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi self-heal prepare --repo R (--analysis FILE | --artifacts DIR) [--out DIR] [--run-id ID] [--config F]</c>: writes self-heal/context.json.</summary>
internal sealed class SelfHealPrepareCommand : Command
{
    private readonly SelfHealPrepareOptions _options = new();

    public SelfHealPrepareCommand()
        : base("prepare", "Gather the analysis, the run's earlier attempts and the configured actions into self-heal/context.json.")
    {
        _options.AddTo(this);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var result = await new SelfHealPipeline().PrepareAsync(_options.Request(parse), cancellationToken).ConfigureAwait(false);
        await SelfHealCommand.PrintAsync(parse, result).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
