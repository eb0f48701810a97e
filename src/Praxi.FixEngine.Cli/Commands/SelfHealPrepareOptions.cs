using System.CommandLine;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>The options of <c>prepare</c>, which <c>run</c> takes too: repository, analysis or artifacts, output, run id, config.</summary>
internal sealed class SelfHealPrepareOptions
{
    private readonly Option<string> _repo = SelfHealCommand.Repo();
    private readonly Option<string?> _analysis = new("--analysis") { Description = "analysis.json of the failed run." };
    private readonly Option<string?> _artifacts = new("--artifacts") { Description = "The failed run's artifacts, analysed when no usable analysis.json is given." };
    private readonly Option<string> _out = SelfHealCommand.Out();
    private readonly Option<string?> _runId = new("--run-id") { Description = "The CI run id (default: the analysis's, else local)." };
    private readonly Option<string?> _config = SelfHealCommand.Config();

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _repo, _analysis, _artifacts, _out, _runId, _config })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request the options describe, with what <c>run</c> adds for decide and execute.</summary>
    public SelfHealRequest Request(ParseResult parse, string? triggerSource = null, bool requireManualTrigger = false, bool fullSuite = false) => new()
    {
        TriggerSource = triggerSource,
        RequireManualTrigger = requireManualTrigger,
        FullSuite = fullSuite,
        RepositoryRoot = parse.GetRequiredValue(_repo),
        OutputFolder = parse.GetRequiredValue(_out),
        AnalysisPath = parse.GetValue(_analysis),
        ArtifactsPath = parse.GetValue(_artifacts),
        RunId = parse.GetValue(_runId),
        Config = SelfHealCommand.LoadConfig(parse.GetValue(_config)),
    };
}
