using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.SelfHeal;

/// <summary>
/// Runs an allowed heal: records the attempt first, snapshots the working tree, runs the configured remediation actions
/// in order (argument lists from praxi.json only, each with its time limit; the first that fails stops the heal), reruns
/// the targeted tests with the <c>tests</c> runners (subset, then the full suite when asked), snapshots the tree again
/// and gives each test a verdict. The report is written whatever happens, even when an action throws or is cancelled.
/// </summary>
internal sealed class SelfHealExecutor(TimeProvider timeProvider)
{
    /// <summary>Executes <paramref name="decision"/>.</summary>
    /// <param name="repositoryRoot">The repository (absolute).</param>
    /// <param name="outputFolder">The output folder (its <c>self-heal/</c> holds the files).</param>
    /// <param name="context">The context prepare wrote.</param>
    /// <param name="decision">The decision decide wrote.</param>
    /// <param name="settings">The policy and actions, from praxi.json now (never from the decision's text).</param>
    /// <param name="runners">The test runners.</param>
    /// <param name="fullSuite">Run the full suites after a passing subset.</param>
    /// <param name="cancellationToken">Kills the running process; the report is still written.</param>
    /// <returns>The report (also written to <c>report-&lt;run_id&gt;.json</c>).</returns>
    public async Task<SelfHealReport> ExecuteAsync(
        string repositoryRoot,
        string outputFolder,
        SelfHealContext context,
        SelfHealDecision decision,
        SelfHealSettings settings,
        IReadOnlyList<TestRunner> runners,
        bool fullSuite,
        CancellationToken cancellationToken)
    {
        if (decision.RunId != context.RunId)
        {
            throw new FixEngineException($"decision.json is for run {decision.RunId} but context.json for run {context.RunId}; run 'praxi self-heal decide' again.");
        }

        var refusal = Refusal(outputFolder, decision, settings);
        if (refusal is not null)
        {
            var refused = new SelfHealReport { RunId = decision.RunId, ErrorType = decision.ErrorType, Rule = refusal.Value.Rule, Status = SelfHealReport.Refused, Summary = $"refused ({refusal.Value.Rule}): {refusal.Value.Reason}; nothing ran" };
            await SelfHealStore.WriteAsync(SelfHealStore.ReportPath(outputFolder, decision.RunId), refused, cancellationToken).ConfigureAwait(false);
            return refused;
        }

        var attempts = SelfHealStore.ReadAttempts(outputFolder);
        var attempt = new SelfHealAttempt(context.RunId, attempts.Count(a => a.RunId == context.RunId) + 1, timeProvider.GetUtcNow(), decision.ErrorType, decision.Actions, SelfHealAttempt.Running);
        await SelfHealStore.WriteAttemptsAsync(outputFolder, [.. attempts, attempt], cancellationToken).ConfigureAwait(false);

        var run = new Run(repositoryRoot, decision, attempt.Number);
        try
        {
            await run.ExecuteAsync(context, settings, runners, fullSuite || settings.FullSuite, Ignored(repositoryRoot, outputFolder, runners), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            run.Interrupted(ex is OperationCanceledException ? "cancelled" : ex.Message);
            throw;
        }
        finally
        {
            var report = run.Report();
            await SelfHealStore.WriteAsync(SelfHealStore.ReportPath(outputFolder, decision.RunId), report, CancellationToken.None).ConfigureAwait(false);
            var now = SelfHealStore.ReadAttempts(outputFolder);
            await SelfHealStore.WriteAttemptsAsync(
                outputFolder,
                [.. now.Select(a => a.RunId == attempt.RunId && a.Number == attempt.Number ? a with { Status = report.Status, FinishedAt = timeProvider.GetUtcNow() } : a)],
                CancellationToken.None).ConfigureAwait(false);
        }

        return run.Report();
    }

    /// <summary>Why execute must not run now, or null: the decision refused, or the config changed since.</summary>
    private static (string Rule, string Reason)? Refusal(string outputFolder, SelfHealDecision decision, SelfHealSettings settings)
    {
        if (!decision.Allowed)
        {
            return (decision.Rule, decision.Reason);
        }

        var previous = SelfHealStore.ReadAttempts(outputFolder).Count(a => a.RunId == decision.RunId);
        if (previous >= settings.MaxAttempts)
        {
            return (SelfHealRules.AttemptsExhausted, $"run {decision.RunId} already had {previous} attempt(s) of the {settings.MaxAttempts} allowed since the decision was made");
        }

        var missing = decision.Actions.Where(a => a != SelfHealSettings.Rerun && !settings.Actions.ContainsKey(a)).ToList();
        return missing.Count > 0
            ? (SelfHealRules.ActionsUnavailable, $"praxi.json no longer configures {string.Join(", ", missing)}; run 'praxi self-heal decide' again")
            : null;
    }

    private static List<string> Ignored(string repositoryRoot, string outputFolder, IReadOnlyList<TestRunner> runners) =>
        [Path.GetFullPath(outputFolder), .. runners.SelectMany(r => r.Results).Select(p => Path.GetFullPath(Path.Combine(repositoryRoot, p)))];

    /// <summary>One attempt's state, kept so that an interrupted attempt still reports what it did.</summary>
    private sealed class Run(string repositoryRoot, SelfHealDecision decision, int number)
    {
        private readonly List<SelfHealReport.ActionRun> _actions = [];
        private readonly List<SelfHealReport.RerunRun> _reruns = [];
        private SelfHealReport.TreeCheck? _tree;
        private string _status = SelfHealReport.Failed;
        private string _summary = "the heal did not finish";

        public async Task ExecuteAsync(
            SelfHealContext context, SelfHealSettings settings, IReadOnlyList<TestRunner> runners, bool fullSuite, IReadOnlyList<string> ignored, CancellationToken cancellationToken)
        {
            var before = await WorkingTreeSnapshot.TakeAsync(repositoryRoot, ignored, cancellationToken).ConfigureAwait(false);
            _tree = new SelfHealReport.TreeCheck(before.Describe(), [], false, before.Method);
            var failedAction = await RunActionsAsync(settings, cancellationToken).ConfigureAwait(false);
            var remediations = _actions.Where(a => a.Status == "succeeded").Select(a => a.Name).ToList();
            var targets = SelfHealTargets.Of(context).Where(t => decision.Targets.Contains(t.Test, StringComparer.Ordinal)).ToList();
            var passed = 0;
            var newFailures = 0;
            if (failedAction is null)
            {
                (passed, newFailures) = await RerunAsync(context, targets, runners, remediations, fullSuite, cancellationToken).ConfigureAwait(false);
            }

            var after = await WorkingTreeSnapshot.TakeAsync(repositoryRoot, ignored, cancellationToken).ConfigureAwait(false);
            var changed = after.ChangedSince(before);
            _tree = _tree with { Changed = changed, Verified = changed.Count == 0 };

            (_status, _summary) =
                changed.Count > 0 ? (SelfHealReport.Failed, $"the working tree changed during the heal ({string.Join(", ", changed.Take(10))}{(changed.Count > 10 ? $" and {changed.Count - 10} more" : string.Empty)}): self-heal must not change files, so the heal failed; revert them and check the actions")
                : failedAction is not null ? (SelfHealReport.Failed, $"action {failedAction.Name} {Describe(failedAction)}; the heal stopped there (no rerun)")
                : passed == targets.Count && newFailures == 0 ? (SelfHealReport.Healed, $"{passed} of {targets.Count} test(s) passed {(remediations.Count > 0 ? $"after {string.Join(", ", remediations)}" : "on a pure rerun (flaky)")}; the working tree is unchanged")
                : passed > 0 ? (SelfHealReport.PartiallyHealed, $"{passed} of {targets.Count} test(s) passed{(newFailures > 0 ? $", {newFailures} other test(s) failed in the full suite" : string.Empty)}; the working tree is unchanged")
                : (SelfHealReport.Failed, $"none of the {targets.Count} test(s) passed on the rerun");
        }

        public void Interrupted(string why)
        {
            _status = SelfHealReport.Failed;
            _summary = $"the heal was interrupted ({why}); what ran is listed";
        }

        public SelfHealReport Report() => new()
        {
            RunId = decision.RunId,
            Attempt = number,
            ErrorType = decision.ErrorType,
            Rule = decision.Rule,
            Status = _status,
            Actions = [.. _actions],
            Rerun = [.. _reruns],
            Tree = _tree,
            Summary = _summary,
        };

        private static string Describe(SelfHealReport.ActionRun action) =>
            action.Status switch
            {
                "timed_out" => "timed out",
                "not_started" => "did not start",
                _ => $"exited with {action.ExitCode}",
            };

        private async Task<SelfHealReport.ActionRun?> RunActionsAsync(SelfHealSettings settings, CancellationToken cancellationToken)
        {
            SelfHealReport.ActionRun? failed = null;
            foreach (var name in decision.Actions.Where(a => a != SelfHealSettings.Rerun))
            {
                var action = settings.Actions[name];
                if (failed is not null)
                {
                    _actions.Add(new SelfHealReport.ActionRun(name, action.Command, action.WorkingDirectory, null, false, 0, string.Empty, "skipped"));
                    continue;
                }

                var cwd = Path.GetFullPath(Path.Combine(repositoryRoot, action.WorkingDirectory));
                var env = action.Environment.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
                var outcome = await ProcessRunner.RunAsync(action.Command, cwd, action.Timeout, env, cancellationToken).ConfigureAwait(false);
                var status = outcome.Succeeded ? "succeeded" : outcome.StartError is not null ? "not_started" : outcome.TimedOut ? "timed_out" : "failed";
                var run = new SelfHealReport.ActionRun(
                    name, action.Command, action.WorkingDirectory, outcome.ExitCode, outcome.TimedOut, (long)outcome.Duration.TotalMilliseconds,
                    outcome.StartError ?? outcome.OutputTail, status);
                _actions.Add(run);
                cancellationToken.ThrowIfCancellationRequested();
                failed = outcome.Succeeded ? null : run;
            }

            return failed;
        }

        private async Task<(int Passed, int NewFailures)> RerunAsync(
            SelfHealContext context, List<TestTarget> targets, IReadOnlyList<TestRunner> runners, List<string> remediations, bool fullSuite, CancellationToken cancellationToken)
        {
            var passed = 0;
            var newFailures = 0;
            var owner = targets.GroupBy(t => runners.FirstOrDefault(r => r.Selects(t)));
            foreach (var group in owner.Where(g => g.Key is not null))
            {
                var runner = group.Key!;
                var mine = group.ToList();
                var outcome = await TestRerunner.RunAsync(repositoryRoot, runner, mine, false, null, cancellationToken).ConfigureAwait(false);
                var verdicts = mine.Select(t => Verdict(context, t, outcome, remediations)).ToList();
                _reruns.Add(ToRun(outcome, "subset", verdicts));
                passed += verdicts.Count(v => v.Status == TestResult.Passed);
                if (!fullSuite || verdicts.Any(v => v.Status != TestResult.Passed))
                {
                    continue;
                }

                if (runner.FullCommand is null)
                {
                    _reruns.Add(new SelfHealReport.RerunRun(runner.Name, "full_suite", [], runner.WorkingDirectory, null, false, 0, string.Empty, [], [$"test runner '{runner.Name}' has no full_command, so the full suite was not run"]));
                    continue;
                }

                var full = await TestRerunner.RunAsync(repositoryRoot, runner, mine, true, null, cancellationToken).ConfigureAwait(false);
                var others = full.OtherFailures(mine).Select(r => new SelfHealReport.TestVerdict(r.Test, TestResult.Failed, "new_failure", r.Message)).ToList();
                newFailures += others.Count;
                _reruns.Add(ToRun(full, "full_suite", [.. mine.Select(t => Verdict(context, t, full, remediations)), .. others]));
            }

            return (passed, newFailures);
        }

        private static SelfHealReport.TestVerdict Verdict(SelfHealContext context, TestTarget target, RerunOutcome outcome, List<string> remediations)
        {
            var original = context.Classification?.Failures.FirstOrDefault(f => f.Test == target.Test);
            var before = $"failed before as {original?.ErrorType.ToName() ?? "?"}: {original?.Message ?? "(no message)"}";
            var status = outcome.StatusOf(target);
            return status switch
            {
                TestResult.Passed when remediations.Count == 0 => new(target.Test, status, "flaky", $"{before}; passed on a pure rerun (no remediation ran)"),
                TestResult.Passed => new(target.Test, status, "healed", $"{before}; passed after {string.Join(", ", remediations)}"),
                TestResult.Failed => new(target.Test, status, "still_failing", outcome.Results.FirstOrDefault(r => r.Status == TestResult.Failed && TestNames.Same(r.Test, target.Test))?.Message),
                _ => new(target.Test, status, "not_run", outcome.Problems.Count > 0 ? string.Join("; ", outcome.Problems) : "the rerun's result files do not mention it"),
            };
        }

        private static SelfHealReport.RerunRun ToRun(RerunOutcome outcome, string scope, IReadOnlyList<SelfHealReport.TestVerdict> results) => new(
            outcome.Runner, scope, outcome.Command, outcome.WorkingDirectory, outcome.Process.ExitCode, outcome.Process.TimedOut,
            (long)outcome.Process.Duration.TotalMilliseconds, outcome.Process.StartError ?? outcome.Process.OutputTail, results, outcome.Problems);
    }
}
