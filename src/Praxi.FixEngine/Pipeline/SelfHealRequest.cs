using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Pipeline;

/// <summary>What a <see cref="SelfHealPipeline"/> stage works on. Only the fields a stage reads matter to it.</summary>
public sealed class SelfHealRequest
{
    /// <summary>The repository under test (prepare and execute; decide falls back to the one in context.json).</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The output folder; the stages' files go to its <c>self-heal/</c> subfolder.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>An analysis in memory (prepare). <value>The default is null: read <see cref="AnalysisPath"/> or analyse <see cref="ArtifactsPath"/>.</value></summary>
    public AnalysisReport? Analysis { get; init; }

    /// <summary>An <c>analysis.json</c> file (prepare); when it is missing or invalid, <see cref="ArtifactsPath"/> is tried, then none.</summary>
    public string? AnalysisPath { get; init; }

    /// <summary>A file or folder of the run's raw artifacts to analyse when no analysis is given (prepare).</summary>
    public string? ArtifactsPath { get; init; }

    /// <summary>The run id. <value>The default is null: the analysis's run id, else <c>local</c>.</value></summary>
    public string? RunId { get; init; }

    /// <summary>The configuration. <value>The default is null: <c>praxi.json</c> in the repository root, else the defaults.</value></summary>
    public PraxiConfig? Config { get; init; }

    /// <summary>What started the heal (decide), e.g. <c>workflow_dispatch</c>, <c>push</c>. <value>The default is null: unknown, not manual.</value></summary>
    public string? TriggerSource { get; init; }

    /// <summary>Require a manual trigger on top of <c>self_heal.require_manual_trigger</c> (decide). <value>The default is false.</value></summary>
    public bool RequireManualTrigger { get; init; }

    /// <summary>After a passing subset, also run each runner's full suite (execute). <value>The default is false (or <c>self_heal.full_suite</c>).</value></summary>
    public bool FullSuite { get; init; }
}
