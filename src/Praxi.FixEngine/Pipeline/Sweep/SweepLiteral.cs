using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>
/// A literal selector or timeout found in a test file, with the replace instruction that changes exactly it.
/// </summary>
/// <param name="File">Repository-relative path.</param>
/// <param name="Line">1-based line of the literal.</param>
/// <param name="Column">1-based column of the literal.</param>
/// <param name="Start">Offset of the literal token in the decoded text.</param>
/// <param name="Length">Length of the literal token.</param>
/// <param name="Form">How it is written (<c>Locator</c>, <c>GetByRole name</c>, <c>By.Id</c>, <c>timeout:</c>, …).</param>
/// <param name="Instruction">The replace instruction, or null when the literal could not be turned into one.</param>
/// <param name="Skipped">Why there is no instruction (the call does not parse as a locator, the change would change its form…).</param>
internal sealed record SweepLiteral(string File, int Line, int Column, int Start, int Length, string Form, FixInstruction? Instruction, string? Skipped = null)
{
    /// <summary>True for a timeout literal.</summary>
    public bool IsTimeout => Instruction?.Kind == FixKind.RaiseTimeout || Form.Contains("imeout", StringComparison.Ordinal) || Form.StartsWith("TimeSpan", StringComparison.Ordinal);
}
