using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Patching;

/// <summary>One file with every accepted edit applied in memory: nothing has been written yet.</summary>
/// <param name="Path">Repository-relative path, '/' separators.</param>
/// <param name="Original">The file as read (bytes, decoded text, encoding, BOM).</param>
/// <param name="NewText">The decoded text after the edits (BOM excluded, like <see cref="SourceText.Text"/>).</param>
/// <param name="Edits">The edits applied, in file order, with where they landed in <paramref name="NewText"/>.</param>
internal sealed record FileChange(string Path, SourceText Original, string NewText, IReadOnlyList<AppliedEdit> Edits)
{
    /// <summary>The bytes to write: the file's own encoding and BOM; bytes outside the edited spans are the original ones.</summary>
    public byte[] NewBytes() => Original.Encode(NewText);

    /// <summary>True when the edits leave the text as it was.</summary>
    public bool IsNoOp => string.Equals(NewText, Original.Text, StringComparison.Ordinal);
}

/// <summary>An edit that was applied.</summary>
/// <param name="Edit">The rewriter's edit.</param>
/// <param name="Instruction">Index of the instruction that produced it.</param>
/// <param name="Before">The replaced text of the original.</param>
/// <param name="NewStart">Where <see cref="TextEdit.NewText"/> starts in <see cref="FileChange.NewText"/>.</param>
internal sealed record AppliedEdit(TextEdit Edit, int Instruction, string Before, int NewStart)
{
    /// <summary>End (exclusive) of the new text in <see cref="FileChange.NewText"/>.</summary>
    public int NewEnd => NewStart + Edit.NewText.Length;
}
