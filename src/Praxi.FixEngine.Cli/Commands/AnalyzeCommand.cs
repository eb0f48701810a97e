using System.CommandLine;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi analyze &lt;path&gt; [--run-id ID] [--out FILE] [--format json|text] [--config praxi.json]</c>.</summary>
internal sealed class AnalyzeCommand : Command
{
    private readonly Argument<string> _path = new("path") { Description = "A log file or a folder of CI artifacts." };
    private readonly Option<string?> _runId = new("--run-id") { Description = "The CI run id written into the report (default: local)." };
    private readonly Option<string?> _out = new("--out") { Description = "Write analysis.json here instead of stdout." };
    private readonly Option<string> _format = new("--format") { Description = "json (the contract) or text (a summary for a person).", DefaultValueFactory = _ => "json" };
    private readonly Option<string?> _config = new("--config") { Description = "praxi.json with extra classification rules (default: ./praxi.json if present)." };

    public AnalyzeCommand()
        : base("analyze", "Classify a failed run's artifacts and write analysis.json.")
    {
        _format.AcceptOnlyFromAmong("json", "text");
        Arguments.Add(_path);
        Options.Add(_runId);
        Options.Add(_out);
        Options.Add(_format);
        Options.Add(_config);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var analyzer = CliRun.CreateAnalyzer(parse.GetValue(_config), parse.GetValue(_runId));
        var report = await analyzer.AnalyzeAsync(parse.GetRequiredValue(_path), cancellationToken).ConfigureAwait(false);
        var text = parse.GetValue(_format) == "text" ? TextSummary.Render(report) : AnalysisJson.Serialize(report) + "\n";
        var outPath = parse.GetValue(_out);
        if (outPath is null)
        {
            await parse.InvocationConfiguration.Output.WriteAsync(text).ConfigureAwait(false);
        }
        else
        {
            await AtomicFiles.WriteAllTextAsync(outPath, text, cancellationToken).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{report.Classification.ErrorType.ToName()} ({report.Classification.Confidence:0.00}) → {outPath}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
