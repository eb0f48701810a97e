using System.Diagnostics;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Bench.Logs;

/// <summary>
/// Times <c>FailureAnalyzer.Analyze(file)</c> on the calling thread: a warm-up on a small generated log, then runs
/// until <see cref="RepeatPolicy"/> says enough, reporting the median. Meant to run in a fresh process per file
/// (<c>praxi-bench logs --one FILE</c>) so that the peak resident set belongs to that file alone.
/// </summary>
internal static class AnalyzerProbe
{
    public static AnalyzerMeasurement Measure(string file, RepeatPolicy repeat, bool inProcess, CancellationToken cancellationToken)
    {
        var pinned = !inProcess && SelfProcess.PinToOneCore();
        var analyzer = new FailureAnalyzer();
        WarmUp(analyzer, cancellationToken);

        var bytes = new FileInfo(file).Length;
        var times = new List<double>();
        var gen0 = GC.CollectionCount(0);
        long allocated;
        AnalysisReport report;
        do
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            report = analyzer.Analyze(file, cancellationToken);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        while (repeat.WantsMore(times));

        gen0 = GC.CollectionCount(0) - gen0;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new AnalyzerMeasurement(
            bytes,
            times.Count,
            RepeatPolicy.Median(times),
            times.Min(),
            self.PeakWorkingSet64,
            allocated,
            gen0,
            report.Classification.ErrorType.ToName(),
            FoundRootCause(report),
            pinned,
            inProcess);
    }

    /// <summary>True when the planted backend line is the run's classified cause.</summary>
    public static bool FoundRootCause(AnalysisReport report) =>
        report.Classification.ErrorType == ErrorType.Database
        && report.Classification.Evidence.Any(e => e.Text.Contains(LogGenerator.RootCauseText, StringComparison.Ordinal));

    private static void WarmUp(FailureAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"praxi-bench-warmup-{Environment.ProcessId}.log");
        try
        {
            LogGenerator.Write(path, 512 * 1024, seed: 7);
            for (var i = 0; i < 5; i++)
            {
                analyzer.Analyze(path, cancellationToken);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
