using Microsoft.CodeAnalysis;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// Where a value written at a call really comes from: the literal(s) that hold it, or why it cannot be edited safely.
/// </summary>
internal sealed record FollowResult
{
    /// <summary>The literals holding the value (one; several when agreeing callers pass it to a parameter). Empty on a refusal.</summary>
    public IReadOnlyList<LiteralSite> Sites { get; init; } = [];

    /// <summary>Why a person must decide (a resource, an interpolation, a computation, callers that disagree).</summary>
    public string? ManualReason { get; init; }

    /// <summary>The fields, properties and locals passed through; their other references are the edit's other usages.</summary>
    public IReadOnlyList<ISymbol> Symbols { get; init; } = [];

    /// <summary>The references on the followed path (excluded from other usages).</summary>
    public IReadOnlyList<SyntaxNode> Path { get; init; } = [];

    /// <summary>True when the value was not a literal at the call itself.</summary>
    public bool Followed => Symbols.Count > 0 || Path.Count > 0;

    /// <summary>The value, when every site agrees (always, unless refused).</summary>
    public string? Value => Sites.Count > 0 ? Sites[0].Text : null;

    public static FollowResult Manual(string reason) => new() { ManualReason = reason };
}
