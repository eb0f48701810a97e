using System.CommandLine;
using Praxi.FixEngine.Cli.Commands;

namespace Praxi.FixEngine.Cli;

/// <summary>Builds the <c>praxi</c> root command and runs it with the given writers (tests run it in-process).</summary>
internal static class PraxiCli
{
    public static RootCommand BuildRoot(CliServices? services = null)
    {
        var root = new RootCommand("praxi: evidence-backed analysis and repair of failed end-to-end UI test runs.")
        {
            new AnalyzeCommand(),
            new EvalCommand(),
            new TrainCommand(),
            new BenchCommand(),
            new FixCommand(services ?? CliServices.Default),
            new BaselineCommand(),
            new HealCommand(services ?? CliServices.Default),
            new ShipLogsCommand(services ?? CliServices.Default),
            new SelfHealCommand(services ?? CliServices.Default),
            new DashboardCommand(services ?? CliServices.Default),
        };
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, CliServices.Default, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CliServices services, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot(services);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var first = parse.Errors[0].Message.ReplaceLineEndings(" ");
            await error.WriteLineAsync($"praxi: {first} (run 'praxi {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(1))} --help' for usage)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var config = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}
