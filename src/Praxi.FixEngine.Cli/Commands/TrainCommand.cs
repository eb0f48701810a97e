using System.CommandLine;
using System.Globalization;
using Praxi.FixEngine.Evaluation;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi train &lt;corpus-folder&gt; --out judge.json [--config praxi.json]</c>: fit the learned judge on labelled runs.</summary>
internal sealed class TrainCommand : Command
{
    private readonly Argument<string> _folder = new("corpus-folder") { Description = "A folder with logs and a labels.json ([{\"file\", \"label\", \"source\"?}])." };
    private readonly Option<string> _out = new("--out") { Description = "Where to write the weights file (written whole or not at all).", Required = true };
    private readonly Option<string?> _config = new("--config") { Description = "praxi.json whose rules supply the evidence (default: ./praxi.json if present)." };
    private readonly Option<double?> _l2 = new("--l2") { Description = "L2 penalty (default 0.0003)." };

    public TrainCommand()
        : base("train", "Train the learned judge on a labelled folder and write its weights file; set classification.model in praxi.json to use it.")
    {
        Arguments.Add(_folder);
        Options.Add(_out);
        Options.Add(_config);
        Options.Add(_l2);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, async () =>
        {
            var options = CliRun.CreateOptions(parse.GetValue(_config), null);
            var settings = Settings(parse.GetValue(_l2));
            var model = await Task.Run(() => CorpusEvaluator.Train(parse.GetRequiredValue(_folder), options, settings, ct), ct).ConfigureAwait(false);
            var outPath = parse.GetRequiredValue(_out);
            await model.SaveAsync(outPath, ct).ConfigureAwait(false);
            var t = model.Training;
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"trained on {t.Examples} runs from {t.Groups} projects, {model.Types.Count} types, {model.FeatureCount} features, temperature {model.Temperature:0.000} → {outPath}")).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
    }

    /// <summary>The training settings the verbs' options give.</summary>
    internal static JudgeTrainerSettings Settings(double? l2) =>
        l2 switch
        {
            null => new JudgeTrainerSettings(),
            > 0 and < 100 => new JudgeTrainerSettings { L2 = l2.Value },
            _ => throw new FixEngineException($"--l2 must be in (0, 100); got {l2.Value.ToString(CultureInfo.InvariantCulture)}."),
        };
}
