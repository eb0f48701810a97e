namespace Praxi.FixEngine.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    [Fact]
    public void Root_Bench_HoldsTheUserVerbsOnly()
    {
        var bench = PraxiCli.BuildRoot().Subcommands.Single(c => c.Name == "bench");

        bench.Subcommands.Select(c => c.Name).Should().BeEquivalentTo(["relocate", "sweep"], because: "the benchmarks on generated input (logs, heal, rewrite) live in bench/ as praxi-bench, not in the shipped tool");
    }
}
