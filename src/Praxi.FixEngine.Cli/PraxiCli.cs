using System.CommandLine;

namespace Praxi.FixEngine.Cli;

/// <summary>Builds the <c>praxi</c> root command and runs it with the given writers (tests run it in-process).</summary>
internal static class PraxiCli
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("praxi: evidence-backed analysis and repair of failed end-to-end UI test runs.");
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}
