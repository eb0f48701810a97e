using Praxi.FixEngine.Samples.Tests.Reports;

namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>
/// One suite's part of a run: its exit code (from run.json) and its report's tests (results.json for TypeScript,
/// results.trx for .NET and Selenium) with the run-level errors of a Playwright run.
/// </summary>
internal sealed record SuiteResult(string Suite, int ExitCode, IReadOnlyList<TestOutcome> Tests, IReadOnlyList<string> Errors)
{
    /// <summary>The suite ran tests, none failed, nothing broke the run and the runner said so with exit code 0.</summary>
    public bool Passed => ExitCode == 0 && Errors.Count == 0 && Tests.Count > 0 && !Tests.Any(t => t.Failed);

    public IReadOnlyList<TestOutcome> Failed => [.. Tests.Where(t => t.Failed)];
}
