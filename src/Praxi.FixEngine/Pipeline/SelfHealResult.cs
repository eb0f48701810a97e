using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Pipeline;

/// <summary>What a self-heal stage concluded. Fields of later stages are empty until those stages ran.</summary>
public sealed record SelfHealResult
{
    /// <summary>The CI run.</summary>
    public required string RunId { get; init; }

    /// <summary>Where the analysis came from: <c>analysis</c>, <c>artifacts</c> or <c>none</c>.</summary>
    public required string AnalysisSource { get; init; }

    /// <summary>The type being healed (or the run's type when refused early).</summary>
    public ErrorType? ErrorType { get; init; }

    /// <summary>True when the policy allowed the heal (false before decide ran).</summary>
    public bool Allowed { get; init; }

    /// <summary>The policy rule that decided (<c>eligible</c> when allowed), null before decide ran.</summary>
    public string? Rule { get; init; }

    /// <summary>Why, for a person.</summary>
    public string? Reason { get; init; }

    /// <summary>The chosen actions in order, <c>rerun</c> last.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary><c>healed</c>, <c>partially_healed</c>, <c>failed</c> or <c>refused</c>; null before execute ran.</summary>
    public string? Status { get; init; }

    /// <summary>True only when the status is <c>healed</c>.</summary>
    public bool Healed => Status == "healed";

    /// <summary>Each rerun test's verdict (the subset runs).</summary>
    public IReadOnlyList<SelfHealVerdict> Verdicts { get; init; } = [];

    /// <summary>Files the heal changed in the working tree (then the status is <c>failed</c>).</summary>
    public IReadOnlyList<string> ChangedFiles { get; init; } = [];

    /// <summary>One sentence for a person about the last stage that ran.</summary>
    public required string Summary { get; init; }

    /// <summary>The file the last stage wrote (context.json, decision.json or report-&lt;run_id&gt;.json).</summary>
    public required string OutputFile { get; init; }
}
