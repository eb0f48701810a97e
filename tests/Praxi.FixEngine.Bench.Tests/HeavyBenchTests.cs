namespace Praxi.FixEngine.Bench.Tests;

/// <summary>Tests that generate and analyse megabytes run one at a time: they compete for the same cores otherwise.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyBenchTests
{
    public const string Name = "bench";
}
