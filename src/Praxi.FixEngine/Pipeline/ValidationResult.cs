using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Pipeline;

/// <summary>What <see cref="PatchValidator"/> decided about a patch.</summary>
public sealed record ValidationResult
{
    /// <summary>
    /// The fix with its metadata updated (<see cref="FixMetadata.Validation"/>, the PR body's Validation section, manual
    /// review); when withheld its patch is empty and <see cref="FixAgent.Apply"/> writes nothing.
    /// </summary>
    public required FixResult Fix { get; init; }

    /// <summary>True when the patch must not be offered: a check failed, the rerun failed or timed out, or it could not be validated under <c>require_pass</c>.</summary>
    public required bool Withheld { get; init; }

    /// <summary>The real patch when withheld (written as <c>patch-&lt;run_id&gt;.rejected.diff</c>), else null.</summary>
    public string? RejectedPatch { get; init; }

    /// <summary>The temporary copy when <see cref="Validation.ValidationOptions.KeepWorkspace"/> kept it, else null.</summary>
    public string? WorkspacePath { get; init; }

    /// <summary>The validation record (same as <c>Fix.Metadata.Validation</c>).</summary>
    public FixValidation Validation => Fix.Metadata.Validation;
}
