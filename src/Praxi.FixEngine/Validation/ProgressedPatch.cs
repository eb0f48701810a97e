namespace Praxi.FixEngine.Validation;

/// <summary>What validation does with a patch whose targeted tests progressed (<c>praxi.json</c> <c>validation.on_progressed</c>).</summary>
public enum ProgressedPatch
{
    /// <summary><c>keep</c>: offer the patch; the metadata and the PR body name the later failure the test now meets.</summary>
    Keep,

    /// <summary><c>withhold</c>: withhold it like a failed validation, for teams that merge only patches whose tests pass.</summary>
    Withhold,
}
