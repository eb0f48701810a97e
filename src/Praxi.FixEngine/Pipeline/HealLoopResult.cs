using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Pipeline;

/// <summary>What each step of <see cref="HealLoop"/> concluded; a step that did not run is null.</summary>
public sealed record HealLoopResult
{
    /// <summary>The run's classification, as analysed (before healing).</summary>
    public required AnalysisReport Analysis { get; init; }

    /// <summary>Self-heal's decision and report, when <see cref="HealLoopRequest.SelfHeal"/> was set.</summary>
    public SelfHealResult? SelfHeal { get; init; }

    /// <summary>Where the loop stopped early, or <see cref="HealLoopStop.None"/> when it planned a fix.</summary>
    public HealLoopStop Stopped { get; init; }

    /// <summary>The selector heals, one outcome per broken locator.</summary>
    public HealReport? Heal { get; init; }

    /// <summary>The planned fix (after validation, when it ran: a withheld patch is empty here).</summary>
    public FixResult? Fix { get; init; }

    /// <summary>The validation, when <see cref="HealLoopRequest.Validate"/> was set.</summary>
    public ValidationResult? Validation { get; init; }

    /// <summary>The repository files written, when <see cref="HealLoopRequest.Apply"/> was set and the patch may be applied.</summary>
    public IReadOnlyList<string>? Applied { get; init; }

    /// <summary>The folder every file was written to.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The fix agent's folder (patch, metadata).</summary>
    /// <summary>
    /// Why a heal did not become an edit, by the heal outcome's <see cref="HealOutcome.Instruction"/>: the reason the fix
    /// agent listed the healed instruction for manual review (empty when every heal became an edit or no fix ran).
    /// </summary>
    public IReadOnlyDictionary<int, string> NotPatched { get; init; } = new Dictionary<int, string>();

    /// <summary>The fix agent's folder under <see cref="OutputFolder"/>.</summary>
    public string FixFolder => Path.Combine(OutputFolder, "fix-agent");

    /// <summary>The unified diff's path.</summary>
    public string PatchPath => Path.Combine(FixFolder, $"patch-{Analysis.RunId}.diff");

    /// <summary>The fix metadata's path.</summary>
    public string MetadataPath => Path.Combine(FixFolder, $"metadata-{Analysis.RunId}.json");
}

/// <summary>Where <see cref="HealLoop"/> stopped before planning a fix.</summary>
public enum HealLoopStop
{
    /// <summary>It did not stop early: the fix was planned.</summary>
    None,

    /// <summary>Self-heal changed files in the working tree: a patch planned on that tree would be planned on sand.</summary>
    SelfHealChangedTheTree,

    /// <summary>Self-heal made every failed test pass: the fix agent has nothing to do.</summary>
    SelfHealPassedEveryTest,
}
