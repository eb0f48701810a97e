using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.SelfHeal;

/// <summary>The failed tests of a self-heal context, as targets of a rerun.</summary>
internal static class SelfHealTargets
{
    /// <summary>One target per failed test, in the analysis' order.</summary>
    public static IReadOnlyList<TestTarget> Of(SelfHealContext context) =>
        [.. (context.Classification?.Failures ?? []).Select(f => new TestTarget(f.Test, f.File, f.Line, f.Framework, f.TestFile, f.TestLine, f.Language, f.Runner)).DistinctBy(t => t.Test, StringComparer.Ordinal)];
}
