using System.CommandLine;
using Praxi.FixEngine.Bench.Commands;
using Praxi.FixEngine.Cli;

namespace Praxi.FixEngine.Bench;

/// <summary>Builds the <c>praxi-bench</c> root command and runs it with the given writers (tests run it in-process).</summary>
internal static class BenchCli
{
    public static RootCommand BuildRoot() => new("praxi-bench: measure the engine on generated input and print the figures (reported, never asserted).")
    {
        new LogsCommand(),
        new HealCommand(),
        new RewriteCommand(),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var first = parse.Errors[0].Message.ReplaceLineEndings(" ");
            // "praxi:" like every other error line of the bench (CliRun.GuardAsync, shared with the tool).
            await error.WriteLineAsync($"praxi: {first} (run 'praxi-bench {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(1))} --help' for usage)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var config = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}
