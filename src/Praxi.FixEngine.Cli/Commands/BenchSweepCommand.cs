using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Pipeline.Sweep;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi bench sweep &lt;repo&gt; [--limit N] [--json]</c>: the rewriters' correctness on a real test suite — a no-op
/// pass over every test file, and a replace instruction for every literal selector and timeout, each checked with
/// <c>git apply</c>, edit span and parse (<see cref="RewriteSweep"/>). Exit code 1 when anything was not clean.
/// </summary>
internal sealed class BenchSweepCommand : Command
{
    private readonly Argument<string> _repository = new("repo") { Description = "The checkout of a test suite (nothing in it is written)." };
    private readonly Option<int?> _limit = new("--limit") { Description = "Run at most this many instructions." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the figures as one JSON object." };

    public BenchSweepCommand()
        : base("sweep", "Sweep a real test suite for correctness: a no-op pass and a replace instruction for every literal selector and timeout, each checked with git apply, span and parse.")
    {
        Arguments.Add(_repository);
        Options.Add(_limit);
        Options.Add(_json);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var limit = parse.GetValue(_limit);
        if (limit is < 1)
        {
            throw new FixEngineException("--limit must be at least 1.");
        }

        var options = new RewriteSweepOptions { Limit = limit, Progress = new LineProgress(parse.InvocationConfiguration.Error) };
        var repository = parse.GetRequiredValue(_repository);
        var found = await Task.Run(() => RewriteSweep.Run(repository, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        await parse.InvocationConfiguration.Output.WriteAsync(parse.GetValue(_json) ? Json(found) : Render(found)).ConfigureAwait(false);
        return found.Clean ? ExitCodes.Success : ExitCodes.Failed;
    }

    internal static string Render(SweepReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"praxi bench sweep {r.Repository}").AppendLine();
        sb.AppendLine();
        sb.Append(inv, $"files                 {r.Files} ({r.OutsideAllowlist} other source file(s) outside the default allowlist)").AppendLine();
        sb.Append(inv, $"no-op identical       {r.NoOpIdentical} ({Percent(r.NoOpIdentical, r.Files):0.0}%)").AppendLine();
        sb.Append(inv, $"literals              {r.Literals} ({r.Literals - r.Skipped.Values.Sum()} with an instruction)").AppendLine();
        sb.Append(inv, $"instructions          {r.Instructions} ({r.SelectorInstructions} selector, {r.TimeoutInstructions} timeout)").AppendLine();
        sb.Append(inv, $"edited                {r.Edited}").AppendLine();
        sb.Append(inv, $"git apply accepted    {r.GitApplyAccepted} ({Percent(r.GitApplyAccepted, r.Edited):0.0}%)").AppendLine();
        sb.Append(inv, $"span-exact            {r.SpanExact} ({Percent(r.SpanExact, r.Edited):0.0}%)").AppendLine();
        sb.Append(inv, $"parse ok              {r.ParseOk} ({Percent(r.ParseOk, r.Edited):0.0}%)").AppendLine();
        sb.Append(inv, $"manual review         {r.ManualReview.Values.Sum()}").AppendLine();
        foreach (var (reason, count) in r.ManualReview.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(inv, $"  {count,5}  {reason}").AppendLine();
        }

        sb.Append(inv, $"not found             {r.NotFound}").AppendLine();
        sb.Append(inv, $"no change             {r.NoChange}").AppendLine();
        foreach (var (reason, count) in r.Skipped.OrderByDescending(kv => kv.Value))
        {
            sb.Append(inv, $"skipped literal       {count} ({reason})").AppendLine();
        }

        if (r.Problems.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("first problems:");
            foreach (var p in r.Problems)
            {
                sb.Append("  ").AppendLine(p);
            }
        }

        return sb.ToString();
    }

    internal static string Json(SweepReport r)
    {
        var payload = new
        {
            repository = r.Repository,
            files = r.Files,
            outside_allowlist = r.OutsideAllowlist,
            noop_identical = r.NoOpIdentical,
            noop_identical_pct = Percent(r.NoOpIdentical, r.Files),
            literals = r.Literals,
            skipped = r.Skipped,
            instructions = r.Instructions,
            selector_instructions = r.SelectorInstructions,
            timeout_instructions = r.TimeoutInstructions,
            edited = r.Edited,
            git_apply_accepted = r.GitApplyAccepted,
            git_apply_accepted_pct = Percent(r.GitApplyAccepted, r.Edited),
            span_exact = r.SpanExact,
            span_exact_pct = Percent(r.SpanExact, r.Edited),
            parse_ok = r.ParseOk,
            parse_ok_pct = Percent(r.ParseOk, r.Edited),
            manual_review = r.ManualReview.Values.Sum(),
            manual_review_reasons = r.ManualReview,
            not_found = r.NotFound,
            no_change = r.NoChange,
            clean = r.Clean,
            problems = r.Problems,
        };
        return JsonSerializer.Serialize(payload) + "\n";
    }

    private static double Percent(int part, int whole) => whole == 0 ? 100 : Math.Round(100.0 * part / whole, 1);
}
