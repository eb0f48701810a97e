using System.CommandLine;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi self-heal decide --out DIR [--require-manual-trigger] [--trigger-source SRC] [--config F] [--repo R]</c>: writes
/// self-heal/decision.json. A refusal is an outcome, not an error: exit 0 either way.
/// </summary>
internal sealed class SelfHealDecideCommand : Command
{
    private readonly CliServices _services;
    private readonly Option<string> _out = SelfHealCommand.Out();
    private readonly Option<bool> _requireManual = SelfHealCommand.RequireManualTrigger();
    private readonly Option<string?> _trigger = SelfHealCommand.TriggerSource();
    private readonly Option<string?> _config = SelfHealCommand.Config();
    private readonly Option<string?> _repo = new("--repo") { Description = "The repository (default: the one context.json names)." };

    public SelfHealDecideCommand(CliServices services)
        : base("decide", "Apply the self-heal policy to self-heal/context.json and write self-heal/decision.json.")
    {
        _services = services;
        Options.Add(_out);
        Options.Add(_requireManual);
        Options.Add(_trigger);
        Options.Add(_config);
        Options.Add(_repo);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var result = await new SelfHealPipeline().DecideAsync(
            new SelfHealRequest
            {
                RepositoryRoot = parse.GetValue(_repo),
                OutputFolder = parse.GetRequiredValue(_out),
                TriggerSource = parse.GetValue(_trigger) ?? _services.Environment("GITHUB_EVENT_NAME"),
                RequireManualTrigger = parse.GetValue(_requireManual),
                Config = SelfHealCommand.LoadConfig(parse.GetValue(_config)),
            },
            cancellationToken).ConfigureAwait(false);
        await SelfHealCommand.PrintAsync(parse, result).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
