using System.CommandLine;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi baseline &lt;action&gt;</c>: the element fingerprints of passing runs that healing compares against.</summary>
internal sealed class BaselineCommand : Command
{
    public BaselineCommand()
        : base("baseline", "Record element fingerprints from passing test runs (the baseline healing compares against).")
    {
        Subcommands.Add(new BaselineRecordCommand());
    }
}
