using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Pipeline;

/// <summary>
/// The loop end to end, as <c>praxi heal</c> runs it: analyze the failed run; let self-heal fix what needs no code change
/// (when asked and the policy allows it); heal the broken selectors from the page evidence and the baseline; plan the
/// guarded fix for what still fails; validate it by a rerun (when asked); apply it (when asked). Every step's files go into
/// one output folder: analysis.json, self-heal/, heal.json, fix-agent/patch-&lt;run&gt;.diff and metadata-&lt;run&gt;.json.
/// See docs/embedding.md.
/// </summary>
/// <example>
/// <code>
/// var result = await new HealLoop().RunAsync(new HealLoopRequest { ArtifactsPath = "artifacts", RepositoryRoot = "." });
/// Console.WriteLine($"{result.Fix?.Metadata.Edits.Count} edit(s) → {result.PatchPath}");
/// </code>
/// </example>
public sealed class HealLoop
{
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<ICodeRewriter> _rewriters;

    /// <summary>Creates the loop.</summary>
    /// <param name="loggerFactory">Where each step's progress is logged, or null for nowhere.</param>
    /// <param name="timeProvider">The clock self-heal stamps its files with, or null for the system clock.</param>
    public HealLoop(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(CodeRewriters.All, loggerFactory, timeProvider)
    {
    }

    /// <summary>Creates the loop with other rewriters (tests).</summary>
    internal HealLoop(IReadOnlyList<ICodeRewriter> rewriters, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _rewriters = rewriters;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<HealLoop>();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Runs the loop.</summary>
    /// <param name="request">The run's artifacts, the repository and which optional steps run.</param>
    /// <param name="cancellationToken">Stops the loop between and inside steps.</param>
    /// <returns>Each step's result; a refusal, an abstention or a withheld patch is a result, not an exception.</returns>
    /// <exception cref="FixEngineException">Bad input: the repository, the artifacts, the baseline or praxi.json cannot be used.</exception>
    public async Task<HealLoopResult> RunAsync(HealLoopRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repo = RequireRepository(request.RepositoryRoot);
        if (!Directory.Exists(request.ArtifactsPath) && !File.Exists(request.ArtifactsPath))
        {
            throw new FixEngineException($"artifacts '{request.ArtifactsPath}' do not exist; pass the folder the failed run's artifacts were downloaded to.");
        }

        // A downloaded artifact zip is unpacked once, for the analysis and the healer alike.
        using var unpacked = ArtifactFolder.Open(request.ArtifactsPath);
        var artifacts = unpacked.Path;

        var config = request.Config ?? PraxiConfig.Load(request.ConfigPath, repo);
        var analysisOptions = new AnalysisOptions { RunId = request.RunId ?? "local" };
        config.ApplyTo(analysisOptions);
        var fixOptions = FixAgentOptions.From(config);
        var baseline = await BaselineOfAsync(request.BaselinePath, repo, cancellationToken).ConfigureAwait(false);
        var outDir = request.OutputFolder;

        var report = await new FailureAnalyzer(analysisOptions).AnalyzeAsync(artifacts, cancellationToken).ConfigureAwait(false);
        var classification = report.Classification;
        var errorType = classification.ErrorType.ToName();
        Log.Analyzed(_log, report.RunId, errorType, classification.Confidence, classification.Failures.Count);
        var result = new HealLoopResult { Analysis = report, OutputFolder = outDir };

        // Self-heal first: what a reseed, a fresh login or a restart fixes needs no code change.
        IReadOnlyList<string> passedAfterHeal = [];
        if (request.SelfHeal)
        {
            await AtomicFiles.WriteAllAsync([(Path.Combine(outDir, "analysis.json"), AnalysisJson.Serialize(report) + "\n")], cancellationToken).ConfigureAwait(false);
            var selfHeal = await new SelfHealPipeline(_time).RunAsync(
                new SelfHealRequest
                {
                    RepositoryRoot = repo,
                    OutputFolder = outDir,
                    Analysis = report,
                    ArtifactsPath = artifacts,
                    Config = config,
                    TriggerSource = request.TriggerSource,
                    RequireManualTrigger = request.RequireManualTrigger,
                    FullSuite = request.FullSuite,
                },
                cancellationToken).ConfigureAwait(false);
            Log.SelfHealed(_log, selfHeal.Summary);
            result = result with { SelfHeal = selfHeal };
            if (selfHeal.ChangedFiles.Count > 0)
            {
                return result with { Stopped = HealLoopStop.SelfHealChangedTheTree };
            }

            passedAfterHeal = [.. selfHeal.Verdicts.Where(v => v.Status == TestResult.Passed).Select(v => v.Test)];
        }

        var heal = await new SelectorHealer(fixOptions.Selectors).HealAsync(report, artifacts, baseline, cancellationToken).ConfigureAwait(false);
        heal = AuthorForm.Of(heal, report, fixOptions.Selectors.ToPreferences());
        var healedCount = heal.Outcomes.Count(o => o.Status == HealStatus.Healed);
        Log.Healed(_log, healedCount, heal.Outcomes.Count);
        var healed = report with { FixAgentInstructions = heal.Instructions };
        var stillFailing = StillFailing(healed, passedAfterHeal);
        await AtomicFiles.WriteAllAsync(
            [
                (Path.Combine(outDir, "analysis.json"), AnalysisJson.Serialize(healed) + "\n"),
                (Path.Combine(outDir, "heal.json"), JsonSerializer.Serialize(heal, AnalysisJson.Options) + "\n"),
            ],
            cancellationToken).ConfigureAwait(false);
        result = result with { Heal = heal };
        if (passedAfterHeal.Count > 0 && stillFailing.FixAgentInstructions.Count == 0)
        {
            return result with { Stopped = HealLoopStop.SelfHealPassedEveryTest };
        }

        var fix = await new FixAgent(fixOptions, _rewriters).PlanAsync(FixInput.From(stillFailing), repo, cancellationToken).ConfigureAwait(false);
        var risk = fix.Metadata.Risk.Class.ToName();
        Log.Planned(_log, fix.Metadata.Edits.Count, fix.Allowed, risk);
        ValidationResult? validated = null;
        if (request.Validate)
        {
            validated = await PatchValidator.ValidateAsync(repo, fix, TestTarget.From(stillFailing), config, null, _rewriters, cancellationToken).ConfigureAwait(false);
            fix = validated.Fix;
            Log.Validated(_log, validated.Validation.Status, validated.Withheld);
            await ValidationFiles.WriteAsync(validated, result.FixFolder, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AtomicFiles.WriteAllAsync([(result.PatchPath, fix.Patch), (result.MetadataPath, FixJson.Serialize(fix.Metadata) + "\n")], cancellationToken).ConfigureAwait(false);
        }

        result = result with { Fix = fix, Validation = validated, NotPatched = NotPatched(heal, stillFailing.FixAgentInstructions, fix.Metadata.ManualReview) };
        if (request.Apply)
        {
            IReadOnlyList<string> written = validated?.Withheld == true ? [] : FixAgent.Apply(fix);
            Log.Applied(_log, written.Count);
            result = result with { Applied = written };
        }

        return result;
    }

    /// <summary>For each healed outcome the fix agent listed for review, its reason (the fix agent's instructions are those left after self-heal).</summary>
    private static Dictionary<int, string> NotPatched(HealReport heal, IReadOnlyList<FixInstruction> given, IReadOnlyList<ManualReviewItem> review)
    {
        var result = new Dictionary<int, string>();
        foreach (var o in heal.Outcomes.Where(o => o.Status == HealStatus.Healed && o.Instruction >= 0 && o.Instruction < heal.Instructions.Count))
        {
            var index = given.ToList().FindIndex(i => ReferenceEquals(i, heal.Instructions[o.Instruction]));
            if (review.FirstOrDefault(r => r.Instruction == index) is { } item)
            {
                result[o.Instruction] = item.Reason;
            }
        }

        return result;
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

    private static string RequireRepository(string repo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repo);
        if (!Directory.Exists(repo))
        {
            throw new FixEngineException($"repository '{repo}' does not exist or is not a folder; pass the checkout of the repository under test.");
        }

        return Path.GetFullPath(repo);
    }

    /// <summary>The baseline to heal against, checked before any step runs: a broken one is bad input, said up front.</summary>
    private static async Task<string?> BaselineOfAsync(string? baseline, string repo, CancellationToken cancellationToken)
    {
        if (baseline is null && File.Exists(Path.Combine(repo, BaselineRecorder.DefaultStorePath)))
        {
            baseline = Path.Combine(repo, BaselineRecorder.DefaultStorePath);
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
            await BaselineStore.LoadAsync(baseline, cancellationToken).ConfigureAwait(false);
        }

        return baseline;
    }
}
