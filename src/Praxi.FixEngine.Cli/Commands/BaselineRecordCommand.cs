using System.CommandLine;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi baseline record &lt;artifacts&gt; [--out FILE] [--config praxi.json]</c>.</summary>
internal sealed class BaselineRecordCommand : Command
{
    private readonly Argument<string> _artifacts = new("artifacts") { Description = "A folder of test results with trace.zip files (searched recursively), or one trace.zip." };
    private readonly Option<string> _out = new("--out") { Description = "The baseline store to merge into (default: .praxi/baseline.json).", DefaultValueFactory = _ => BaselineRecorder.DefaultStorePath };
    private readonly Option<string?> _config = new("--config") { Description = "praxi.json whose selectors.test_id_attributes name the project's test-id attributes (default: ./praxi.json if present)." };

    public BaselineRecordCommand()
        : base("record", "Fingerprint the element each passing traced call resolved to and merge them into the baseline store.")
    {
        Arguments.Add(_artifacts);
        Options.Add(_out);
        Options.Add(_config);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var selectors = new SelectorOptions();
        PraxiConfig.Load(parse.GetValue(_config)).ApplyTo(selectors);
        var outPath = parse.GetRequiredValue(_out);
        var recorded = await BaselineRecorder.RecordAsync(parse.GetRequiredValue(_artifacts), outPath, selectors, cancellationToken: cancellationToken).ConfigureAwait(false);
        await parse.InvocationConfiguration.Output.WriteLineAsync($"{recorded.Summary} → {outPath} ({recorded.StoreEntries} entries)").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
