namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>What <see cref="RewriteSweep"/> found in one repository.</summary>
public sealed record SweepReport
{
    /// <summary>The repository's full path.</summary>
    public required string Repository { get; init; }

    /// <summary>Test files the default allowlist accepts and a rewriter handles.</summary>
    public required int Files { get; init; }

    /// <summary>Files a rewriter handles that the default allowlist (or the always-denied list) leaves out of the sweep.</summary>
    public required int OutsideAllowlist { get; init; }

    /// <summary>Files whose no-op pass gave the same bytes back.</summary>
    public required int NoOpIdentical { get; init; }

    /// <summary>Literal selectors and timeouts found (with an instruction or not).</summary>
    public required int Literals { get; init; }

    /// <summary>Literals the sweep could not turn into an instruction, by reason.</summary>
    public required IReadOnlyDictionary<string, int> Skipped { get; init; }

    /// <summary>Instructions planned (selector + timeout).</summary>
    public required int Instructions { get; init; }

    /// <summary>Instructions that replace a selector.</summary>
    public required int SelectorInstructions { get; init; }

    /// <summary>Instructions that raise a timeout.</summary>
    public required int TimeoutInstructions { get; init; }

    /// <summary>Instructions that produced an allowed, non-empty patch.</summary>
    public required int Edited { get; init; }

    /// <summary>Edited instructions whose patch real <c>git apply --check</c> accepted and whose applied bytes are the planned ones.</summary>
    public required int GitApplyAccepted { get; init; }

    /// <summary>Edited instructions where nothing outside the reported edit spans changed, and the edit is the literal (or its definition).</summary>
    public required int SpanExact { get; init; }

    /// <summary>Edited instructions whose files all still parse (no new Roslyn errors; Acornima tokenize for .ts, parse for .js).</summary>
    public required int ParseOk { get; init; }

    /// <summary>Instructions the agent sent to manual review (guardrail refusals included), by reason.</summary>
    public required IReadOnlyDictionary<string, int> ManualReview { get; init; }

    /// <summary>Instructions for which the rewriter found nothing.</summary>
    public required int NotFound { get; init; }

    /// <summary>Instructions that planned no change (the rewriter thought the code already said it).</summary>
    public required int NoChange { get; init; }

    /// <summary>The first problems in detail (file:line, form, what failed), at most 50.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>True when every no-op pass was identical and every edit was accepted, span-exact and parsing.</summary>
    public bool Clean => NoOpIdentical == Files && GitApplyAccepted == Edited && SpanExact == Edited && ParseOk == Edited;
}
