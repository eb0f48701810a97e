using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Bench.Rewrite;
using Praxi.FixEngine.Cli;

namespace Praxi.FixEngine.Bench.Commands;

/// <summary>
/// <c>praxi-bench rewrite [--json]</c>: the fix agent's throughput on a generated 5,000-line C# file, a 5,000-line
/// TypeScript spec and a no-op pass over a generated 1,000-file repository, beside a plain parse of the same input.
/// The correctness sweep over a real test suite is a user feature of the tool: <c>praxi bench sweep REPO</c>.
/// </summary>
internal sealed class RewriteCommand : Command
{
    private readonly Option<bool> _json = new("--json") { Description = "Print the figures as one JSON object." };
    private readonly Option<int> _lines = new("--lines") { Description = "Lines of each generated big file.", DefaultValueFactory = _ => 5_000 };
    private readonly Option<int> _files = new("--files") { Description = "Files in the generated repository.", DefaultValueFactory = _ => 1_000 };
    private readonly Option<int> _seed = new("--seed") { Description = "Generator seed (same seed and sizes, same bytes).", DefaultValueFactory = _ => TestSuiteGenerator.DefaultSeed };
    private readonly Option<string?> _dir = new("--dir") { Description = "Write the generated input here instead of a new temp folder." };
    private readonly Option<bool> _keep = new("--keep") { Description = "Keep the generated input." };
    private readonly Option<bool> _inProcess = new("--in-process") { Description = "Measure in this process instead of a child process pinned to one core." };
    private readonly Option<string?> _one = new("--one") { Description = "Internal: measure the generated input in this folder and print JSON.", Hidden = true };

    public RewriteCommand()
        : base("rewrite", "Benchmark the fix agent (rewrite + guardrails + diff, and a no-op pass) beside a plain parse of the same input.")
    {
        Options.Add(_json);
        Options.Add(_lines);
        Options.Add(_files);
        Options.Add(_seed);
        Options.Add(_dir);
        Options.Add(_keep);
        Options.Add(_inProcess);
        Options.Add(_one);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var lines = parse.GetValue(_lines);
        var files = parse.GetValue(_files);
        if (lines is < 20 or > 1_000_000 || files is < 1 or > 100_000)
        {
            throw new FixEngineException("--lines must be between 20 and 1000000 and --files between 1 and 100000.");
        }

        if (parse.GetValue(_one) is { } one)
        {
            var layout = new RewriteBenchLayout(Path.GetFullPath(one), parse.GetValue(_seed), lines, files);
            var measured = await Task.Run(() => RewriteProbe.Measure(layout, inProcess: false, cancellationToken), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(JsonSerializer.Serialize(measured)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var bench = new RewriteBenchmark(parse.InvocationConfiguration.Error)
        {
            Seed = parse.GetValue(_seed),
            Lines = lines,
            Files = files,
            Directory = parse.GetValue(_dir),
            Keep = parse.GetValue(_keep),
            InProcess = parse.GetValue(_inProcess),
        };
        var report = await Task.Run(() => bench.Run(cancellationToken), cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(parse.GetValue(_json) ? Json(report) : Render(report)).ConfigureAwait(false);
        return report.Measurement.Cases.All(c => c.Ok) ? ExitCodes.Success : ExitCodes.Failed;
    }

    internal static string Render(RewriteBenchReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = report.Measurement;
        var sb = new StringBuilder();
        sb.Append(inv, $"praxi bench rewrite — seed {report.Seed}, {report.Cores} core(s), measured {(m.InProcess ? "in this process" : "in a fresh process")}{(m.PinnedToOneCore ? " pinned to one core" : string.Empty)}; rewrite and parse alternate run by run").AppendLine();
        sb.AppendLine();
        sb.Append(inv, $"{"input",-11} {"files",6} {"lines",8} {"size",9} │ {"rewrite",9} {"MB/s",7} │ {"parse",9} {"MB/s",7} │ {"ratio",6} {"ok",-4}").AppendLine();
        foreach (var c in m.Cases)
        {
            sb.Append(inv, $"{c.Label,-11} {c.Files,6} {c.Lines,8} {ByteSize.Format(c.Bytes),9} │ {Ms(c.RewriteMedianMs),9} {c.RewriteMegabytesPerSecond,7:0.00} │ {Ms(c.ParseMedianMs),9} {c.ParseMegabytesPerSecond,7:0.00} │ {c.Ratio,6:0.00} {(c.Ok ? "yes" : "NO"),-4}").AppendLine();
        }

        sb.AppendLine();
        foreach (var c in m.Cases)
        {
            sb.Append(inv, $"{c.Label}: {c.Work} vs {c.Baseline}; median of {c.Runs} run(s); {c.Detail}.").AppendLine();
        }

        var met = m.Cases.Count(c => c.Ratio >= RewriteBenchReport.TargetRatio);
        sb.Append(inv, $"ratio: rewrite MB/s ÷ parse MB/s; target ≥ {RewriteBenchReport.TargetRatio:0.00}: met on {met} of {m.Cases.Count} input(s).").AppendLine();
        if (report.LoadAverage is { } load)
        {
            sb.Append(inv, $"load average at the end: {load} on {report.Cores} core(s) (other work on the machine lowers every figure).").AppendLine();
        }

        return sb.ToString();
    }

    internal static string Json(RewriteBenchReport report)
    {
        var payload = new
        {
            seed = report.Seed,
            cores = report.Cores,
            load_average = report.LoadAverage,
            directory = report.Directory,
            generate_ms = Math.Round(report.GenerateMs, 1),
            pinned_to_one_core = report.Measurement.PinnedToOneCore,
            in_process = report.Measurement.InProcess,
            target_ratio = RewriteBenchReport.TargetRatio,
            cases = report.Measurement.Cases.Select(c => new
            {
                label = c.Label,
                work = c.Work,
                baseline = c.Baseline,
                files = c.Files,
                lines = c.Lines,
                bytes = c.Bytes,
                runs = c.Runs,
                rewrite_median_ms = Math.Round(c.RewriteMedianMs, 3),
                rewrite_mb_per_s = Math.Round(c.RewriteMegabytesPerSecond, 3),
                parse_median_ms = Math.Round(c.ParseMedianMs, 3),
                parse_mb_per_s = Math.Round(c.ParseMegabytesPerSecond, 3),
                ratio = Math.Round(c.Ratio, 3),
                ok = c.Ok,
                detail = c.Detail,
            }),
        };
        return JsonSerializer.Serialize(payload) + "\n";
    }

    private static string Ms(double ms) => ms >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s") : string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms");
}
