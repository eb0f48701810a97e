namespace Praxi.FixEngine.Guardrails;

/// <summary>The guardrails' verdict on one patch: allowed only when no decision refused.</summary>
public sealed record GuardrailReport
{
    /// <summary>True when every decision allowed the change.</summary>
    public required bool Allowed { get; init; }

    /// <summary>Every decision, in the order the rules ran.</summary>
    public required IReadOnlyList<GuardrailDecision> Decisions { get; init; }
}
