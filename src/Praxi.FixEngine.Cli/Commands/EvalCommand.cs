using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evaluation;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi eval &lt;corpus-folder&gt; [--folds N] [--rules-only] [--config praxi.json] [--json]</c>: score the classifier on labelled logs.</summary>
internal sealed class EvalCommand : Command
{
    private readonly Argument<string> _folder = new("corpus-folder") { Description = "A folder with logs and a labels.json ([{\"file\", \"label\"}])." };
    private readonly Option<string?> _config = new("--config") { Description = "praxi.json with the rules to evaluate (default: ./praxi.json if present)." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the scores as one JSON object." };
    private readonly Option<int?> _folds = new("--folds") { Description = "Cross-validate the learned judge with this many folds grouped by source project (each fold judged by a model that never saw its projects)." };
    private readonly Option<double?> _l2 = new("--l2") { Description = "With --folds: the L2 penalty to train each fold with (default as praxi train)." };
    private readonly Option<string?> _scoreOn = new("--score-on") { Description = "Score on this copy of the corpus (same files, e.g. buried in full CI logs; with --folds each fold is still trained on the corpus), or on 'console': each log wrapped in browser console noise, listing the answers that move." };
    private readonly Option<bool> _rulesOnly = new("--rules-only") { Description = "Score the rules alone, without the learned judge." };

    public EvalCommand()
        : base("eval", "Score the classifier on a labelled folder: per-label precision/recall, macro-F1, confusion matrix, confident accuracy.")
    {
        Arguments.Add(_folder);
        Options.Add(_config);
        Options.Add(_json);
        Options.Add(_folds);
        Options.Add(_rulesOnly);
        Options.Add(_l2);
        Options.Add(_scoreOn);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, async () =>
        {
            var options = CliRun.CreateOptions(parse.GetValue(_config), null);
            options.RulesOnly = parse.GetValue(_rulesOnly);
            var folder = parse.GetRequiredValue(_folder);
            var json = parse.GetValue(_json);
            string text;
            var scoreOn = parse.GetValue(_scoreOn);
            if (parse.GetValue(_folds) is not null && options.RulesOnly)
            {
                throw new FixEngineException("--folds cross-validates the learned judge; --rules-only has nothing to train.");
            }

            if (scoreOn == ConsoleScoring)
            {
                text = await ScoreOnConsoleAsync(folder, options, parse.GetValue(_folds), TrainCommand.Settings(parse.GetValue(_l2)), json, ct).ConfigureAwait(false);
            }
            else if (parse.GetValue(_folds) is { } folds)
            {
                var cv = await Task.Run(() => CorpusEvaluator.CrossValidate(folder, options, folds, TrainCommand.Settings(parse.GetValue(_l2)), scoreOn, ct), ct).ConfigureAwait(false);
                text = json ? Json(cv.Judge, cv.Rules, folds) : Render(cv.Judge) + RenderBaseline(cv);
            }
            else
            {
                var report = await Task.Run(() => CorpusEvaluator.Evaluate(folder, new FailureAnalyzer(options), ct), ct).ConfigureAwait(false);
                text = json ? Json(report, null, null) : Render(report);
                if (options.Rules.Count > 0)
                {
                    // What the user's rules change: the same corpus without them.
                    var without = new AnalysisOptions { RulesOnly = options.RulesOnly, Model = options.Model, MinConfidence = options.MinConfidence, MaxTimeoutMs = options.MaxTimeoutMs };
                    var before = await Task.Run(() => CorpusEvaluator.Evaluate(folder, new FailureAnalyzer(without), ct), ct).ConfigureAwait(false);
                    text += json ? string.Empty : RenderRuleChanges(CorpusEvaluator.Changes(before, report), options.Rules.Count);
                }
            }

            await parse.InvocationConfiguration.Output.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
    }

    /// <summary>The value of <c>--score-on</c> that wraps each log in browser console noise (<see cref="ConsoleNoise"/>).</summary>
    private const string ConsoleScoring = "console";

    private const int ConsoleSeed = 1;

    /// <summary>A confidence that moves more than this under console noise is listed.</summary>
    private const double ConsoleTolerance = 0.05;

    /// <summary>The corpus scored clean and wrapped in console noise (held out by fold when <paramref name="folds"/> is set), with the answers that moved.</summary>
    private static async Task<string> ScoreOnConsoleAsync(string folder, AnalysisOptions options, int? folds, JudgeTrainerSettings settings, bool json, CancellationToken ct)
    {
        var wrapped = Path.Combine(Path.GetTempPath(), "praxi-console-" + Guid.NewGuid().ToString("N"));
        try
        {
            _ = LabelledCorpus.Read(folder);
            ConsoleNoise.WrapFolder(folder, wrapped, ConsoleSeed);
            EvaluationReport clean, noisy;
            CrossValidationReport? cv = null;
            if (folds is { } n)
            {
                clean = (await Task.Run(() => CorpusEvaluator.CrossValidate(folder, options, n, settings, null, ct), ct).ConfigureAwait(false)).Judge;
                cv = await Task.Run(() => CorpusEvaluator.CrossValidate(folder, options, n, settings, wrapped, ct), ct).ConfigureAwait(false);
                noisy = cv.Judge;
            }
            else
            {
                clean = await Task.Run(() => CorpusEvaluator.Evaluate(folder, new FailureAnalyzer(options), ct), ct).ConfigureAwait(false);
                noisy = await Task.Run(() => CorpusEvaluator.Evaluate(wrapped, new FailureAnalyzer(options), ct), ct).ConfigureAwait(false);
            }

            var moves = CorpusEvaluator.Moves(clean, noisy, ConsoleTolerance);
            return json
                ? Json(noisy, cv?.Rules, folds, moves)
                : Render(noisy) + (cv is null ? string.Empty : RenderBaseline(cv)) + RenderMoves(clean, moves);
        }
        finally
        {
            if (Directory.Exists(wrapped))
            {
                Directory.Delete(wrapped, recursive: true);
            }
        }
    }

    private static string RenderMoves(EvaluationReport clean, IReadOnlyList<AnswerMove> moves)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.Append(inv, $"scored on each log wrapped in browser console noise (seed {ConsoleSeed}); the same logs without it: accuracy {clean.Accuracy:0.000}, macro-F1 {clean.MacroF1:0.000}").AppendLine();
        sb.Append(inv, $"console noise changed the type of {moves.Count(m => m.TypeChanged)} of {clean.Items.Count} answers and moved the confidence of {moves.Count(m => !m.TypeChanged)} more by over {ConsoleTolerance:0.00}").AppendLine();
        foreach (var m in moves)
        {
            sb.Append(inv, $"  {m.File}: {m.Before.ToName()} {m.BeforeConfidence:0.00} → {m.After.ToName()} {m.AfterConfidence:0.00} (label {m.Expected.ToName()})").AppendLine();
        }

        return sb.ToString();
    }

    private static string RenderBaseline(CrossValidationReport cv)
    {
        var inv = CultureInfo.InvariantCulture;
        var r = cv.Rules;
        return string.Create(inv, $"\nheld out by project over {cv.Folds} folds; the rules alone on the same files: accuracy {r.Accuracy:0.000}, macro-F1 {r.MacroF1:0.000}, answers with confidence >= {CorpusEvaluator.ConfidentAt:0.0}: {r.ConfidentAnswers}, correct: {r.ConfidentCorrect}\n");
    }

    private static string RenderRuleChanges(IReadOnlyList<AnswerChange> changes, int rules)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine();
        var fixedCount = changes.Count(c => c.After == c.Expected);
        var broken = changes.Count(c => c.Before == c.Expected);
        sb.Append(inv, $"your {rules} rule(s) change {changes.Count} answer(s): {fixedCount} now right, {broken} now wrong").AppendLine();
        foreach (var c in changes)
        {
            sb.Append(inv, $"  {c.File}: {c.Before.ToName()} → {c.After.ToName()} (label {c.Expected.ToName()})").AppendLine();
        }

        return sb.ToString();
    }

