namespace Praxi.FixEngine.Samples.Tests.Reports;

internal sealed record PlaywrightRun(IReadOnlyList<TestOutcome> Tests, int Expected, int Unexpected, int Skipped, IReadOnlyList<string> Errors);
