namespace Praxi.FixEngine.Contracts;

/// <summary><c>self-heal/decision.json</c>: whether the policy lets execute run, the rule that decided and the chosen actions.</summary>
internal sealed record SelfHealDecision
{
    /// <summary>The contract version.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The CI run.</summary>
    public required string RunId { get; init; }

    /// <summary>When decide ran.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>True when execute may run.</summary>
    public required bool Allowed { get; init; }

    /// <summary>The rule that decided (one of the self-heal rules: docs/self-heal.md).</summary>
    public required string Rule { get; init; }

    /// <summary>Why, for a person: names the type, the missing action, what to do next.</summary>
    public required string Reason { get; init; }

    /// <summary>The chosen actions in order, <c>rerun</c> last (empty when refused before a plan was chosen).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>The type being healed (the run's type, or the eligible type of a mixed run).</summary>
    public ErrorType? ErrorType { get; init; }

    /// <summary>The confidence of that type.</summary>
    public double? Confidence { get; init; }

    /// <summary>The number this attempt would have (earlier attempts + 1).</summary>
    public int Attempt { get; init; }

    /// <summary>The attempts allowed per run.</summary>
    public int MaxAttempts { get; init; }

    /// <summary>What started the heal.</summary>
    public required TriggerInfo Trigger { get; init; }

    /// <summary>The tests to rerun.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Failed tests left out, each with why.</summary>
    public IReadOnlyList<Exclusion> Excluded { get; init; } = [];

    /// <summary>The trigger of the heal.</summary>
    /// <param name="Source">The trigger source (<c>workflow_dispatch</c>, <c>push</c>…), <c>none</c> when unknown.</param>
    /// <param name="Manual">True when it is one of the manual sources.</param>
    /// <param name="Required">True when the policy or the caller requires a manual trigger.</param>
    internal sealed record TriggerInfo(string Source, bool Manual, bool Required);

    /// <summary>A failed test the heal leaves out.</summary>
    /// <param name="Test">Its name.</param>
    /// <param name="Type">Its type.</param>
    /// <param name="Reason">Why it is left out.</param>
    internal sealed record Exclusion(string Test, ErrorType Type, string Reason);
}
