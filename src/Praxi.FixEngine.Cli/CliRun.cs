using System.CommandLine;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;

namespace Praxi.FixEngine.Cli;

/// <summary>What every verb shares: turning bad input into one line and exit code 2, building the analyzer.</summary>
internal static class CliRun
{
    public static async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (FixEngineException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"praxi: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"praxi: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("praxi: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The CLI's promise: never a stack trace, whatever broke.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"praxi: internal error ({ex.GetType().Name}: {OneLine(ex.Message)}); please report it with the input that caused it").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    public static FailureAnalyzer CreateAnalyzer(string? configPath, string? runId) => new(CreateOptions(configPath, runId));

    public static AnalysisOptions CreateOptions(string? configPath, string? runId)
    {
        var options = new AnalysisOptions { RunId = runId ?? "local" };
        PraxiConfig.Load(configPath).ApplyTo(options);
        return options;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
