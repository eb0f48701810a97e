using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Healing.Evaluation;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi bench relocate &lt;dataset&gt; [--json]</c>: element relocation on a <c>praxi-relocation/1</c> dataset,
/// counted as correct, wrong (a wrong heal) and abstained, per site and in total.
/// <c>praxi bench relocate --mutate &lt;folder&gt; [--seed N] [--json]</c>: the same on mutated copies of HTML pages.
/// </summary>
internal sealed class BenchRelocateCommand : Command
{
    private readonly Argument<string?> _dataset = new("dataset") { Description = "A praxi-relocation/1 dataset folder (dataset.json, sites.json, sites/, answers.jsonl).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string[]> _mutate = new("--mutate") { Description = "Instead of a dataset: folders of HTML pages (*.html, searched recursively) to mutate and relocate in; repeatable." };
    private readonly Option<int> _seed = new("--seed") { Description = "With --mutate: the sampling and mutation seed (same seed and pages, same cases).", DefaultValueFactory = _ => RelocationMutationEvaluator.DefaultSeed };
    private readonly Option<bool> _json = new("--json") { Description = "Print one line: {\"pairs\":N,\"correct\":N,\"wrong\":N,\"abstained\":N}." };
    private readonly Option<string?> _sites = new("--sites") { Description = "Only these sites (comma-separated names from sites.json): to measure on part of a dataset, e.g. leaving sites out." };
    private readonly Option<bool> _pairs = new("--pairs") { Description = "Also list every target: outcome, best scores and the answer's score.", Hidden = true };

    public BenchRelocateCommand()
        : base("relocate", "Benchmark element relocation (find the old page's element on the new page, or abstain) on a praxi-relocation/1 dataset.")
    {
        Arguments.Add(_dataset);
        Options.Add(_mutate);
        Options.Add(_seed);
        Options.Add(_json);
        Options.Add(_sites);
        Options.Add(_pairs);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetValue(_dataset);
        var pages = parse.GetValue(_mutate) ?? [];
        var output = parse.InvocationConfiguration.Output;
        if (pages.Length > 0)
        {
            if (folder is not null)
            {
                throw new FixEngineException("bench relocate takes either a dataset folder or --mutate <folder>, not both.");
            }

            var mutated = await Task.Run(() => RelocationMutationEvaluator.Evaluate(pages, parse.GetValue(_seed), cancellationToken), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(parse.GetValue(_json) ? Json(mutated) : Render(mutated, parse.GetValue(_pairs))).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (folder is null)
        {
            throw new FixEngineException($"bench relocate needs a {RelocationDatasetEvaluator.Format} dataset folder, or --mutate <folder of HTML pages>.");
        }

        if (!Directory.Exists(folder))
        {
            throw new FixEngineException($"'{folder}' is not a folder: bench relocate takes a {RelocationDatasetEvaluator.Format} dataset folder.");
        }

        var report = await Task.Run(() => RelocationDatasetEvaluator.Evaluate(folder, Sites(parse.GetValue(_sites)), cancellationToken), cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(parse.GetValue(_json) ? Json(report) : Render(report, parse.GetValue(_pairs))).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string[]? Sites(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } sites ? sites : null;

    internal static string Json(RelocationDatasetReport report)
    {
        var total = report.Total(withAnswersOnlySites: true);
        return JsonSerializer.Serialize(new { pairs = total.Pairs, correct = total.Correct, wrong = total.Wrong, abstained = total.Abstained }) + "\n";
    }

    internal static string Render(RelocationDatasetReport report, bool pairs)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"praxi bench relocate — {report.Dataset}; threshold {RelocationDatasetEvaluator.Threshold:0.00}, margin {RelocationDatasetEvaluator.Margin:0.00} and ×{RelocationDatasetEvaluator.RelativeMargin:0.0} relative; strict identity").AppendLine();
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
