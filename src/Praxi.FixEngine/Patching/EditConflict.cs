namespace Praxi.FixEngine.Patching;

/// <summary>An instruction whose edits were dropped because an earlier instruction already changed the same span.</summary>
public sealed record EditConflict
{
    /// <summary>The file of the dropped edit.</summary>
    public required string File { get; init; }

    /// <summary>1-based line of the dropped edit.</summary>
    public required int Line { get; init; }

    /// <summary>The dropped instruction's kind.</summary>
    public required string Kind { get; init; }

    /// <summary>0-based index of the dropped instruction in the input.</summary>
    public required int Instruction { get; init; }

    /// <summary>0-based index of the instruction that kept the span (absent when the instruction conflicts with itself).</summary>
    public int? ConflictsWith { get; init; }

    /// <summary>What overlapped.</summary>
    public required string Reason { get; init; }
}
