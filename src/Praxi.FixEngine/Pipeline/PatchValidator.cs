using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Running;
using Praxi.FixEngine.Validation;

namespace Praxi.FixEngine.Pipeline;

/// <summary>
/// Proves a fix-agent patch before anyone reviews it: applies it to a temporary copy of the repository, runs the static
/// checks (<c>parses</c>, <c>assertions_intact</c>), then reruns exactly the affected tests with each <c>praxi.json</c>
/// <c>tests</c> runner that selects them (<c>target_passes</c>, <c>no_new_failures</c>). A failing check, a test still failing
/// at the same call, a failed or timed-out rerun withholds the patch; a test that got past its failing call and failed
/// later (<c>progressed</c>) keeps it unless <c>validation.on_progressed</c> is <c>withhold</c>; one that could not be
/// validated is flagged (withheld under <c>require_pass</c>).
/// The user's repository is never modified. See docs/validation.md.
/// </summary>
/// <example>
/// <code>
/// var fix = await agent.PlanAsync(FixInput.From(analysis), repo, ct);
/// var validated = await PatchValidator.ValidateAsync(repo, fix, analysis, config, ct);
/// await ValidationFiles.WriteAsync(validated, "fix-agent", ct);
/// </code>
/// </example>
public static class PatchValidator
{
    /// <summary>Validates <paramref name="fix"/> against the failed tests of <paramref name="analysis"/>.</summary>
    /// <param name="repositoryRoot">The checkout the patch is for (may be a subfolder of a git checkout).</param>
    /// <param name="fix">The planned fix (<see cref="FixAgent.PlanAsync"/>).</param>
    /// <param name="analysis">The analysis whose failures the patch should fix.</param>
    /// <param name="config">The configuration: <c>tests</c> runners and <c>validation</c> settings.</param>
    /// <param name="cancellationToken">Stops the validation (the copy is still removed).</param>
    /// <returns>The fix with its validation recorded, and whether it is withheld.</returns>
    /// <exception cref="FixEngineException">The repository does not exist or the options are invalid.</exception>
    public static Task<ValidationResult> ValidateAsync(
        string repositoryRoot, FixResult fix, AnalysisReport analysis, PraxiConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return ValidateAsync(repositoryRoot, fix, TestTarget.From(analysis), config, null, CodeRewriters.All, cancellationToken);
    }

    /// <summary>
    /// Validates <paramref name="fix"/> against the tests its instructions name (when only <c>fix-agent/input.json</c> is at
    /// hand: the tests are known by name and file only, so runners should select them by <c>match</c>).
    /// </summary>
    /// <param name="repositoryRoot">The checkout the patch is for.</param>
    /// <param name="fix">The planned fix.</param>
    /// <param name="input">The instructions the fix was planned from.</param>
    /// <param name="config">The configuration.</param>
    /// <param name="cancellationToken">Stops the validation.</param>
    /// <returns>The fix with its validation recorded, and whether it is withheld.</returns>
    /// <exception cref="FixEngineException">The repository does not exist or the options are invalid.</exception>
    public static Task<ValidationResult> ValidateAsync(
        string repositoryRoot, FixResult fix, FixInput input, PraxiConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var targets = input.Instructions
            .Where(i => i.Test is not null)
            .Select(i => new TestTarget(i.Test!, i.File, i.Line, null, null, null))
            .DistinctBy(t => t.Test, StringComparer.Ordinal)
            .ToList();
        return ValidateAsync(repositoryRoot, fix, targets, config, null, CodeRewriters.All, cancellationToken);
    }

    /// <summary>The core with the built-in rewriters judging syntax.</summary>
    internal static Task<ValidationResult> ValidateAsync(
        string repositoryRoot, FixResult fix, IReadOnlyList<TestTarget> failures, PraxiConfig config, ValidationOptions? options, CancellationToken cancellationToken) =>
        ValidateAsync(repositoryRoot, fix, failures, config, options, CodeRewriters.All, cancellationToken);

    /// <summary>The core: <paramref name="failures"/> are the analysis' failed tests; <paramref name="options"/> null reads them from <paramref name="config"/>; <paramref name="rewriters"/> judge the syntax of the files they handle.</summary>
    internal static async Task<ValidationResult> ValidateAsync(
        string repositoryRoot,
        FixResult fix,
        IReadOnlyList<TestTarget> failures,
        PraxiConfig config,
        ValidationOptions? options,
        IReadOnlyList<ICodeRewriter> rewriters,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryRoot);
        ArgumentNullException.ThrowIfNull(fix);
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(config);
        if (!Directory.Exists(repositoryRoot))
        {
            throw new FixEngineException($"repository '{repositoryRoot}' does not exist or is not a folder; pass the checkout of the repository under test.");
        }

        if (options is null)
        {
            options = new ValidationOptions();
            config.ApplyTo(options);
        }

        if (options.Problems().ToList() is { Count: > 0 } problems)
        {
            throw new FixEngineException($"validation options: {string.Join("; ", problems)}.");
        }

        if (string.IsNullOrWhiteSpace(fix.Patch))
        {
            var reason = fix.Allowed ? "the patch is empty: there is no code change to validate" : "the guardrails refused the patch: there is nothing to validate";
            return Finish(fix, new FixValidation { Status = FixValidation.NotRun, Reason = reason }, options, workspace: null);
        }

        var classification = new AnalysisOptions();
        config.ApplyTo(classification);
        var (validation, workspace) = await PatchTrial.RunAsync(repositoryRoot, fix.Patch, failures, config.TestRunners, options, rewriters, classification, cancellationToken).ConfigureAwait(false);
        return Finish(fix, validation, options, workspace);
    }

    private static ValidationResult Finish(FixResult fix, FixValidation validation, ValidationOptions options, string? workspace)
    {
        var hasPatch = !string.IsNullOrWhiteSpace(fix.Patch);
        var withheld = hasPatch && (validation.Status is FixValidation.Failed or FixValidation.StillFailing or FixValidation.TimedOut
            || (validation.Status == FixValidation.Progressed && options.OnProgressed == ProgressedPatch.Withhold)
            || (validation.Status == FixValidation.NotRun && options.RequirePass));
        var flagged = hasPatch && validation.Status == FixValidation.NotRun;
        var metadata = fix.Metadata with
        {
            Validation = validation,
            PrBody = PullRequestText.WithValidation(fix.Metadata.PrBody, validation, withheld),
        };
        if (withheld || flagged)
        {
            var status = withheld ? "validation_failed" : "not_validated";
            var reason = (withheld ? "withheld by validation: " : "not validated: ") + (validation.Reason ?? validation.Status);
            var items = fix.Changes.SelectMany(c => c.Edits).GroupBy(e => e.Instruction).OrderBy(g => g.Key)
                .Select(g => new ManualReviewItem { Instruction = g.Key, Kind = g.First().Edit.Kind, File = g.First().Edit.File, Line = g.First().Edit.Line, Status = status, Reason = reason })
                .DefaultIfEmpty(new ManualReviewItem { Instruction = 0, Kind = "validation", File = (fix.Metadata.Edits.Count > 0 ? fix.Metadata.Edits[0].File : "."), Status = status, Reason = reason });
            metadata = metadata with { NeedsManualReview = true, ManualReview = [.. metadata.ManualReview, .. items] };
        }

        var result = withheld ? fix with { Metadata = metadata, Patch = string.Empty, Changes = [] } : fix with { Metadata = metadata };
        return new ValidationResult { Fix = result, Withheld = withheld, RejectedPatch = withheld ? fix.Patch : null, WorkspacePath = workspace };
    }
}
