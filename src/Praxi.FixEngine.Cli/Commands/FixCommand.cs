using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi fix &lt;repo&gt; --analysis FILE [--out DIR] [--validate] [--apply] [--config praxi.json]</c>: instructions → guarded
/// patch + metadata, plan-only unless <c>--apply</c>; and <c>praxi fix prepare</c>. A guardrail refusal exits 0. With
/// <c>--validate</c> the patch is first proven on a patched copy (docs/validation.md): a withheld patch exits 1 and is
/// written as <c>patch-&lt;run_id&gt;.rejected.diff</c> beside an empty patch, and <c>--apply</c> then writes nothing.
/// </summary>
internal sealed class FixCommand : Command
{
    private readonly CliServices _services;
    private readonly Argument<string> _repo = new("repo") { Description = "The checkout of the repository under test." };
    private readonly Option<string> _analysis = new("--analysis") { Description = "analysis.json, or fix-agent/input.json from 'praxi fix prepare'.", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "Folder for patch-<run_id>.diff and metadata-<run_id>.json.", DefaultValueFactory = _ => "fix-agent" };
    private readonly Option<bool> _apply = new("--apply") { Description = "Also write the edited files into the repository when the guardrails allow them." };
    private readonly Option<bool> _validate = new("--validate") { Description = "Rerun the affected tests on a patched copy first (praxi.json 'tests' and 'validation'); a patch that fails is withheld (exit 1)." };
    private readonly Option<string?> _config = new("--config") { Description = "praxi.json with guardrails and selector preferences (default: <repo>/praxi.json if present)." };

    public FixCommand(CliServices services)
        : base("fix", "Turn fix instructions into a guarded, reviewable patch and its metadata (plan-only unless --apply).")
    {
        _services = services;
        Arguments.Add(_repo);
        Options.Add(_analysis);
        Options.Add(_out);
        Options.Add(_validate);
        Options.Add(_apply);
        Options.Add(_config);
        Subcommands.Add(new FixPrepareCommand());
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    /// <summary>Reads the instructions file: missing or malformed is bad input.</summary>
    internal static FixInput ReadInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new FixEngineException($"analysis '{path}' does not exist; pass analysis.json from 'praxi analyze' or fix-agent/input.json from 'praxi fix prepare'.");
        }

