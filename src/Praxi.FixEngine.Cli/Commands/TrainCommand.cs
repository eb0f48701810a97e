using System.CommandLine;
using System.Globalization;
using Praxi.FixEngine.Evaluation;
using Praxi.FixEngine.Healing.Evaluation;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi train &lt;corpus-folder&gt; --out judge.json [--config praxi.json]</c>: fit the learned judge on labelled runs.
/// <c>praxi train --relocation &lt;dataset&gt;... --out relocation.json</c>: fit relocation weights and their calibration.
/// </summary>
internal sealed class TrainCommand : Command
{
    private readonly Argument<string[]> _folders = new("corpus-folder") { Description = "A folder with logs and a labels.json ([{\"file\", \"label\", \"source\"?}]); with --relocation, praxi-relocation/1 dataset folders.", Arity = ArgumentArity.OneOrMore };
    private readonly Option<bool> _relocation = new("--relocation") { Description = "Train relocation weights (which element of a new page is the old one) on praxi-relocation/1 datasets instead of the judge." };
    private readonly Option<string> _out = new("--out") { Description = "Where to write the weights file (written whole or not at all).", Required = true };
    private readonly Option<string?> _config = new("--config") { Description = "praxi.json whose rules supply the evidence (default: ./praxi.json if present)." };
    private readonly Option<double?> _l2 = new("--l2") { Description = "L2 penalty (default 0.0003)." };

    public TrainCommand()
        : base("train", "Train the learned judge on a labelled folder and write its weights file; set classification.model in praxi.json to use it.")
    {
        Arguments.Add(_folders);
        Options.Add(_relocation);
        Options.Add(_out);
        Options.Add(_config);
        Options.Add(_l2);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, async () =>
        {
            var folders = parse.GetRequiredValue(_folders);
            var outPath = parse.GetRequiredValue(_out);
            if (parse.GetValue(_relocation))
            {
                var weights = await Task.Run(() => RelocationDatasetEvaluator.Train(folders, ct), ct).ConfigureAwait(false);
                await weights.SaveAsync(outPath, ct).ConfigureAwait(false);
                await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"trained relocation weights on {weights.Training.Targets} targets from {weights.Training.Sites} sites, accepted risk {weights.MaxRisk:0.0000} → {outPath}")).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (folders.Length != 1)
            {
                throw new FixEngineException("train takes one labelled corpus folder (several folders only with --relocation).");
            }

            var options = CliRun.CreateOptions(parse.GetValue(_config), null);
            var settings = Settings(parse.GetValue(_l2));
            var model = await Task.Run(() => CorpusEvaluator.Train(folders[0], options, settings, ct), ct).ConfigureAwait(false);
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
