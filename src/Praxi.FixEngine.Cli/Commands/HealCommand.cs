using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi heal &lt;artifacts&gt; --repo DIR [--baseline FILE] [--out DIR] [--run-id ID] [--config praxi.json] [--apply]
/// [--self-heal [--require-manual-trigger] [--trigger-source SRC] [--full-suite]] [--validate]</c>: the loop end to end —
/// analyze, self-heal when the policy allows, heal selectors from the DOM evidence, plan the guarded fix for what is still
/// failing and validate it by a rerun, writing every stage's files into one folder.
/// </summary>
internal sealed class HealCommand : Command
{
    /// <summary>Where <c>praxi baseline record</c> writes by default, relative to the repository.</summary>
    internal const string DefaultBaseline = ".praxi/baseline.json";

    private readonly CliServices _services;
    private readonly Argument<string> _artifacts = new("artifacts") { Description = "The failed run's artifacts folder (logs, reports, traces, DOM dumps)." };
    private readonly Option<string> _repo = new("--repo") { Description = "The checkout of the repository under test.", Required = true };
    private readonly Option<string?> _baseline = new("--baseline") { Description = $"Baseline store from 'praxi baseline record' (default: <repo>/{DefaultBaseline} if present)." };
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
        var artifacts = parse.GetRequiredValue(_artifacts);
        if (!Directory.Exists(artifacts) && !File.Exists(artifacts))
        {
            throw new FixEngineException($"artifacts '{artifacts}' do not exist; pass the folder the failed run's artifacts were downloaded to.");
        }

        var config = PraxiConfig.Load(parse.GetValue(_config), repo);
        var analysisOptions = new AnalysisOptions { RunId = parse.GetValue(_runId) ?? "local" };
        config.ApplyTo(analysisOptions);
        var fixOptions = FixAgentOptions.From(config);

        var baseline = parse.GetValue(_baseline);
        if (baseline is null && File.Exists(Path.Combine(repo, DefaultBaseline)))
        {
            baseline = Path.Combine(repo, DefaultBaseline);
        }
        else if (baseline is not null && Directory.Exists(baseline))
        {
            throw new FixEngineException($"baseline '{baseline}' is a folder; pass the store file 'praxi baseline record' wrote (e.g. {Path.Combine(baseline, "baseline.json")}).");
        }
        else if (baseline is not null && !File.Exists(baseline))
        {
            throw new FixEngineException($"baseline '{baseline}' does not exist; record one with 'praxi baseline record <green-run-artifacts>'.");
        }

        if (baseline is not null)
        {
            // A broken baseline is bad input: say so before any stage prints or runs anything.
            await BaselineStore.LoadAsync(baseline, cancellationToken).ConfigureAwait(false);
        }

