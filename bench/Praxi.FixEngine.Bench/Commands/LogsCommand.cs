using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Bench.Logs;
using Praxi.FixEngine.Cli;

namespace Praxi.FixEngine.Bench.Commands;

/// <summary>
/// <c>praxi-bench logs [--sizes 1MB,100MB,1GB] [--dir DIR] [--keep] [--json]</c>: analyzer throughput, peak memory
/// and the 1 MiB-line latency on generated CI logs, beside <c>grep -c</c> of the same anchors on the same files.
/// </summary>
internal sealed class LogsCommand : Command
{
    private readonly Option<string> _sizes = new("--sizes") { Description = "Comma-separated log sizes (1MB = 10^6 bytes; 1MiB = 2^20).", DefaultValueFactory = _ => "1MB,100MB,1GB" };
    private readonly Option<string?> _dir = new("--dir") { Description = "Write the logs here instead of a new temp folder." };
    private readonly Option<bool> _keep = new("--keep") { Description = "Keep the generated logs and anchors.txt." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the figures as one JSON object." };
    private readonly Option<int> _seed = new("--seed") { Description = "Generator seed (same seed and size, same bytes).", DefaultValueFactory = _ => LogGenerator.DefaultSeed };
    private readonly Option<bool> _inProcess = new("--in-process") { Description = "Measure in this process instead of one child process per file (peak RSS is then cumulative, and not pinned to one core)." };
    private readonly Option<string?> _one = new("--one") { Description = "Internal: measure the analyzer on this file and print JSON.", Hidden = true };
    private readonly Option<bool> _latency = new("--latency") { Description = "Internal: with --one, repeat for a latency figure.", Hidden = true };

    public LogsCommand()
        : base("logs", "Benchmark log analysis on generated CI logs (1MB, 100MB, 1GB and a 1 MiB line) beside grep -c of the same anchors.")
    {
        Options.Add(_sizes);
        Options.Add(_dir);
        Options.Add(_keep);
        Options.Add(_json);
        Options.Add(_seed);
        Options.Add(_inProcess);
        Options.Add(_one);
        Options.Add(_latency);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_one) is { } one)
        {
            if (!File.Exists(one))
            {
                throw new FixEngineException($"'{one}' does not exist: --one takes a log file.");
            }

            var repeat = parse.GetValue(_latency) ? RepeatPolicy.Latency : RepeatPolicy.Default;
            var measured = await Task.Run(() => AnalyzerProbe.Measure(one, repeat, inProcess: false, cancellationToken), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(JsonSerializer.Serialize(measured)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var bench = new LogBenchmark(parse.InvocationConfiguration.Error)
        {
            Sizes = ByteSize.ParseList(parse.GetValue(_sizes) ?? string.Empty),
            Directory = parse.GetValue(_dir),
            Keep = parse.GetValue(_keep),
            InProcess = parse.GetValue(_inProcess),
            Seed = parse.GetValue(_seed),
        };
        var report = await Task.Run(() => bench.Run(cancellationToken), cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(parse.GetValue(_json) ? Json(report) : Render(report)).ConfigureAwait(false);
        return report.Sizes.Append(report.SingleLine).All(c => c.Analyzer.RootCauseFound) ? ExitCodes.Success : ExitCodes.Failed;
    }

    internal static string Render(LogBenchReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var first = report.Sizes.Append(report.SingleLine).First().Analyzer;
        sb.Append(inv, $"praxi bench logs — seed {report.Seed}, {report.Cores} core(s), analyzer {(first.InProcess ? "in this process" : "in a fresh process per file")}{(first.PinnedToOneCore ? " pinned to one core" : string.Empty)}; grep -c -F -i -f anchors.txt ({report.Anchors} literals)").AppendLine();
        sb.AppendLine();
        sb.Append(inv, $"{"log",-10} {"size",10} │ {"analyzer",9} {"MB/s",8} {"peak RSS",9} {"alloc/MB",9} {"found",-8} │ {"grep -c",9} {"MB/s",8} {"matches",9} │ {"ratio",6}").AppendLine();
        foreach (var c in report.Sizes.Append(report.SingleLine))
        {
            var a = c.Analyzer;
            var g = c.Grep;
            var allocPerMb = a.AllocatedBytes / 1e6 / Math.Max(c.Bytes / 1e6, 1e-9);
            sb.Append(inv, $"{c.Label,-10} {ByteSize.Format(c.Bytes),10} │ {Ms(a.MedianMs),9} {a.MegabytesPerSecond,8:0.0} {a.PeakRssBytes / 1e6,6:0.0} MB {allocPerMb,6:0.00} MB {(a.RootCauseFound ? "yes" : "NO"),-3} {Short(a.ErrorType),-4} │ ");
            if (g.Available)
            {
                sb.Append(inv, $"{Ms(g.MedianMs),9} {g.MegabytesPerSecond(c.Bytes),8:0.0} {g.Matches,9}");
            }
            else
            {
                sb.Append(inv, $"{"n/a",9} {"n/a",8} {"n/a",9}");
            }

            sb.Append(inv, $" │ {(c.Ratio > 0 ? c.Ratio.ToString("0.00", inv) : "n/a"),6}").AppendLine();
        }

        sb.AppendLine();
        sb.Append(inv, $"analyzer: median of {string.Join('/', report.Sizes.Append(report.SingleLine).Select(c => c.Analyzer.Runs))} run(s) after warm-up; grep: median of {string.Join('/', report.Sizes.Append(report.SingleLine).Select(c => c.Grep.Runs))} run(s), process start included.").AppendLine();
        sb.Append(inv, $"found: the run is classified database with the planted `{LogGenerator.RootCauseText}` line as evidence. ratio: analyzer MB/s ÷ grep MB/s.").AppendLine();
        sb.Append(inv, $"1 MiB single line: {report.SingleLine.Analyzer.MedianMs:0.0} ms median ({report.SingleLine.Analyzer.MinMs:0.0} ms best).").AppendLine();
        if (report.LoadAverage is { } load)
        {
            sb.Append(inv, $"load average at the end: {load} on {report.Cores} core(s) (other work on the machine lowers every figure).").AppendLine();
        }
        return sb.ToString();
    }

    internal static string Json(LogBenchReport report)
    {
        static object Case(BenchCase c) => new
        {
            label = c.Label,
            file = c.File,
            bytes = c.Bytes,
            generate_ms = Math.Round(c.GenerateMs, 1),
            analyzer = new
            {
                runs = c.Analyzer.Runs,
                median_ms = Math.Round(c.Analyzer.MedianMs, 3),
                min_ms = Math.Round(c.Analyzer.MinMs, 3),
                mb_per_s = Math.Round(c.Analyzer.MegabytesPerSecond, 1),
                peak_rss_bytes = c.Analyzer.PeakRssBytes,
                allocated_bytes = c.Analyzer.AllocatedBytes,
                gen0_collections = c.Analyzer.Gen0Collections,
                error_type = c.Analyzer.ErrorType,
                root_cause_found = c.Analyzer.RootCauseFound,
                pinned_to_one_core = c.Analyzer.PinnedToOneCore,
                in_process = c.Analyzer.InProcess,
            },
            grep = new
            {
                available = c.Grep.Available,
                runs = c.Grep.Runs,
                median_ms = Math.Round(c.Grep.MedianMs, 3),
                min_ms = Math.Round(c.Grep.MinMs, 3),
                mb_per_s = Math.Round(c.Grep.MegabytesPerSecond(c.Bytes), 1),
                matches = c.Grep.Matches,
            },
            ratio = Math.Round(c.Ratio, 3),
        };

        var payload = new
        {
            seed = report.Seed,
            cores = report.Cores,
            anchors = report.Anchors,
            load_average = report.LoadAverage,
            directory = report.Directory,
            sizes = report.Sizes.Select(Case),
            single_line = Case(report.SingleLine),
        };
        return JsonSerializer.Serialize(payload) + "\n";
    }

    private static string Ms(double ms) => ms >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s") : string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms");

    private static string Short(string errorType) => errorType == "database" ? "(db)" : $"({errorType})";
}
