using System.CommandLine;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi self-heal run</c>: prepare, decide and (when allowed) execute in one go. Exit 0 healed, 1 otherwise.</summary>
internal sealed class SelfHealRunCommand : Command
{
    private readonly CliServices _services;
    private readonly SelfHealPrepareOptions _prepare = new();
    private readonly Option<bool> _requireManual = SelfHealCommand.RequireManualTrigger();
    private readonly Option<string?> _trigger = SelfHealCommand.TriggerSource();
    private readonly Option<bool> _fullSuite = SelfHealCommand.FullSuite();

    public SelfHealRunCommand(CliServices services)
        : base("run", "prepare + decide + execute in one go.")
    {
        _services = services;
        _prepare.AddTo(this);
        Options.Add(_requireManual);
        Options.Add(_trigger);
        Options.Add(_fullSuite);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var request = _prepare.Request(
            parse, parse.GetValue(_trigger) ?? _services.Environment("GITHUB_EVENT_NAME"), parse.GetValue(_requireManual), parse.GetValue(_fullSuite));
        var result = await new SelfHealPipeline().RunAsync(request, cancellationToken).ConfigureAwait(false);
        await SelfHealCommand.PrintAsync(parse, result).ConfigureAwait(false);
        return await SelfHealCommand.ExitCodeAsync(parse, result).ConfigureAwait(false);
    }
}
