using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evaluation;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary><c>praxi eval &lt;corpus-folder&gt; [--config praxi.json] [--json]</c>: score the classifier on labelled logs.</summary>
internal sealed class EvalCommand : Command
{
    private readonly Argument<string> _folder = new("corpus-folder") { Description = "A folder with logs and a labels.json ([{\"file\", \"label\"}])." };
    private readonly Option<string?> _config = new("--config") { Description = "praxi.json with the rules to evaluate (default: ./praxi.json if present)." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the scores as one JSON object." };

    public EvalCommand()
        : base("eval", "Score the classifier on a labelled folder: per-label precision/recall, macro-F1, confusion matrix, confident accuracy.")
    {
        Arguments.Add(_folder);
        Options.Add(_config);
        Options.Add(_json);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, async () =>
        {
            var analyzer = CliRun.CreateAnalyzer(parse.GetValue(_config), null);
            var folder = parse.GetRequiredValue(_folder);
            if (!Directory.Exists(folder))
            {
                throw new FixEngineException($"'{folder}' is not a folder: pass a folder holding logs and a labels.json.");
            }

            var report = await Task.Run(() => CorpusEvaluator.Evaluate(folder, analyzer, ct), ct).ConfigureAwait(false);
            var text = parse.GetValue(_json) ? Json(report) : Render(report);
            await parse.InvocationConfiguration.Output.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
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
        sb.Append(inv, $"files: {report.Items.Count}, accuracy: {report.Accuracy:0.000}, macro-F1: {report.MacroF1:0.000}").AppendLine();
        var calibrated = report.ConfidentAnswers == 0 ? 0 : (double)report.ConfidentCorrect / report.ConfidentAnswers;
        sb.Append(inv, $"answers with confidence >= {CorpusEvaluator.ConfidentAt:0.0}: {report.ConfidentAnswers}, correct: {report.ConfidentCorrect} ({calibrated:0.000})").AppendLine();
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

    private static string Json(EvaluationReport r)
    {
        var payload = new
        {
            files = r.Items.Count,
            accuracy = Math.Round(r.Accuracy, 4),
            macro_f1 = Math.Round(r.MacroF1, 4),
            confident_answers = r.ConfidentAnswers,
            confident_correct = r.ConfidentCorrect,
            labels = r.Labels.Select(l => new { label = l.Type.ToName(), support = l.Support, predicted = l.Predicted, precision = Math.Round(l.Precision, 4), recall = Math.Round(l.Recall, 4), f1 = Math.Round(l.F1, 4) }),
            items = r.Items.Select(i => new { file = i.File, expected = i.Expected.ToName(), actual = i.Actual.ToName(), confidence = i.Confidence }),
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
