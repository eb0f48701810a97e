namespace Praxi.FixEngine.Bench.Rewrite;

/// <summary>What one measuring process found (printed as JSON by <c>praxi-bench rewrite --one DIR</c>).</summary>
/// <param name="Cases">The C# file, the TypeScript file and the repository.</param>
/// <param name="PinnedToOneCore">True when the process ran with its affinity set to a single core.</param>
/// <param name="InProcess">True when measured inside the bench process.</param>
internal sealed record RewriteMeasurement(IReadOnlyList<RewriteCase> Cases, bool PinnedToOneCore, bool InProcess);
