namespace Praxi.FixEngine.Bench.Logs;

/// <summary>What one analyzer process measured on one file (printed as JSON by <c>praxi-bench logs --one</c>).</summary>
/// <param name="Bytes">File size.</param>
/// <param name="Runs">Timed runs after warm-up.</param>
/// <param name="MedianMs">Median wall time of one <c>FailureAnalyzer.Analyze(file)</c>.</param>
/// <param name="MinMs">Fastest run.</param>
/// <param name="PeakRssBytes">Peak resident set of the measuring process (Linux VmHWM), warm-up included.</param>
/// <param name="AllocatedBytes">Managed bytes allocated by one run (the last).</param>
/// <param name="Gen0Collections">Gen0 collections during the timed runs.</param>
/// <param name="ErrorType">The run's classification.</param>
/// <param name="RootCauseFound">True when the classification is <c>database</c> and its evidence holds the planted line.</param>
/// <param name="PinnedToOneCore">True when the process ran with its affinity set to a single core.</param>
/// <param name="InProcess">True when measured inside the bench process (peak RSS then covers everything before it).</param>
internal sealed record AnalyzerMeasurement(
    long Bytes,
    int Runs,
    double MedianMs,
    double MinMs,
    long PeakRssBytes,
    long AllocatedBytes,
    int Gen0Collections,
    string ErrorType,
    bool RootCauseFound,
    bool PinnedToOneCore,
    bool InProcess)
{
    /// <summary>Throughput in MB/s (10^6 bytes) from the median run.</summary>
    public double MegabytesPerSecond => MedianMs <= 0 ? 0 : Bytes / 1e6 / (MedianMs / 1000);
}
