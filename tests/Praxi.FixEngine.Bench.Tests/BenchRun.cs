namespace Praxi.FixEngine.Bench.Tests;

/// <summary>Runs <c>praxi-bench</c> in-process with captured writers, as a user runs it.</summary>
internal static class BenchRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BenchCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
