namespace Praxi.FixEngine.Guardrails;

/// <summary>How risky a patch is.</summary>
/// <param name="Class"><c>test-only</c> (test files only), <c>config</c> (a test-runner or other configuration file) or <c>backend</c> (anything else).</param>
/// <param name="Score">In [0, 1]: the class's base plus size and reach (see docs/guardrails.md).</param>
public sealed record FixRisk(string Class, double Score);