        try
        {
            return FixJson.ReadInput(File.ReadAllText(path));
        }
        catch (FixEngineException ex)
        {
            throw new FixEngineException($"analysis '{path}': {ex.Message}", ex);
        }
    }

    internal static string RequireRepository(string repo)
    {
        if (!Directory.Exists(repo))
        {
            throw new FixEngineException($"repository '{repo}' does not exist or is not a folder; pass the checkout of the repository under test.");
        }

        return Path.GetFullPath(repo);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var repo = RequireRepository(parse.GetRequiredValue(_repo));
        var analysisPath = parse.GetRequiredValue(_analysis);
        var input = ReadInput(analysisPath);
        var config = PraxiConfig.Load(parse.GetValue(_config), repo);
        var options = FixAgentOptions.From(config);
        var agent = _services.CreateFixAgent(options);

        var result = await agent.PlanAsync(input, repo, cancellationToken).ConfigureAwait(false);

        var outDir = parse.GetRequiredValue(_out);
        var runId = result.Metadata.RunId;
        var patchPath = Path.Combine(outDir, $"patch-{runId}.diff");
        var metadataPath = Path.Combine(outDir, $"metadata-{runId}.json");
        ValidationResult? validated = null;
        if (parse.GetValue(_validate))
        {
            validated = ReadAnalysisReport(analysisPath) is { } report
                ? await PatchValidator.ValidateAsync(repo, result, report, config, cancellationToken).ConfigureAwait(false)
                : await PatchValidator.ValidateAsync(repo, result, input, config, cancellationToken).ConfigureAwait(false);
            result = validated.Fix;
            await ValidationFiles.WriteAsync(validated, outDir, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AtomicFiles.WriteAllAsync([(patchPath, result.Patch), (metadataPath, FixJson.Serialize(result.Metadata) + "\n")], cancellationToken).ConfigureAwait(false);
        }

        var output = parse.InvocationConfiguration.Output;
        var m = result.Metadata;
        var inv = CultureInfo.InvariantCulture;
        if (result.Allowed && m.Edits.Count == 0)
        {
            await output.WriteLineAsync(string.Create(inv, $"no code change ({input.Instructions.Count} instruction(s)); empty patch → {patchPath}")).ConfigureAwait(false);
        }
        else if (result.Allowed)
        {
            await output.WriteLineAsync(string.Create(inv, $"guardrails allowed: {m.Edits.Count} edit(s) in {m.Edits.Select(e => e.File).Distinct(StringComparer.Ordinal).Count()} file(s), risk {m.Risk.Class.ToName()} ({m.Risk.Score:0.00}) → {patchPath}")).ConfigureAwait(false);
        }
        else
        {
            var refused = m.Guardrails.Decisions.Where(d => d.Verdict == GuardrailVerdict.Refused).ToList();
            await output.WriteLineAsync(string.Create(inv, $"guardrails refused ({refused.Count} rule(s)); the patch is empty → {metadataPath}")).ConfigureAwait(false);
            foreach (var d in refused)
            {
                await output.WriteLineAsync($"  {d.Rule}{(d.Subject is null ? string.Empty : " " + d.Subject)}: {d.Reason}").ConfigureAwait(false);
            }
        }

        if (m.NeedsManualReview)
        {
            await output.WriteLineAsync(string.Create(inv, $"needs manual review: {m.ManualReview.Count} instruction(s), {m.Conflicts.Count} conflict(s) (see {metadataPath})")).ConfigureAwait(false);
        }

        if (validated is not null)
        {
            await ReportAsync(output, validated, outDir).ConfigureAwait(false);
        }

        if (parse.GetValue(_apply))
        {
            var written = FixAgent.Apply(result);
            await output.WriteLineAsync(validated?.Withheld == true ? "not applied: validation withheld the patch"
                : written.Count == 0 ? "applied: nothing to write" : $"applied: {string.Join(", ", written)}").ConfigureAwait(false);
        }

        return validated?.Withheld == true ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>The analysis report when <paramref name="path"/> is analysis.json (its failures are the tests to rerun), else null.</summary>
    private static AnalysisReport? ReadAnalysisReport(string path)
    {
        var json = File.ReadAllText(path);
        using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        {
            if (!document.RootElement.TryGetProperty("fix_agent_instructions", out _))
            {
                return null;
            }
        }

        return AnalysisJson.Deserialize(json);
    }

    /// <summary>Prints what validation concluded and where the withheld patch went.</summary>
    internal static async Task ReportAsync(TextWriter output, ValidationResult validated, string outDir)
    {
        var v = validated.Validation;
        var ran = v.Command is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $": {v.Command} ({(v.DurationMs ?? 0) / 1000.0:0.0} s)");
        var line = v.Status switch
        {
            FixValidation.Passed => $"validation passed{ran}",
            FixValidation.NotRun => $"validation not run: {v.Reason}" + (validated.Withheld ? " (require_pass: the patch is withheld)" : string.Empty),
            FixValidation.Progressed => $"validation progressed: {v.Reason}" + (validated.Withheld ? " (on_progressed: withhold, the patch is withheld)" : " (the patch is kept)"),
            _ => $"validation {v.Status.Replace('_', ' ')}: {v.Reason}",
        };
        await output.WriteLineAsync(line).ConfigureAwait(false);
        if (validated.Withheld)
        {
            await output.WriteLineAsync($"patch withheld: the patch file is empty; the real patch → {Path.Combine(outDir, $"patch-{validated.Fix.Metadata.RunId}.rejected.diff")}").ConfigureAwait(false);
        }

        if (validated.WorkspacePath is not null)
        {
            await output.WriteLineAsync($"workspace kept: {validated.WorkspacePath}").ConfigureAwait(false);
        }
    }
}