    internal static string Render(EvaluationReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{"label",-22} {"support",7} {"predicted",9} {"precision",9} {"recall",7} {"f1",6}").AppendLine();
        foreach (var l in report.Labels)
        {
            sb.Append(inv, $"{l.Type.ToName(),-22} {l.Support,7} {l.Predicted,9} {l.Precision,9:0.000} {l.Recall,7:0.000} {l.F1,6:0.000}").AppendLine();
        }

        sb.AppendLine();
        sb.Append(inv, $"files: {report.Items.Count}, accuracy: {report.Accuracy:0.000} (with secondary labels: {report.AcceptableAccuracy:0.000}), macro-F1: {report.MacroF1:0.000}, unknown: {report.Abstained}").AppendLine();
        var calibrated = report.ConfidentAnswers == 0 ? 0 : (double)report.ConfidentCorrect / report.ConfidentAnswers;
        sb.Append(inv, $"answers with confidence >= {CorpusEvaluator.ConfidentAt:0.0}: {report.ConfidentAnswers}, correct: {report.ConfidentCorrect} ({calibrated:0.000})").AppendLine();
        sb.Append(inv, $"expected calibration error: {report.CalibrationError:0.000}").AppendLine();
        sb.AppendLine();
        sb.AppendLine("reliability (confidence → share right):");
        foreach (var b in report.Reliability.Where(b => b.Answers > 0))
        {
            sb.Append(inv, $"  [{b.Low:0.0}, {b.High:0.0}{(b.High >= 1 ? "]" : ")")} {b.Answers,4} answers, mean confidence {b.MeanConfidence:0.000}, right {b.Accuracy:0.000}").AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine("confusion (rows: label, columns: answer):");
        var types = report.Labels.Select(l => l.Type).ToList();
        sb.Append(inv, $"{string.Empty,-22}");
        foreach (var t in types)
        {
            sb.Append(inv, $" {Abbrev(t),5}");
        }