        var report = await new FailureAnalyzer(analysisOptions).AnalyzeAsync(artifacts, cancellationToken).ConfigureAwait(false);
        var outDir = parse.GetRequiredValue(_out);
        var output = parse.InvocationConfiguration.Output;
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv, $"{report.Classification.ErrorType.ToName()} ({report.Classification.Confidence:0.00}), {report.Classification.Failures.Count} failed test(s)")).ConfigureAwait(false);

        // Self-heal first: what a reseed, a fresh login or a restart fixes needs no code change.
        IReadOnlyList<string> passedAfterHeal = [];
        if (parse.GetValue(_selfHeal))
        {
            await OutputFiles.WriteAllAtomicAsync([(Path.Combine(outDir, "analysis.json"), AnalysisJson.Serialize(report) + "\n")], cancellationToken).ConfigureAwait(false);
            var selfHeal = await new SelfHealPipeline().RunAsync(
                new SelfHealRequest
                {
                    RepositoryRoot = repo,
                    OutputFolder = outDir,
                    Analysis = report,
                    ArtifactsPath = artifacts,
                    Config = config,
                    TriggerSource = parse.GetValue(_trigger) ?? _services.Environment("GITHUB_EVENT_NAME"),
                    RequireManualTrigger = parse.GetValue(_requireManual),
                    FullSuite = parse.GetValue(_fullSuite),
                },
                cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("self-heal: " + selfHeal.Summary).ConfigureAwait(false);
            foreach (var v in selfHeal.Verdicts)
            {
                await output.WriteLineAsync($"  {v.Verdict,-13} {v.Test}").ConfigureAwait(false);
            }

            if (selfHeal.ChangedFiles.Count > 0)
            {
                // The tree is no longer the one the failure happened in: planning a patch on it would be planning on sand.
                return await SelfHealCommand.ExitCodeAsync(parse, selfHeal).ConfigureAwait(false);
            }

            passedAfterHeal = [.. selfHeal.Verdicts.Where(v => v.Status == TestResult.Passed).Select(v => v.Test)];
        }

        var heal = await new SelectorHealer(fixOptions.Selectors).HealAsync(report, artifacts, baseline, cancellationToken).ConfigureAwait(false);
        var healed = report with { FixAgentInstructions = heal.Instructions };
        var stillFailing = StillFailing(healed, passedAfterHeal);
        var runId = report.RunId;
        var fixDir = Path.Combine(outDir, "fix-agent");
        var patchPath = Path.Combine(fixDir, $"patch-{runId}.diff");
        var metadataPath = Path.Combine(fixDir, $"metadata-{runId}.json");
        await OutputFiles.WriteAllAtomicAsync(
            [
                (Path.Combine(outDir, "analysis.json"), AnalysisJson.Serialize(healed) + "\n"),
                (Path.Combine(outDir, "heal.json"), JsonSerializer.Serialize(heal, AnalysisJson.Options) + "\n"),
            ],
            cancellationToken).ConfigureAwait(false);
        foreach (var o in heal.Outcomes)
        {
            var line = o.Status == "healed"
                ? string.Create(inv, $"  healed   {SelectorHealer.Describe(o.Old)} → {SelectorHealer.Describe(o.New!)} ({o.Strategy}{(o.Fragile ? ", fragile" : string.Empty)}, {o.Confidence:0.00})")
                : $"  {o.Status,-8} {SelectorHealer.Describe(o.Old)}: {o.Reason}";
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (passedAfterHeal.Count > 0 && stillFailing.FixAgentInstructions.Count == 0)
        {
            await output.WriteLineAsync("no code change: self-heal made every failed test pass; the fix agent has nothing to do").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var fix = await _services.CreateFixAgent(fixOptions).PlanAsync(FixInput.From(stillFailing), repo, cancellationToken).ConfigureAwait(false);
        ValidationResult? validated = null;
        if (parse.GetValue(_validate))
        {
            validated = await PatchValidator.ValidateAsync(repo, fix, stillFailing, config, cancellationToken).ConfigureAwait(false);
            fix = validated.Fix;
            await ValidationFiles.WriteAsync(validated, fixDir, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OutputFiles.WriteAllAtomicAsync([(patchPath, fix.Patch), (metadataPath, FixJson.Serialize(fix.Metadata) + "\n")], cancellationToken).ConfigureAwait(false);
        }

        var m = fix.Metadata;
        if (!fix.Allowed)
        {
            await output.WriteLineAsync($"guardrails refused the patch → {metadataPath}").ConfigureAwait(false);
        }
        else if (m.Edits.Count == 0)
        {
            await output.WriteLineAsync($"no code change → {outDir}").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(string.Create(inv, $"patch: {m.Edits.Count} edit(s) in {m.Edits.Select(e => e.File).Distinct(StringComparer.Ordinal).Count()} file(s), risk {m.Risk.Class} → {patchPath}")).ConfigureAwait(false);
        }

        if (m.NeedsManualReview)
        {
            await output.WriteLineAsync(string.Create(inv, $"needs manual review: {m.ManualReview.Count} instruction(s) (see {metadataPath})")).ConfigureAwait(false);
        }

        if (validated is not null)
        {
            await FixCommand.ReportAsync(output, validated, fixDir).ConfigureAwait(false);
        }

        if (parse.GetValue(_apply))
        {
            var written = FixAgent.Apply(fix);
            await output.WriteLineAsync(validated?.Withheld == true ? "not applied: validation withheld the patch"
                : written.Count == 0 ? "applied: nothing to write" : $"applied: {string.Join(", ", written)}").ConfigureAwait(false);
        }

        return validated?.Withheld == true ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>The analysis without the failures self-heal made pass (and their fix instructions): what is left for the fix agent.</summary>
    internal static AnalysisReport StillFailing(AnalysisReport report, IReadOnlyList<string> passed)
    {
        if (passed.Count == 0)
        {
            return report;
        }

        bool Passed(string? test) => test is not null && passed.Any(p => TestNames.Same(p, test));
        return report with
        {
            FixAgentInstructions = [.. report.FixAgentInstructions.Where(i => !Passed(i.Test))],
            Classification = report.Classification with { Failures = [.. report.Classification.Failures.Where(f => !Passed(f.Test))] },
        };
    }
}
