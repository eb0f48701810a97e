using System.Diagnostics;
using System.Text;
using Praxi.FixEngine.Classification;

namespace Praxi.FixEngine.Bench.Logs;

/// <summary>
/// Generates each log, measures the analyzer on it in a fresh <c>praxi-bench</c> process (clean peak RSS, one core) and
/// grep on the same file, then does the same for a log made of one 1 MiB line.
/// </summary>
internal sealed class LogBenchmark(TextWriter progress)
{
    /// <summary>Length of the single long line case.</summary>
    public const int SingleLineBytes = 1024 * 1024;

    public required IReadOnlyList<(string Label, long Bytes)> Sizes { get; init; }

    /// <summary>Folder for the logs; null for a new temp folder.</summary>
    public string? Directory { get; init; }

    public bool Keep { get; init; }

    /// <summary>Measure in this process instead of a child per file (peak RSS is then cumulative).</summary>
    public bool InProcess { get; init; }

    public int Seed { get; init; } = LogGenerator.DefaultSeed;

    /// <summary>The distinct literals of the built-in rules: exactly what the analyzer's prefilter looks for.</summary>
    public static IReadOnlyList<string> AnchorLiterals() =>
        [.. ClassificationRule.BuiltIn.SelectMany(r => r.Literals).Distinct(StringComparer.OrdinalIgnoreCase)];

    public LogBenchReport Run(CancellationToken cancellationToken)
    {
        var ownDirectory = Directory is null;
        var dir = Path.GetFullPath(Directory ?? Path.Combine(Path.GetTempPath(), $"praxi-bench-{Guid.NewGuid():N}"));
        System.IO.Directory.CreateDirectory(dir);
        var written = new List<string>();
        try
        {
            var anchors = AnchorLiterals();
            var anchorsFile = Path.Combine(dir, "anchors.txt");
            File.WriteAllText(anchorsFile, string.Join('\n', anchors) + "\n", new UTF8Encoding(false));
            written.Add(anchorsFile);

            var cases = new List<BenchCase>();
            foreach (var (label, bytes) in Sizes)
            {
                var file = Path.Combine(dir, $"ci-{label.ToLowerInvariant()}.log");
                written.Add(file);
                cases.Add(Measure(label, file, anchorsFile, () => LogGenerator.Write(file, bytes, Seed), latency: false, cancellationToken));
            }

            var lineFile = Path.Combine(dir, "one-1mib-line.log");
            written.Add(lineFile);
            var single = Measure("1MiB-line", lineFile, anchorsFile, () => LogGenerator.WriteSingleLongLine(lineFile, SingleLineBytes, Seed), latency: true, cancellationToken);
            return new LogBenchReport(Seed, anchors.Count, dir, Environment.ProcessorCount, cases, single, SelfProcess.LoadAverage());
        }
        finally
        {
            if (!Keep)
            {
                foreach (var file in written)
                {
                    File.Delete(file);
                }

                if (ownDirectory && !System.IO.Directory.EnumerateFileSystemEntries(dir).Any())
                {
                    System.IO.Directory.Delete(dir);
                }
            }
        }
    }

    private BenchCase Measure(string label, string file, string anchorsFile, Action generate, bool latency, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        progress.WriteLine($"bench: generating {label} → {file}");
        var watch = Stopwatch.StartNew();
        generate();
        watch.Stop();
        var bytes = new FileInfo(file).Length;
        var repeat = latency ? RepeatPolicy.Latency : RepeatPolicy.Default;

        progress.WriteLine($"bench: analyzing {label} ({ByteSize.Format(bytes)})");
        var analyzer = InProcess ? AnalyzerProbe.Measure(file, repeat, inProcess: true, cancellationToken) : MeasureInChild(file, latency, cancellationToken);

        progress.WriteLine($"bench: grep -c on {label}");
        var grep = GrepProbe.Measure(file, anchorsFile, repeat, cancellationToken);
        return new BenchCase(label, file, bytes, watch.Elapsed.TotalMilliseconds, analyzer, grep);
    }

    private static AnalyzerMeasurement MeasureInChild(string file, bool latency, CancellationToken cancellationToken)
    {
        string[] args = latency ? ["logs", "--one", file, "--latency"] : ["logs", "--one", file];
        return SelfProcess.RunJson<AnalyzerMeasurement>(SelfProcess.StartInfo(args), $"'{file}'", cancellationToken);
    }
}
