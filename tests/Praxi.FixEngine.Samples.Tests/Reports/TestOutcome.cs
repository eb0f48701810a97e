namespace Praxi.FixEngine.Samples.Tests.Reports;

/// <summary>One test's result from a report: its name, whether it failed, and its failure message (ANSI stripped).</summary>
internal sealed record TestOutcome(string Test, string Status, bool Failed, string Message);
