using System.CommandLine;
using System.Globalization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi fix prepare --analysis FILE --repo DIR [--out DIR]</c>: writes <c>input.json</c>, the instructions with repository-relative paths.</summary>
internal sealed class FixPrepareCommand : Command
{
    private readonly Option<string> _analysis = new("--analysis") { Description = "analysis.json from 'praxi analyze'.", Required = true };
    private readonly Option<string> _repo = new("--repo") { Description = "The checkout of the repository under test.", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "Folder for input.json.", DefaultValueFactory = _ => "fix-agent" };

    public FixPrepareCommand()
        : base("prepare", "Write fix-agent/input.json: the analysis's fix instructions with paths made repository-relative.")
    {
        Options.Add(_analysis);
        Options.Add(_repo);
        Options.Add(_out);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var repo = FixCommand.RequireRepository(parse.GetRequiredValue(_repo));
        var input = FixAgent.Prepare(FixCommand.ReadInput(parse.GetRequiredValue(_analysis)), repo);
        var path = Path.Combine(parse.GetRequiredValue(_out), "input.json");
        await AtomicFiles.WriteAllTextAsync(path, FixJson.Serialize(input) + "\n", cancellationToken).ConfigureAwait(false);

        var unresolved = input.Paths.Where(p => p.Resolved is null).ToList();
        await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{input.Instructions.Count} instruction(s), {input.Paths.Count - unresolved.Count} path(s) resolved → {path}")).ConfigureAwait(false);
        foreach (var p in unresolved)
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync($"  unresolved: {p.Problem}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
