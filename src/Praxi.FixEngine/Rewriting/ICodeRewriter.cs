using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting;

/// <summary>
/// A syntax-aware rewriter for one language: turns one fix instruction into exact text edits of the
/// repository's files, or says why it cannot. It never writes files; Patching applies the edits.
/// </summary>
internal interface ICodeRewriter
{
    /// <summary>True when the rewriter edits files like <paramref name="repoRelativePath"/> (by extension).</summary>
    bool Handles(string repoRelativePath);

    /// <summary>Plans the edits for one instruction. Expected outcomes are results, not exceptions.</summary>
    RewriteResult Rewrite(RewriteRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// What a change to a file broke in its syntax, for validation's parse check: null when <paramref name="after"/> parses
    /// as well as <paramref name="before"/> (a new file has no before).
    /// </summary>
    string? NewSyntaxProblem(string path, string? before, string after, CancellationToken cancellationToken);
}

/// <summary>One instruction to apply in a repository.</summary>
/// <param name="Repository">Reads the repository's files (original bytes, decoded text) — the only way a rewriter reads files.</param>
/// <param name="Instruction">The instruction; <see cref="FixInstruction.File"/> is repository-relative with '/' separators.</param>
/// <param name="Preferences">The project's selector preferences (<c>praxi.json</c> → <c>selectors</c>).</param>
internal sealed record RewriteRequest(SourceRepository Repository, FixInstruction Instruction, SelectorPreferences Preferences);

/// <summary>The outcome of one instruction.</summary>
internal sealed record RewriteResult
{
    public required RewriteStatus Status { get; init; }

    /// <summary>The edits, in any order; never overlapping within one file.</summary>
    public IReadOnlyList<TextEdit> Edits { get; init; } = [];

    /// <summary>Why the rewriter did not edit (for NeedsManualReview / NotFound / Unsupported).</summary>
    public string? Reason { get; init; }

    public static RewriteResult Edited(IReadOnlyList<TextEdit> edits) => new() { Status = RewriteStatus.Edited, Edits = edits };

    public static RewriteResult NoChange(string reason) => new() { Status = RewriteStatus.NoChange, Reason = reason };

    public static RewriteResult ManualReview(string reason) => new() { Status = RewriteStatus.NeedsManualReview, Reason = reason };

    public static RewriteResult NotFound(string reason) => new() { Status = RewriteStatus.NotFound, Reason = reason };
}

internal enum RewriteStatus
{
    /// <summary>Edits planned.</summary>
    Edited,

    /// <summary>The code already says what the instruction wants (a second pass).</summary>
    NoChange,

    /// <summary>The value comes from a resource, an interpolation, a computation, or callers disagree: a person decides.</summary>
    NeedsManualReview,

    /// <summary>Nothing at the given location matches the instruction's old value.</summary>
    NotFound,
}

/// <summary>
/// One replacement of a span of a file's decoded text. Offsets index the text as decoded (BOM excluded),
/// so Patching can re-encode with the file's own encoding, BOM and line endings untouched outside the span.
/// </summary>
/// <param name="File">Repository-relative path, '/' separators.</param>
/// <param name="Start">Start offset in the decoded text.</param>
/// <param name="Length">Length of the replaced span.</param>
/// <param name="NewText">The replacement.</param>
/// <param name="Line">1-based line of the span's start.</param>
/// <param name="Kind">The instruction kind that produced it.</param>
/// <param name="FollowedFrom">"file:line" of the failing call when the edit is at a definition elsewhere; else null.</param>
/// <param name="OtherUsages">"file:line" of every other usage the edit affects (a shared constant).</param>
internal sealed record TextEdit(
    string File,
    int Start,
    int Length,
    string NewText,
    int Line,
    string Kind,
    string? FollowedFrom = null,
    IReadOnlyList<string>? OtherUsages = null);
