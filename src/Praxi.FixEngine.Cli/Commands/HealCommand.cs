using System.CommandLine;
using System.Globalization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi heal &lt;artifacts&gt; --repo DIR [--baseline FILE] [--out DIR] [--run-id ID] [--config praxi.json] [--apply]
/// [--self-heal [--require-manual-trigger] [--trigger-source SRC] [--full-suite]] [--validate]</c>: the loop end to end —
/// analyze, self-heal when the policy allows, heal selectors from the DOM evidence, plan the guarded fix for what is still
/// failing and validate it by a rerun, writing every stage's files into one folder.
/// </summary>
internal sealed class HealCommand : Command
{
    // HealEvidence.Snapshot of a heal from an error-context.md page snapshot: weaker evidence, so the line says so.
    private const string AriaSnapshot = "aria snapshot";

    private readonly CliServices _services;
    private readonly Argument<string> _artifacts = new("artifacts") { Description = "The failed run's artifacts folder (logs, reports, traces, DOM dumps)." };
    private readonly Option<string> _repo = new("--repo") { Description = "The checkout of the repository under test.", Required = true };
    private readonly Option<string?> _baseline = new("--baseline") { Description = $"Baseline store from 'praxi baseline record' (default: <repo>/{BaselineRecorder.DefaultStorePath} if present)." };
    private readonly Option<string> _out = new("--out") { Description = "Folder for analysis.json, heal.json and fix-agent/.", DefaultValueFactory = _ => "praxi-out" };
    private readonly Option<string?> _runId = new("--run-id") { Description = "The CI run id (default: local)." };
    private readonly Option<string?> _config = new("--config") { Description = "praxi.json (default: <repo>/praxi.json if present)." };
    private readonly Option<bool> _apply = new("--apply") { Description = "Also write the edited files into the repository when the guardrails allow them (and validation did not withhold the patch)." };
    private readonly Option<bool> _selfHeal = new("--self-heal") { Description = "Before the fix agent, run self-heal (reseed, login state, restart, rerun) when the policy allows it." };
    private readonly Option<bool> _requireManual = SelfHealCommand.RequireManualTrigger();
    private readonly Option<string?> _trigger = SelfHealCommand.TriggerSource();
    private readonly Option<bool> _fullSuite = SelfHealCommand.FullSuite();
    private readonly Option<bool> _validate = new("--validate") { Description = "Validate the patch by rerunning the affected tests on a patched copy; a patch that fails is withheld." };

    public HealCommand(CliServices services)
        : base("heal", "Analyze a failed run, heal its broken selectors from the DOM evidence, and write a guarded patch.")
    {
        _services = services;
        Arguments.Add(_artifacts);
        Options.Add(_repo);
        Options.Add(_baseline);
        Options.Add(_out);
        Options.Add(_runId);
        Options.Add(_config);
        Options.Add(_apply);
        Options.Add(_selfHeal);
        Options.Add(_requireManual);
        Options.Add(_trigger);
        Options.Add(_fullSuite);
        Options.Add(_validate);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var repo = FixCommand.RequireRepository(parse.GetRequiredValue(_repo));
        var result = await new HealLoop().RunAsync(
            new HealLoopRequest
            {
                ArtifactsPath = parse.GetRequiredValue(_artifacts),
                RepositoryRoot = repo,
                BaselinePath = parse.GetValue(_baseline),
                OutputFolder = parse.GetRequiredValue(_out),
                RunId = parse.GetValue(_runId),
                ConfigPath = parse.GetValue(_config),
                SelfHeal = parse.GetValue(_selfHeal),
                RequireManualTrigger = parse.GetValue(_requireManual),
                TriggerSource = parse.GetValue(_trigger) ?? _services.Environment("GITHUB_EVENT_NAME"),
                FullSuite = parse.GetValue(_fullSuite),
                Validate = parse.GetValue(_validate),
                Apply = parse.GetValue(_apply),
            },
            cancellationToken).ConfigureAwait(false);

        var output = parse.InvocationConfiguration.Output;
        var inv = CultureInfo.InvariantCulture;
        var report = result.Analysis;
        await output.WriteLineAsync(string.Create(inv, $"{report.Classification.ErrorType.ToName()} ({report.Classification.Confidence:0.00}), {report.Classification.Failures.Count} failed test(s)")).ConfigureAwait(false);
        if (result.SelfHeal is { } selfHeal)
        {
            await output.WriteLineAsync("self-heal: " + selfHeal.Summary).ConfigureAwait(false);
            foreach (var v in selfHeal.Verdicts)
            {
                await output.WriteLineAsync($"  {v.Verdict,-13} {v.Test}").ConfigureAwait(false);
            }

            if (result.Stopped == HealLoopStop.SelfHealChangedTheTree)
            {
                return await SelfHealCommand.ExitCodeAsync(parse, selfHeal).ConfigureAwait(false);
            }
        }

        var heal = result.Heal!;
        foreach (var o in heal.Outcomes)
        {
            // Locators as the test writes them; a heal the fix agent could not turn into an edit says why on its own line.
            var old = o.OldCode ?? o.Old.ToSelector();
            var notPatched = result.NotPatched.TryGetValue(o.Instruction, out var why) ? " — not patched: " + why : string.Empty;
            var line = o.Status == HealStatus.Healed
                ? string.Create(inv, $"  healed   {old} → {o.NewCode ?? o.New!.ToSelector()} ({o.Strategy}{(o.Fragile ? ", fragile" : string.Empty)}, {o.Confidence:0.00}{(o.Evidence?.Snapshot == AriaSnapshot ? ", from an ARIA snapshot only" : string.Empty)}){notPatched}")
                : $"  {o.Status.ToName(),-8} {old}: {o.Reason}";
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (result.Stopped == HealLoopStop.SelfHealPassedEveryTest)
        {
            await output.WriteLineAsync("no code change: self-heal made every failed test pass; the fix agent has nothing to do").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var fix = result.Fix!;
        var m = fix.Metadata;
        if (!fix.Allowed)
        {
            await output.WriteLineAsync($"guardrails refused the patch → {result.MetadataPath}").ConfigureAwait(false);
        }
        else if (m.Edits.Count == 0)
        {
            await output.WriteLineAsync($"no code change → {result.OutputFolder}").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(string.Create(inv, $"patch: {m.Edits.Count} edit(s) in {m.Edits.Select(e => e.File).Distinct(StringComparer.Ordinal).Count()} file(s), risk {m.Risk.Class.ToName()} → {result.PatchPath}")).ConfigureAwait(false);
        }

        if (m.NeedsManualReview)
        {
            await output.WriteLineAsync(string.Create(inv, $"needs manual review: {m.ManualReview.Count} instruction(s) (see {result.MetadataPath})")).ConfigureAwait(false);
        }

        if (result.Validation is { } validated)
        {
            await FixCommand.ReportAsync(output, validated, result.FixFolder).ConfigureAwait(false);
        }

        if (result.Applied is { } written)
        {
            await output.WriteLineAsync(result.Validation?.Withheld == true ? "not applied: validation withheld the patch"
                : written.Count == 0 ? "applied: nothing to write" : $"applied: {string.Join(", ", written)}").ConfigureAwait(false);
        }

        return result.Validation?.Withheld == true ? ExitCodes.Failed : ExitCodes.Success;
    }
}
