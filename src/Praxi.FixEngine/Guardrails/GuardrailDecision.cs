namespace Praxi.FixEngine.Guardrails;

/// <summary>One guardrail decision: which rule looked at what, and what it decided.</summary>
public sealed record GuardrailDecision
{
    /// <summary>The rule: <c>path_inside_repository</c>, <c>path_denylist</c>, <c>path_allowlist</c>, <c>text_file</c>,
    /// <c>max_files</c>, <c>max_changed_lines</c>, <c>max_hunks</c>, <c>assertions_kept</c>, <c>no_skip_added</c>,
    /// <c>no_hard_wait_added</c>, <c>max_timeout_ms</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The file the rule looked at (absent for patch-wide caps).</summary>
    public string? Subject { get; init; }

    /// <summary>The measured value (files, lines, hunks, a timeout in ms).</summary>
    public long? Value { get; init; }

    /// <summary>The policy's limit for <see cref="Value"/>.</summary>
    public long? Limit { get; init; }

    /// <summary>Allowed or refused.</summary>
    public required GuardrailVerdict Verdict { get; init; }

    /// <summary>Why (always present on a refusal).</summary>
    public string? Reason { get; init; }
}

/// <summary>The verdict of one decision.</summary>
public enum GuardrailVerdict
{
    /// <summary>The rule lets the change through.</summary>
    Allowed,

    /// <summary>The rule refuses the change: the patch is empty.</summary>
    Refused,
}
