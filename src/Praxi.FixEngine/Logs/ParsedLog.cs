using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>What one artifact yielded.</summary>
/// <param name="Source">The artifact, relative to the analysed path.</param>
/// <param name="Format">The detected format.</param>
/// <param name="Failures">Failed tests, in the order the artifact lists them.</param>
/// <param name="Signals">Error blocks not tied to a test (install errors, backend exceptions, server start failures).</param>
/// <param name="Passed">Passed tests the artifact reports, when it says.</param>
/// <param name="PassedTests">The passed tests by name (named as <see cref="TestFailure.Test"/> would name them), for formats that list them.</param>
internal sealed record ParsedLog(
    string Source,
    LogFormat Format,
    IReadOnlyList<TestFailure> Failures,
    IReadOnlyList<LogSignal> Signals,
    int? Passed = null,
    IReadOnlyList<string>? PassedTests = null)
{
    /// <summary>Lines that look like trouble in words no rule knows (text logs only); see <see cref="SuspectLines"/>.</summary>
    public IReadOnlyList<LogLine> Suspect { get; init; } = [];
}
