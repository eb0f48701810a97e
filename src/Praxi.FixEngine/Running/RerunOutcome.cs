using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Running;

/// <summary>One test in a rerun's result files.</summary>
/// <param name="Test">Its name, as the result file names it.</param>
/// <param name="Status"><c>passed</c> or <c>failed</c>.</param>
/// <param name="Message">The failure's first line, for a failed test.</param>
/// <param name="File">Test source file of the failing call, when the result file says.</param>
/// <param name="Line">1-based line of the failing call.</param>
/// <param name="Action">The failing action (<c>locator.click</c>), when the error names it.</param>
/// <param name="Selector">The failing call's locator as the error wrote it.</param>
internal sealed record TestResult(string Test, string Status, string? Message, string? File = null, int? Line = null, string? Action = null, string? Selector = null)
{
    /// <summary>Status of a test that passed.</summary>
    public const string Passed = "passed";

    /// <summary>Status of a test that failed.</summary>
    public const string Failed = "failed";

    /// <summary>Status of a targeted test the results do not mention (or no results were read).</summary>
    public const string NotRun = "not_run";
}

/// <summary>What one <see cref="TestRerunner"/> run did.</summary>
/// <param name="Runner">The runner's name.</param>
/// <param name="Command">The argument list that ran.</param>
/// <param name="WorkingDirectory">Where it ran, relative to the repository.</param>
/// <param name="Process">How the process ended.</param>
/// <param name="Results">Every test the fresh result files report.</param>
/// <param name="Problems">Result files missing, stale or unreadable.</param>
internal sealed record RerunOutcome(
    string Runner,
    IReadOnlyList<string> Command,
    string WorkingDirectory,
    ProcessOutcome Process,
    IReadOnlyList<TestResult> Results,
    IReadOnlyList<string> Problems)
{
    /// <summary>The fresh result files as parsed, for classifying the rerun's failures like any analysed run's.</summary>
    public IReadOnlyList<ParsedLog> Logs { get; init; } = [];

    /// <summary>
    /// <c>passed</c>, <c>failed</c> or <c>not_run</c> for one test: failed when any report of it failed, passed when it was
    /// reported only as passing, not_run when no fresh result file mentions it.
    /// </summary>
    public string StatusOf(TestTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var mine = Results.Where(r => TestNames.Same(r.Test, target.Test)).ToList();
        return mine.Count == 0 ? TestResult.NotRun
            : mine.Any(r => r.Status == TestResult.Failed) ? TestResult.Failed
            : TestResult.Passed;
    }

    /// <summary>Tests the results report as failed that are not among <paramref name="targets"/>.</summary>
    public IReadOnlyList<TestResult> OtherFailures(IReadOnlyList<TestTarget> targets) =>
        [.. Results.Where(r => r.Status == TestResult.Failed && !targets.Any(t => TestNames.Same(r.Test, t.Test)))];
}
