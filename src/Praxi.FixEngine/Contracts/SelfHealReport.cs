namespace Praxi.FixEngine.Contracts;

/// <summary><c>self-heal/report-&lt;run_id&gt;.json</c>: what execute ran, the rerun's result per test and the working-tree check.</summary>
internal sealed record SelfHealReport
{
    /// <summary>Every target passed, the tree is unchanged.</summary>
    public const string Healed = "healed";

    /// <summary>Some targets passed, the tree is unchanged.</summary>
    public const string PartiallyHealed = "partially_healed";

    /// <summary>An action failed, no target passed, or the tree changed.</summary>
    public const string Failed = "failed";

    /// <summary>The decision did not allow the heal: nothing ran.</summary>
    public const string Refused = "refused";

    /// <summary>The contract version.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The CI run.</summary>
    public required string RunId { get; init; }

    /// <summary>The attempt's number (0 when refused: no attempt was made).</summary>
    public int Attempt { get; init; }

    /// <summary>The type healed.</summary>
    public ErrorType? ErrorType { get; init; }

    /// <summary>The decision's rule.</summary>
    public required string Rule { get; init; }

    /// <summary><c>healed</c>, <c>partially_healed</c>, <c>failed</c> or <c>refused</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The remediation actions, in the order they ran.</summary>
    public IReadOnlyList<ActionRun> Actions { get; init; } = [];

    /// <summary>The reruns (subset, then full suite).</summary>
    public IReadOnlyList<RerunRun> Rerun { get; init; } = [];

    /// <summary>The working-tree check.</summary>
    public TreeCheck? Tree { get; init; }

    /// <summary>One paragraph for a person.</summary>
    public required string Summary { get; init; }

    /// <summary>One remediation action that ran (or was skipped).</summary>
    /// <param name="Name">The action.</param>
    /// <param name="Command">Its argument list.</param>
    /// <param name="Cwd">Where it ran, relative to the repository.</param>
    /// <param name="ExitCode">Its exit code, null when killed or not started.</param>
    /// <param name="TimedOut">True when its time limit killed it.</param>
    /// <param name="DurationMs">How long it ran.</param>
    /// <param name="OutputTail">The last lines it printed (secrets masked).</param>
    /// <param name="Status"><c>succeeded</c>, <c>failed</c>, <c>timed_out</c>, <c>not_started</c> or <c>skipped</c>.</param>
    internal sealed record ActionRun(string Name, IReadOnlyList<string> Command, string Cwd, int? ExitCode, bool TimedOut, long DurationMs, string OutputTail, string Status);

    /// <summary>One rerun of one runner.</summary>
    /// <param name="Runner">The runner.</param>
    /// <param name="Scope"><c>subset</c> or <c>full_suite</c>.</param>
    /// <param name="Command">The argument list that ran.</param>
    /// <param name="Cwd">Where it ran.</param>
    /// <param name="ExitCode">Its exit code.</param>
    /// <param name="TimedOut">True when its time limit killed it.</param>
    /// <param name="DurationMs">How long it ran.</param>
    /// <param name="OutputTail">The last lines it printed.</param>
    /// <param name="Results">Each targeted test (subset) or each failing test (full suite).</param>
    /// <param name="Problems">Result files missing, stale or unreadable.</param>
    internal sealed record RerunRun(
        string Runner, string Scope, IReadOnlyList<string> Command, string Cwd, int? ExitCode, bool TimedOut, long DurationMs, string OutputTail,
        IReadOnlyList<TestVerdict> Results, IReadOnlyList<string> Problems);

    /// <summary>One test's outcome.</summary>
    /// <param name="Test">Its name.</param>
    /// <param name="Status"><c>passed</c>, <c>failed</c> or <c>not_run</c>.</param>
    /// <param name="Verdict"><c>flaky</c>, <c>healed</c>, <c>still_failing</c>, <c>not_run</c> (or <c>new_failure</c> in a full suite).</param>
    /// <param name="Message">The evidence: the original failure and the rerun's result, or the actions that healed it.</param>
    internal sealed record TestVerdict(string Test, string Status, string Verdict, string? Message);

    /// <summary>The working tree before and after.</summary>
    /// <param name="Before"><c>clean</c> or <c>dirty (n files)</c>.</param>
    /// <param name="Changed">Files created, deleted or modified by the heal (outside ignored paths).</param>
    /// <param name="Verified">True when nothing changed.</param>
    /// <param name="Method"><c>git</c> (git status plus content hashes) or <c>files</c> (content hashes of every file).</param>
    internal sealed record TreeCheck(string Before, IReadOnlyList<string> Changed, bool Verified, string Method);
}
