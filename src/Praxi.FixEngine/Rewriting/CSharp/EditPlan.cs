namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>What one instruction comes to in C#: edits (at the call or at a followed definition), or why none.</summary>
internal sealed record EditPlan
{
    public required RewriteStatus Status { get; init; }

    public IReadOnlyList<PlannedEdit> Edits { get; init; } = [];

    public string? Reason { get; init; }

    /// <summary>True when the edits are at a definition the failing call's value was followed to.</summary>
    public bool Followed { get; init; }

    /// <summary>"file:line" of every other usage of the edited definition.</summary>
    public IReadOnlyList<string> OtherUsages { get; init; } = [];

    /// <summary>The 1-based line of the failing call the plan started from.</summary>
    public int? CallLine { get; init; }

    public static EditPlan NoChange(string reason) => new() { Status = RewriteStatus.NoChange, Reason = reason };

    public static EditPlan Manual(string reason) => new() { Status = RewriteStatus.NeedsManualReview, Reason = reason };

    public static EditPlan NotFound(string reason) => new() { Status = RewriteStatus.NotFound, Reason = reason };
}
