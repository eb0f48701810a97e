using System.Diagnostics;
using System.Globalization;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Validation;

/// <summary>
/// The trial of one patch: applied to a temporary copy of the repository, the static checks (<c>parses</c>,
/// <c>assertions_intact</c>), then exactly the affected tests rerun with each runner that selects them
/// (<c>target_passes</c>, <c>no_new_failures</c>). The user's repository is never modified. See docs/validation.md.
/// </summary>
internal static class PatchTrial
{
    /// <summary>Tries <paramref name="patch"/> against the failed tests <paramref name="failures"/>.</summary>
    /// <param name="repositoryRoot">The checkout the patch is for (may be a subfolder of a git checkout).</param>
    /// <param name="patch">The unified diff; not empty.</param>
    /// <param name="failures">The failed tests the patch should make pass.</param>
    /// <param name="allRunners">The configured test runners; those that select a failed test rerun it.</param>
    /// <param name="options">The validation settings.</param>
    /// <param name="rewriters">The rewriters, which judge their languages' syntax.</param>
    /// <param name="classification">How to classify the rerun's failures (the analysis settings of <c>praxi.json</c>).</param>
    /// <param name="cancellationToken">Stops the trial (the copy is still removed).</param>
    /// <returns>The validation record, and the kept copy's path when <see cref="ValidationOptions.KeepWorkspace"/> is set.</returns>
    public static async Task<(FixValidation Validation, string? Workspace)> RunAsync(
        string repositoryRoot,
        string patch,
        IReadOnlyList<TestTarget> failures,
        IReadOnlyList<TestRunner> allRunners,
        ValidationOptions options,
        IReadOnlyList<ICodeRewriter> rewriters,
        AnalysisOptions classification,
        CancellationToken cancellationToken)
    {
        var targets = failures.Where(t => t.IsTest).ToList();
        var runners = allRunners.Where(r => targets.Any(r.Selects)).ToList();
        if (targets.Count == 0)
        {
            return (new FixValidation { Status = FixValidation.NotRun, Reason = "the analysis names no failed test to rerun" }, null);
        }

        if (runners.Count == 0)
        {
            var names = string.Join(", ", targets.Take(3).Select(t => $"'{t.Test}'"));
            return (new FixValidation { Status = FixValidation.NotRun, Reason = $"no runner in praxi.json 'tests' selects the failed tests ({names}); add one to validate patches" }, null);
        }

        var clock = Stopwatch.StartNew();
        var workspace = await ValidationWorkspace.CreateAsync(repositoryRoot, [.. runners.Select(r => r.WorkingDirectory)], options.KeepWorkspace, cancellationToken).ConfigureAwait(false);
        await using (workspace.ConfigureAwait(false))
        {
            var validation = await RunAsync(workspace, patch, targets, runners, rewriters, classification, options.Timeout, cancellationToken).ConfigureAwait(false);
            if (validation.DurationMs is null)
            {
                validation = validation with { DurationMs = clock.ElapsedMilliseconds };
            }

            return (validation, options.KeepWorkspace ? workspace.Root : null);
        }
    }

