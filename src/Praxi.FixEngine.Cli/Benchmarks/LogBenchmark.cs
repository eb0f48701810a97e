using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Classification;

namespace Praxi.FixEngine.Cli.Benchmarks;

/// <summary>
/// Generates each log, measures the analyzer on it in a fresh <c>praxi</c> process (clean peak RSS, one core) and
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
            return new LogBenchReport(Seed, anchors.Count, dir, Environment.ProcessorCount, cases, single, LoadAverage());
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

    private static string? LoadAverage()
    {
        try
        {
            return OperatingSystem.IsLinux() ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
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
        var start = SelfStartInfo();
        foreach (var arg in (string[])["bench", "logs", "--one", file])
        {
            start.ArgumentList.Add(arg);
        }

        if (latency)
        {
            start.ArgumentList.Add("--latency");
        }

        using var child = Process.Start(start) ?? throw new FixEngineException($"Could not start '{start.FileName}' to measure '{file}'; rerun with --in-process.");
        using var registration = cancellationToken.Register(() => child.Kill(entireProcessTree: true));
        var stderrTask = child.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        if (child.ExitCode != 0)
        {
            var stderr = stderrTask.GetAwaiter().GetResult().Trim();
            throw new FixEngineException($"The measuring process failed on '{file}' (exit {child.ExitCode}): {stderr} (rerun with --in-process to measure in this process).");
        }

        return JsonSerializer.Deserialize<AnalyzerMeasurement>(stdout)
            ?? throw new FixEngineException($"The measuring process printed no figures for '{file}'.");
    }

    /// <summary>How to start this same <c>praxi</c>: its apphost when that is what runs, else <c>dotnet praxi.dll</c>.</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var processPath = Environment.ProcessPath;
        var processName = processPath is null ? null : Path.GetFileNameWithoutExtension(processPath);
        ProcessStartInfo start;
        if (string.Equals(processName, "praxi", StringComparison.OrdinalIgnoreCase))
        {
            start = new ProcessStartInfo(processPath!);
        }
        else
        {
            var host = string.Equals(processName, "dotnet", StringComparison.OrdinalIgnoreCase)
                ? processPath!
                : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            start = new ProcessStartInfo(host);
            start.ArgumentList.Add(typeof(LogBenchmark).Assembly.Location);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }
}
