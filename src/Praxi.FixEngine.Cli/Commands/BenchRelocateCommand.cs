using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Evaluation;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi bench relocate &lt;dataset&gt; [--json]</c>: element relocation on a <c>praxi-relocation/1</c> dataset,
/// counted as correct, wrong (a wrong heal) and abstained, per site and in total.
/// <c>praxi bench relocate --mutate &lt;folder&gt; [--seed N] [--json]</c>: the same on mutated copies of HTML pages.
/// </summary>
internal sealed class BenchRelocateCommand : Command
{
    private readonly Argument<string[]> _datasets = new("dataset") { Description = "praxi-relocation/1 dataset folders (dataset.json, sites.json, sites/, answers.jsonl).", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<int?> _folds = new("--folds") { Description = "Cross-validate grouped by site over the datasets: each fold's sites relocated by weights learned without them, beside the hand-set weights." };
    private readonly Option<string?> _weights = new("--weights") { Description = "Relocation weights to measure: a file written by 'praxi train', or 'similo' for the hand-set ones (default: the built-in weights)." };
    private readonly Option<string[]> _mutate = new("--mutate") { Description = "Instead of a dataset: folders of HTML pages (*.html, searched recursively) to mutate and relocate in; repeatable." };
    private readonly Option<int> _seed = new("--seed") { Description = "With --mutate: the sampling and mutation seed (same seed and pages, same cases).", DefaultValueFactory = _ => RelocationMutationEvaluator.DefaultSeed };
    private readonly Option<bool> _json = new("--json") { Description = "Print one line: {\"pairs\":N,\"correct\":N,\"wrong\":N,\"abstained\":N}." };
    private readonly Option<string?> _sites = new("--sites") { Description = "Only these sites (comma-separated names from sites.json): to measure on part of a dataset, e.g. leaving sites out." };
    private readonly Option<bool> _pairs = new("--pairs") { Description = "Also list every target: outcome, best scores and the answer's score.", Hidden = true };

    public BenchRelocateCommand()
        : base("relocate", "Benchmark element relocation (find the old page's element on the new page, or abstain) on a praxi-relocation/1 dataset.")
    {
        Arguments.Add(_datasets);
        Options.Add(_folds);
        Options.Add(_weights);
        Options.Add(_mutate);
        Options.Add(_seed);
        Options.Add(_json);
        Options.Add(_sites);
        Options.Add(_pairs);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folders = parse.GetValue(_datasets) ?? [];
        var pages = parse.GetValue(_mutate) ?? [];
        var output = parse.InvocationConfiguration.Output;
        var model = Model(parse.GetValue(_weights));
        if (pages.Length > 0)
        {
            if (folders.Length > 0)
            {
                throw new FixEngineException("bench relocate takes either dataset folders or --mutate <folder>, not both.");
            }

            var mutated = await Task.Run(() => RelocationMutationEvaluator.Evaluate(pages, parse.GetValue(_seed), model, cancellationToken), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(parse.GetValue(_json) ? Json(mutated) : Render(mutated, parse.GetValue(_pairs))).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (folders.Length == 0)
        {
            throw new FixEngineException($"bench relocate needs a {RelocationDatasetEvaluator.Format} dataset folder, or --mutate <folder of HTML pages>.");
        }

        if (parse.GetValue(_folds) is { } folds)
        {
            var cv = await Task.Run(() => RelocationDatasetEvaluator.CrossValidate(folders, folds, cancellationToken), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(parse.GetValue(_json) ? Json(cv) : Render(cv)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var folder in folders)
        {
            var report = await Task.Run(() => RelocationDatasetEvaluator.Evaluate(folder, Sites(parse.GetValue(_sites)), model, cancellationToken), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(parse.GetValue(_json) ? Json(report) : Render(report, parse.GetValue(_pairs), model ?? RelocationModel.BuiltIn)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static RelocationModel? Model(string? weights) => weights switch
    {
        null => null,
        "similo" => RelocationModel.Similo,
        _ => RelocationModel.Load(weights),
    };

    internal static string Json(RelocationCrossValidation cv) =>
        JsonSerializer.Serialize(new
        {
            folds = cv.Folds,
            datasets = cv.Learned.Select((d, i) => new
            {
                dataset = d.Dataset,
                learned = Counts(d.Total(withAnswersOnlySites: true)),
                learned_without_answers_only = Counts(d.Total(withAnswersOnlySites: false)),
                hand_set = Counts(cv.Baseline[i].Total(withAnswersOnlySites: true)),
            }),
            per_fold = cv.FoldResults.Select(f => new { fold = f.Fold, dataset = f.Dataset, pairs = f.Pairs, correct = f.Correct, wrong = f.Wrong, abstained = f.Abstained, max_risk = Math.Round(f.MaxRisk, 4) }),
            curve = cv.Curve.Select(p => new { risk = p.Risk, targets = p.Targets, answered = p.Answered, wrong = p.Wrong }),
            ranked_first = cv.Ranking.Select(r => new { dataset = r.Dataset, targets = r.Targets, learned = r.Learned, hand_set = r.HandSet }),
        }) + "\n";

    private static object Counts(RelocationSiteResult s) => new { pairs = s.Pairs, correct = s.Correct, wrong = s.Wrong, abstained = s.Abstained };

    internal static string Render(RelocationCrossValidation cv)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"praxi bench relocate --folds {cv.Folds} — grouped by site; every figure on sites held out of the fit; strict identity").AppendLine();
        sb.AppendLine();
        sb.Append(inv, $"{"dataset / weights",-40} {"pairs",6} │ {"correct",14} {"wrong",12} {"abstained",12}").AppendLine();
        for (var i = 0; i < cv.Learned.Count; i++)
        {
            Row(sb, $"{cv.Learned[i].Dataset} learned", cv.Learned[i].Total(withAnswersOnlySites: true));
            Row(sb, "  without answers-only", cv.Learned[i].Total(withAnswersOnlySites: false));
            Row(sb, $"{cv.Baseline[i].Dataset} hand-set", cv.Baseline[i].Total(withAnswersOnlySites: true));
            Row(sb, "  without answers-only", cv.Baseline[i].Total(withAnswersOnlySites: false));
        }

        sb.AppendLine();
        sb.Append(inv, $"{"fold / dataset",-40} {"pairs",6} │ {"correct",14} {"wrong",12} {"abstained",12}  max risk").AppendLine();
        foreach (var f in cv.FoldResults)
        {
            sb.Append(inv, $"{$"{f.Fold} {f.Dataset}",-40} {f.Pairs,6} │ {Cell(f.Correct, f.Pairs),14} {Cell(f.Wrong, f.Pairs),12} {Cell(f.Abstained, f.Pairs),12}  {f.MaxRisk:0.0000}").AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine("answer ranked first (no threshold, no abstention): learned / hand-set weights");
        foreach (var r in cv.Ranking)
        {
            sb.Append(inv, $"  {r.Dataset,-38} {Cell(r.Learned, r.Targets),14} {Cell(r.HandSet, r.Targets),14}").AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine("accepted risk → held-out targets answered / wrong (calibrated; after the threshold and the identity floor)");
        foreach (var p in cv.Curve)
        {
            sb.Append(inv, $"  {p.Risk,6:0.000}  answered {Cell(p.Answered, p.Targets),14}  wrong {Cell(p.Wrong, p.Targets),12}").AppendLine();
        }

        return sb.ToString();
    }

    private static string[]? Sites(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } sites ? sites : null;

    internal static string Json(RelocationDatasetReport report)
    {
        var total = report.Total(withAnswersOnlySites: true);
        return JsonSerializer.Serialize(new { pairs = total.Pairs, correct = total.Correct, wrong = total.Wrong, abstained = total.Abstained }) + "\n";
    }

    internal static string Render(RelocationDatasetReport report, bool pairs, RelocationModel model)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var decision = model.Calibrated
            ? string.Create(inv, $"learned weights, calibrated risk ≤ {model.MaxRisk:0.0000}")
            : string.Create(inv, $"hand-set weights, margin {RelocationDatasetEvaluator.Margin:0.00} and ×{RelocationDatasetEvaluator.RelativeMargin:0.0} relative");
        sb.Append(inv, $"praxi bench relocate — {report.Dataset}; threshold {RelocationDatasetEvaluator.Threshold:0.00}, {decision}; strict identity").AppendLine();
        sb.AppendLine();
        sb.Append(inv, $"{"site",-22} {"cands",6} {"pairs",6} │ {"correct",14} {"wrong",12} {"abstained",12}").AppendLine();
        foreach (var s in report.Sites)
        {
            Row(sb, s.AnswersOnlyPool ? $"{s.Site} (answers only)" : s.Site, s);
        }

        sb.AppendLine();
        Row(sb, "all sites", report.Total(withAnswersOnlySites: true));
        Row(sb, "without answers-only", report.Total(withAnswersOnlySites: false));
        if (pairs)
        {
            sb.AppendLine();
            foreach (var p in report.Pairs)
            {
                var verdict = p.Correct ? "correct" : p.Wrong ? "WRONG" : "abstain";
                var top = string.Join(' ', p.Result.Top.Select(t => string.Create(inv, $"{t.Id}={t.Score:0.000}")));
                sb.Append(inv, $"{p.Site,-12} {p.TargetId,-5} {verdict,-8} {p.Result.Outcome,-12} answer {p.AnswerId}={p.AnswerScore:0.000}  top {top}").AppendLine();
            }
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string label, RelocationSiteResult s)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{label,-22} {s.Candidates,6} {s.Pairs,6} │ {Cell(s.Correct, s.Pairs),14} {Cell(s.Wrong, s.Pairs),12} {Cell(s.Abstained, s.Pairs),12}").AppendLine();
    }

    private static string Cell(int n, int of) =>
        of == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{n} ({100.0 * n / of:0.0}%)");

    internal static string Json(RelocationMutationReport report)
    {
        var all = report.Row(null);
        var removed = report.Row(RelocationMutation.Removed);
        var mutations = Enum.GetValues<RelocationMutation>().ToDictionary(m => m.Name(), m =>
        {
            var row = report.Row(m);
            return new { cases = row.Cases, correct = row.Correct, wrong = row.Wrong, abstained = row.Abstained };
        });
        return JsonSerializer.Serialize(new
        {
            pages = report.Pages,
            targets = report.Targets,
            seed = report.Seed,
            cases = all.Cases,
            correct = all.Correct,
            wrong = all.Wrong,
            abstained = all.Abstained,
            removed_abstention = removed.Cases == 0 ? (double?)null : Math.Round((double)removed.Correct / removed.Cases, 4),
            mutations,
        }) + "\n";
    }

    internal static string Render(RelocationMutationReport report, bool cases)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"praxi bench relocate --mutate — {report.Pages} pages, {report.Targets} targets, seed {report.Seed}; strict identity; a removed element is correct when abstained on").AppendLine();
        sb.AppendLine();
        sb.Append(inv, $"{"mutation",-22} {"cases",6} │ {"correct",14} {"wrong",12} {"abstained",12}").AppendLine();
        foreach (var mutation in Enum.GetValues<RelocationMutation>())
        {
            MutationRow(sb, report.Row(mutation));
        }

        sb.AppendLine();
        MutationRow(sb, report.StillThere());
        MutationRow(sb, report.Row(null));
        var removed = report.Row(RelocationMutation.Removed);
        sb.Append(inv, $"abstention on removed elements: {Cell(removed.Correct, removed.Cases)}").AppendLine();
        if (cases)
        {
            sb.AppendLine();
            foreach (var c in report.Cases.Where(c => !c.Correct))
            {
                var top = string.Join(' ', c.Result.Top.Select(t => string.Create(inv, $"{t.Id}={t.Score:0.000}{(t.Hidden ? "(hidden)" : "")}")));
                sb.Append(inv, $"{(c.Wrong ? "WRONG" : "abstain"),-8} {c.Mutation.Name(),-16} {c.Page}  target {c.Target}  truth {c.Truth ?? "(removed)"}  {c.Result.Outcome}  top {top}").AppendLine();
            }
        }

        return sb.ToString();
    }

    private static void MutationRow(StringBuilder sb, RelocationMutationRow row) =>
        sb.Append(CultureInfo.InvariantCulture, $"{row.Label,-22} {row.Cases,6} │ {Cell(row.Correct, row.Cases),14} {Cell(row.Wrong, row.Cases),12} {Cell(row.Abstained, row.Cases),12}").AppendLine();
}
