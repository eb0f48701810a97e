namespace Praxi.FixEngine.Contracts;

/// <summary>
/// <c>fix-agent/input.json</c>: the fix instructions of one run with file paths made repository-relative
/// (written by <c>praxi fix prepare</c>, read by <c>praxi fix</c>).
/// </summary>
public sealed record FixInput
{
    /// <summary>The contract version. <value>The current version is 1.</value></summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The CI run the instructions come from.</summary>
    public required string RunId { get; init; }

    /// <summary>The instructions, <see cref="FixInstruction.File"/> repository-relative where it could be resolved.</summary>
    public required IReadOnlyList<FixInstruction> Instructions { get; init; }

    /// <summary>How each instruction's path was resolved (same order as <see cref="Instructions"/>).</summary>
    public IReadOnlyList<PathResolution> Paths { get; init; } = [];

    /// <summary>The instructions of an analysis, paths as the analysis has them (<c>FixAgent.Prepare</c> resolves them).</summary>
    /// <param name="report">The analysis.</param>
    /// <returns>The input.</returns>
    public static FixInput From(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new FixInput { RunId = report.RunId, Instructions = report.FixAgentInstructions ?? [] };
    }
}

/// <summary>How one instruction's path was mapped into the repository.</summary>
/// <param name="Original">The path as the analysis had it (absolute CI path, relative to the test folder, …).</param>
/// <param name="Resolved">The repository-relative path, or null when no single file matches.</param>
/// <param name="Problem">Why it could not be resolved.</param>
public sealed record PathResolution(string Original, string? Resolved, string? Problem = null);
