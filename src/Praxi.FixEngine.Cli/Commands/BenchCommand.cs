using System.CommandLine;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi bench &lt;subject&gt;</c>: measurements that are reported, never asserted.</summary>
internal sealed class BenchCommand : Command
{
    public BenchCommand()
        : base("bench", "Measure praxi on generated input and print the figures.")
    {
        Subcommands.Add(new BenchLogsCommand());
        Subcommands.Add(new BenchRewriteCommand());
        Subcommands.Add(new BenchRelocateCommand());
        Subcommands.Add(new BenchHealCommand());
    }
}
