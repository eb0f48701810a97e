using System.CommandLine;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi self-heal prepare|decide|execute|run</c>: safe non-code remediation under a policy (docs/self-heal.md).
/// Also holds what the verbs share: their common options and how a stage's result is printed.
/// </summary>
internal sealed class SelfHealCommand : Command
{
    public SelfHealCommand(CliServices services)
        : base("self-heal", "Heal a failed run without code changes (reseed, fresh login state, restart, rerun) when the policy allows it.")
    {
        Subcommands.Add(new SelfHealPrepareCommand());
        Subcommands.Add(new SelfHealDecideCommand(services));
        Subcommands.Add(new SelfHealExecuteCommand());
        Subcommands.Add(new SelfHealRunCommand(services));
    }

    internal static Option<string> Out() => new("--out") { Description = "Output folder; the files go to its self-heal/ subfolder.", DefaultValueFactory = _ => "praxi-out" };

    internal static Option<string?> Config() => new("--config") { Description = "praxi.json (default: <repo>/praxi.json if present)." };

    internal static Option<string> Repo() => new("--repo") { Description = "The checkout of the repository under test.", Required = true };

    internal static Option<string?> TriggerSource() => new("--trigger-source") { Description = "What started the heal (workflow_dispatch, push, manual…; default: $GITHUB_EVENT_NAME)." };

    internal static Option<bool> RequireManualTrigger() => new("--require-manual-trigger") { Description = "Refuse unless the trigger source is a manual one (self_heal.manual_triggers)." };

    internal static Option<bool> FullSuite() => new("--full-suite") { Description = "After the failed tests pass, also run each runner's full suite." };

    /// <summary>The configuration named by <c>--config</c>, or null to let the library find praxi.json in the repository.</summary>
    internal static PraxiConfig? LoadConfig(string? path) => path is null ? null : PraxiConfig.Load(path);

    /// <summary>Prints the stage's one-line summary and where it wrote.</summary>
    internal static async Task PrintAsync(ParseResult parse, SelfHealResult result)
    {
        var output = parse.InvocationConfiguration.Output;
        await output.WriteLineAsync(result.Summary).ConfigureAwait(false);
        foreach (var v in result.Verdicts)
        {
            await output.WriteLineAsync($"  {v.Verdict,-13} {v.Test}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"→ {result.OutputFile}").ConfigureAwait(false);
    }

    /// <summary>Exit code of a stage that ran the heal: 0 healed; 1 otherwise, with a loud line when files changed.</summary>
    internal static async Task<int> ExitCodeAsync(ParseResult parse, SelfHealResult result)
    {
        if (result.ChangedFiles.Count > 0)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"praxi: self-heal changed files in the working tree ({string.Join(", ", result.ChangedFiles)}); the heal failed").ConfigureAwait(false);
        }
        else if (!result.Healed)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"praxi: self-heal did not heal the run: {result.Summary}").ConfigureAwait(false);
        }

        return result.Healed ? ExitCodes.Success : ExitCodes.Failed;
    }
}
