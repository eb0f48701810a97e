using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Fixing;
using Praxi.FixEngine.Healing;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi heal &lt;artifacts&gt; --repo DIR [--baseline FILE] [--out DIR] [--run-id ID] [--config praxi.json] [--apply]</c>:
/// analyze, heal selectors from the DOM evidence, and plan the guarded fix, writing every stage's file into one folder.
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
    private readonly Option<bool> _apply = new("--apply") { Description = "Also write the edited files into the repository when the guardrails allow them." };

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
        var fixOptions = new FixAgentOptions();
        config.ApplyTo(fixOptions);

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

        var report = await new FailureAnalyzer(analysisOptions).AnalyzeAsync(artifacts, cancellationToken).ConfigureAwait(false);
        var heal = await new SelectorHealer(fixOptions).HealAsync(report, artifacts, baseline, cancellationToken).ConfigureAwait(false);
        var healed = report with { FixAgentInstructions = heal.Instructions };
        var fix = await _services.CreateFixAgent(fixOptions).PlanAsync(FixInput.From(healed), repo, cancellationToken).ConfigureAwait(false);

        var outDir = parse.GetRequiredValue(_out);
        var runId = report.RunId;
        var patchPath = Path.Combine(outDir, "fix-agent", $"patch-{runId}.diff");
        var metadataPath = Path.Combine(outDir, "fix-agent", $"metadata-{runId}.json");
        await OutputFiles.WriteAllAtomicAsync(
            [
                (Path.Combine(outDir, "analysis.json"), AnalysisJson.Serialize(healed) + "\n"),
                (Path.Combine(outDir, "heal.json"), JsonSerializer.Serialize(heal, AnalysisJson.Options) + "\n"),
                (patchPath, fix.Patch),
                (metadataPath, FixJson.Serialize(fix.Metadata) + "\n"),
            ],
            cancellationToken).ConfigureAwait(false);

        var output = parse.InvocationConfiguration.Output;
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv, $"{report.Classification.ErrorType.ToName()} ({report.Classification.Confidence:0.00}), {report.Classification.Failures.Count} failed test(s)")).ConfigureAwait(false);
        foreach (var o in heal.Outcomes)
        {
            var line = o.Status == "healed"
                ? string.Create(inv, $"  healed   {SelectorHealer.Describe(o.Old)} → {SelectorHealer.Describe(o.New!)} ({o.Strategy}{(o.Fragile ? ", fragile" : string.Empty)}, {o.Confidence:0.00})")
                : $"  {o.Status,-8} {SelectorHealer.Describe(o.Old)}: {o.Reason}";
            await output.WriteLineAsync(line).ConfigureAwait(false);
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

        if (parse.GetValue(_apply))
        {
            var written = FixAgent.Apply(fix);
            await output.WriteLineAsync(written.Count == 0 ? "applied: nothing to write" : $"applied: {string.Join(", ", written)}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
