using System.CommandLine;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi bench &lt;subject&gt;</c>: how well praxi does on the user's own data — element relocation on a dataset or on
/// mutated pages, the rewriters on a real test suite. The throughput benchmarks on generated input are not part of the
/// tool: they live in <c>bench/</c> (docs/benchmarks.md).
/// </summary>
internal sealed class BenchCommand : Command
{
    public BenchCommand()
        : base("bench", "Measure praxi on your own data: element relocation (relocate) and the rewriters on a real test suite (sweep).")
    {
        Subcommands.Add(new BenchRelocateCommand());
        Subcommands.Add(new BenchSweepCommand());
    }
}