    private static async Task<FixValidation> RunAsync(
        ValidationWorkspace workspace,
        string patch,
        IReadOnlyList<TestTarget> targets,
        IReadOnlyList<TestRunner> runners,
        IReadOnlyList<ICodeRewriter> rewriters,
        AnalysisOptions classification,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var paths = StaticChecks.PathsOf(patch);
        var before = paths.Select(workspace.Read).ToList();
        var notApplied = await workspace.ApplyAsync(patch, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (notApplied is not null)
        {
            var applies = new ValidationCheck { Name = "applies", Passed = false, Detail = notApplied };
            return new FixValidation { Status = FixValidation.Failed, Checks = [applies], Reason = "the patch does not apply: " + notApplied };
        }

        var checks = new List<ValidationCheck> { new() { Name = "applies", Passed = true, Detail = string.Create(CultureInfo.InvariantCulture, $"git apply changed {paths.Count} file(s)") } };
        var files = paths.Select((p, i) => new StaticChecks.ChangedFile(p, before[i], workspace.Read(p))).ToList();
        checks.AddRange(StaticChecks.Run(files, rewriters, cancellationToken));
        if (checks.FirstOrDefault(c => !c.Passed) is { } failedStatic)
        {
            return new FixValidation { Status = FixValidation.Failed, Checks = checks, Reason = $"check '{failedStatic.Name}' failed, so the tests were not rerun: {failedStatic.Detail}" };
        }

        using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cap.CancelAfter(timeout);
        var outcomes = new List<RerunOutcome>();
        foreach (var runner in runners)
        {
            var outcome = await TestRerunner.RunAsync(workspace.Root, runner, targets, cancellationToken: cap.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            outcomes.Add(outcome);
            if (outcome.Process.TimedOut || outcome.Process.StartError is not null)
            {
                break;
            }
        }

        var diffs = files.Where(f => f.Before is not null && f.After is not null).Select(f => UnifiedDiff.Create(f.Path, f.Before!, f.After!)).ToList();
        return Judge(new Rerun(outcomes, targets, runners, diffs, classification), checks, cap.IsCancellationRequested);
    }

    private static FixValidation Judge(Rerun rerun, List<ValidationCheck> checks, bool capReached)
    {
        var (outcomes, targets, runners) = (rerun.Outcomes, rerun.Targets, rerun.Runners);
        var record = new FixValidation
        {
            Status = FixValidation.Failed,
            Command = string.Join(" ; ", outcomes.Select(o => CommandLine(o.Command))),
            Cwd = outcomes[0].WorkingDirectory,
            DurationMs = (long)outcomes.Sum(o => o.Process.Duration.TotalMilliseconds),
            OutputTail = string.Join("\n", outcomes.Select(o => o.Process.OutputTail)),
            Checks = checks,
        };
        var last = outcomes[^1];
        if (last.Process.StartError is not null)
        {
            return record with { Status = FixValidation.NotRun, Reason = $"test runner '{last.Runner}' did not start: {last.Process.StartError}" };
        }

        if (last.Process.TimedOut)
        {
            var limit = capReached ? "the overall validation.timeout_s" : $"the runner's timeout_s";
            return record with { Status = FixValidation.TimedOut, Reason = $"test runner '{last.Runner}' was stopped by {limit}" };
        }

        if (outcomes.All(o => o.Results.Count == 0) && outcomes.FirstOrDefault(o => o.Process.ExitCode is not 0) is { } broken)
        {
            // No runner reported a single test: the rerun itself broke (environment missing, bad arguments), which says
            // nothing about the patch. Not validated, not "the patch is wrong".
            var said = broken.Process.OutputTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            return record with
            {
                Status = FixValidation.NotRun,
                Reason = $"test runner '{broken.Runner}' reported no test ({broken.Process.Describe()}{(said is null ? string.Empty : ": " + said)}); check that it can run here",
            };
        }

        var selected = targets.Where(t => runners.Any(r => r.Selects(t))).ToList();
        var tests = TargetedTests(rerun, selected, out var verdicts);
        var others = outcomes.SelectMany(o => o.OtherFailures(targets)).Select(r => r.Test).Distinct(StringComparer.Ordinal).ToList();
        var otherPassed = outcomes.SelectMany(o => o.Results).Where(r => r.Status == TestResult.Passed && !targets.Any(t => TestNames.Same(t.Test, r.Test)))
            .Select(r => r.Test).Distinct(StringComparer.Ordinal).Where(t => !others.Contains(t, StringComparer.Ordinal));
        tests.AddRange(others.Select(t => new ValidatedTest { Test = t, Status = TestResult.Failed }));
        tests.AddRange(otherPassed.Select(t => new ValidatedTest { Test = t, Status = TestResult.Passed }));

        var notPassing = tests.Take(selected.Count).Where(t => t.Status != TestResult.Passed).ToList();
        var problems = outcomes.SelectMany(o => o.Problems).ToList();
        if (notPassing.Any(t => t.Status == TestResult.NotRun) && outcomes.SelectMany(o => o.Results).Select(r => r.Test).Distinct(StringComparer.Ordinal).Take(5).ToList() is { Count: > 0 } reported)
        {
            problems.Add("the results name: " + string.Join(", ", reported.Select(t => $"'{t}'")));
        }

        var unselected = targets.Except(selected).Select(t => t.Test).ToList();
        var targetDetail = notPassing.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"all {selected.Count} targeted test(s) pass")
            : string.Join("; ", notPassing.Select(t => t.Status == TestResult.NotRun ? $"'{t.Test}' is not in the results" : verdicts[t.Test]))
              + (problems.Count > 0 ? " (" + string.Join("; ", problems) + ")" : string.Empty);
        if (unselected.Count > 0)
        {
            targetDetail += $"; not rerun (no runner selects them): {string.Join(", ", unselected.Select(t => $"'{t}'"))}";
        }

        var targetCheck = new ValidationCheck { Name = "target_passes", Passed = notPassing.Count == 0, Detail = targetDetail };
        checks.Add(targetCheck);
        var exitedBadly = outcomes.Where(o => o.Process.ExitCode is not 0).ToList();
        var newFailureDetail = others.Count > 0
            ? $"newly failing: {string.Join(", ", others.Take(10).Select(t => $"'{t}'"))}"
            : exitedBadly.Count > 0 && notPassing.Count == 0
                ? $"no test failed, but test runner '{exitedBadly[0].Runner}' ended with {exitedBadly[0].Process.Describe()}"
                : "no other test in the rerun failed";
        var noNewFailures = new ValidationCheck { Name = "no_new_failures", Passed = others.Count == 0 && !(exitedBadly.Count > 0 && notPassing.Count == 0), Detail = newFailureDetail };
        checks.Add(noNewFailures);

        // A targeted test missing or failing before its call, or another test broken, is a plain failure; then the same
        // call failing again; a test that only moved on to a later failure is progress.
        var targetFailed = notPassing.Any(t => t.Status is TestResult.Failed or TestResult.NotRun);
        var (status, why) = targetFailed ? (FixValidation.Failed, targetCheck)
            : !noNewFailures.Passed ? (FixValidation.Failed, noNewFailures)
            : notPassing.Any(t => t.Status == FixValidation.StillFailing) ? (FixValidation.StillFailing, targetCheck)
            : notPassing.Count > 0 ? (FixValidation.Progressed, targetCheck)
            : (FixValidation.Passed, null);
        return record with
        {
            Status = status,
            Reason = why is null ? null : status == FixValidation.Progressed ? why.Detail : $"check '{why.Name}' failed: {why.Detail}",
            Tests = tests,
        };
    }

    /// <summary>
    /// Each targeted test's outcome: passed, not_run, or — when it failed — still_failing, progressed or failed as
    /// <see cref="FailureProgress"/> tells, with the rerun's failure typed by the analysis' classifier.
    /// </summary>
    private static List<ValidatedTest> TargetedTests(Rerun rerun, List<TestTarget> selected, out Dictionary<string, string> details)
    {
        details = new Dictionary<string, string>(StringComparer.Ordinal);
        var tests = new List<ValidatedTest>();
        var typed = new Lazy<IReadOnlyList<FailureReport>>(() => Classify(rerun));
        foreach (var target in selected)
        {
            var statuses = rerun.Outcomes.Select(o => o.StatusOf(target)).ToList();
            if (!statuses.Contains(TestResult.Failed))
            {
                tests.Add(new ValidatedTest { Test = target.Test, Status = statuses.Contains(TestResult.Passed) ? TestResult.Passed : TestResult.NotRun });
                continue;
            }

            var failed = rerun.Outcomes.SelectMany(o => o.Results).Where(r => r.Status == TestResult.Failed && TestNames.Same(r.Test, target.Test)).ToList();
            var verdict = FailureProgress.Compare(target, failed, rerun.Patch);
            var at = verdict.At;
            var type = typed.Value.FirstOrDefault(f => TestNames.Same(f.Test, at.Test) && f.Line == at.Line && (at.File is null || f.File is { } ff && FailureProgress.SamePath(ff, at.File)))
                ?? typed.Value.FirstOrDefault(f => TestNames.Same(f.Test, at.Test));
            var failure = new ValidatedFailure { File = at.File, Line = at.Line, Message = at.Message ?? string.Empty, ErrorType = type?.ErrorType, Confidence = type?.Confidence };
            details[target.Test] = verdict.Status == FixValidation.Progressed
                ? $"{verdict.Detail}: {failure.Message}" + (failure.ErrorType is { } t ? $" ({t.ToName()})" : string.Empty)
                : verdict.Detail;
            tests.Add(new ValidatedTest { Test = target.Test, Status = verdict.Status, Failure = failure });
        }

        return tests;
    }

    /// <summary>The rerun's failures classified like an analysed run's; none when the result files cannot be classified.</summary>
    private static IReadOnlyList<FailureReport> Classify(Rerun rerun)
    {
        var logs = rerun.Outcomes.SelectMany(o => o.Logs).ToList();
        try
        {
            return logs.Count == 0 ? [] : new FailureAnalyzer(rerun.Classification).Analyze(logs).Classification.Failures;
        }
        catch (FixEngineException)
        {
            return [];
        }
    }

    /// <summary>What the rerun needs to be judged: its outcomes, the targets, the runners, the patch's diffs, the classifier's settings.</summary>
    private sealed record Rerun(
        List<RerunOutcome> Outcomes, IReadOnlyList<TestTarget> Targets, IReadOnlyList<TestRunner> Runners, IReadOnlyList<FileDiff> Patch, AnalysisOptions Classification);

    /// <summary>The argument list as one readable line (quoted where a shell would split it); for reports only, never run.</summary>
    private static string CommandLine(IReadOnlyList<string> args) =>
        string.Join(' ', args.Select(a => a.Length > 0 && a.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@+,%".Contains(c, StringComparison.Ordinal)) ? a : "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
}
