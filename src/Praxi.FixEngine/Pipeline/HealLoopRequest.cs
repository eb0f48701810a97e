using Praxi.FixEngine.Configuration;

namespace Praxi.FixEngine.Pipeline;

/// <summary>What <see cref="HealLoop"/> works on, and which of its optional steps run.</summary>
public sealed class HealLoopRequest
{
    /// <summary>The failed run's artifacts (a folder of logs, reports, traces and DOM dumps, or one log file).</summary>
    public required string ArtifactsPath { get; init; }

    /// <summary>The checkout of the repository under test.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>
    /// The baseline store (<c>praxi baseline record</c>). <value>The default is <see cref="Healing.Baseline.BaselineRecorder.DefaultStorePath"/> in the
    /// repository when that file exists, else none.</value>
    /// </summary>
    public string? BaselinePath { get; init; }

    /// <summary>Where analysis.json, heal.json, fix-agent/ and self-heal/ are written. <value>The default is praxi-out.</value></summary>
    public string OutputFolder { get; init; } = "praxi-out";

    /// <summary>The CI run id written into every file. <value>The default is local.</value></summary>
    public string? RunId { get; init; }

    /// <summary>The configuration. <value>The default is read from <see cref="ConfigPath"/>.</value></summary>
    public PraxiConfig? Config { get; init; }

    /// <summary>
    /// The praxi.json to read when <see cref="Config"/> is not given. <value>The default is the repository's praxi.json, or the
    /// defaults when it has none.</value>
    /// </summary>
    public string? ConfigPath { get; init; }

    /// <summary>Run self-heal (reseed, fresh login state, restart, rerun) before the fix agent, when the policy allows it.</summary>
    public bool SelfHeal { get; init; }

    /// <summary>Self-heal: refuse unless the run was started by hand (<see cref="TriggerSource"/>).</summary>
    public bool RequireManualTrigger { get; init; }

    /// <summary>Self-heal: what started the run (<c>workflow_dispatch</c>, <c>push</c>…), or null when unknown.</summary>
    public string? TriggerSource { get; init; }

    /// <summary>Self-heal: also rerun the whole suite after the failed tests pass.</summary>
    public bool FullSuite { get; init; }

    /// <summary>Validate the patch by rerunning the affected tests on a patched copy; a patch that fails is withheld.</summary>
    public bool Validate { get; init; }

    /// <summary>Also write the edited files into the repository when the guardrails allow them and validation did not withhold the patch.</summary>
    public bool Apply { get; init; }
}
