using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Bench.Rewrite;

/// <summary>A generated test file and the literal selector planted near its end that the rewrite bench replaces.</summary>
/// <param name="Path">Repository-relative path it is meant to be written to.</param>
/// <param name="Text">The file's text (LF line endings, final newline, no BOM).</param>
/// <param name="Lines">Its number of lines.</param>
/// <param name="TargetLine">1-based line of the planted call.</param>
/// <param name="Old">The planted locator as it is.</param>
/// <param name="New">The locator it is to become.</param>
internal sealed record GeneratedSpec(string Path, string Text, int Lines, int TargetLine, LocatorSpec Old, LocatorSpec New)
{
    /// <summary>The replace instruction at the planted call.</summary>
    public FixInstruction Instruction() => new()
    {
        Kind = FixKind.ReplaceSelector,
        File = Path,
        Line = TargetLine,
        Old = Old,
        New = New,
        Confidence = 1,
        Evidence = "praxi bench rewrite",
    };
}
