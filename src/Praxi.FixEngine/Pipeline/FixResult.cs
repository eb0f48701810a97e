using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;

namespace Praxi.FixEngine.Pipeline;

/// <summary>A planned fix: the patch and its metadata. Nothing has been written; <see cref="FixAgent.Apply"/> writes it.</summary>
public sealed record FixResult
{
    /// <summary>The metadata (<c>metadata-&lt;run_id&gt;.json</c>).</summary>
    public required FixMetadata Metadata { get; init; }

    /// <summary>The unified diff (<c>patch-&lt;run_id&gt;.diff</c>); empty when the guardrails refused or nothing changed.</summary>
    public required string Patch { get; init; }

    /// <summary>True when the guardrails allowed the patch.</summary>
    public bool Allowed => Metadata.Guardrails.Allowed;

    internal string RepositoryRoot { get; init; } = string.Empty;

    internal IReadOnlyList<FileChange> Changes { get; init; } = [];
}
