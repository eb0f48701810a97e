namespace Praxi.FixEngine.Pipeline;

/// <summary>What the heal's rerun showed for one test.</summary>
/// <param name="Test">The test's name.</param>
/// <param name="Status"><c>passed</c>, <c>failed</c> or <c>not_run</c>.</param>
/// <param name="Verdict"><c>flaky</c> (passed on a pure rerun), <c>healed</c> (passed after a remediation),
/// <c>still_failing</c> or <c>not_run</c>.</param>
/// <param name="Evidence">The original failure and what the rerun showed, or the remediation that fixed it.</param>
public sealed record SelfHealVerdict(string Test, string Status, string Verdict, string? Evidence);