        sb.AppendLine();
        foreach (var row in types.Where(t => report.Confusion.ContainsKey(t)))
        {
            sb.Append(inv, $"{row.ToName(),-22}");
            foreach (var col in types)
            {
                var n = report.Confusion[row].TryGetValue(col, out var v) ? v : 0;
                sb.Append(inv, $" {(n == 0 ? "." : n.ToString(inv)),5}");
            }

            sb.AppendLine();
        }

        var wrong = report.Items.Where(i => !i.Correct).ToList();
        if (wrong.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("misclassified:");
            foreach (var i in wrong)
            {
                sb.Append(inv, $"  {i.File}: {i.Expected.ToName()} → {i.Actual.ToName()} ({i.Confidence:0.00}) {i.Evidence}").AppendLine();
            }
        }

        return sb.ToString();
    }

    private static string Json(EvaluationReport r, EvaluationReport? rules, int? folds, IReadOnlyList<AnswerMove>? moves = null)
    {
        var payload = new
        {
            files = r.Items.Count,
            folds,
            accuracy = Math.Round(r.Accuracy, 4),
            acceptable_accuracy = Math.Round(r.AcceptableAccuracy, 4),
            macro_f1 = Math.Round(r.MacroF1, 4),
            unknown = r.Abstained,
            confident_answers = r.ConfidentAnswers,
            confident_correct = r.ConfidentCorrect,
            calibration_error = Math.Round(r.CalibrationError, 4),
            reliability = r.Reliability.Select(b => new { low = b.Low, high = b.High, answers = b.Answers, correct = b.Correct, mean_confidence = Math.Round(b.MeanConfidence, 4) }),
            rules = rules is null ? null : new { accuracy = Math.Round(rules.Accuracy, 4), macro_f1 = Math.Round(rules.MacroF1, 4), confident_answers = rules.ConfidentAnswers, confident_correct = rules.ConfidentCorrect },
            labels = r.Labels.Select(l => new { label = l.Type.ToName(), support = l.Support, predicted = l.Predicted, precision = Math.Round(l.Precision, 4), recall = Math.Round(l.Recall, 4), f1 = Math.Round(l.F1, 4) }),
            items = r.Items.Select(i => new { file = i.File, expected = i.Expected.ToName(), actual = i.Actual.ToName(), confidence = i.Confidence }),
            moved = moves?.Select(m => new { file = m.File, expected = m.Expected.ToName(), before = m.Before.ToName(), before_confidence = m.BeforeConfidence, after = m.After.ToName(), after_confidence = m.AfterConfidence }),
        };
        return JsonSerializer.Serialize(payload) + "\n";
    }

    private static string Abbrev(ErrorType t)
    {
        var name = t.ToName();
        var parts = name.Split('_');
        return parts.Length > 1 ? string.Concat(parts.Select(p => p[..Math.Min(2, p.Length)])) : name[..Math.Min(5, name.Length)];
    }
}
