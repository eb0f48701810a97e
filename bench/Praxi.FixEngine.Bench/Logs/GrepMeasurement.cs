namespace Praxi.FixEngine.Bench.Logs;

/// <summary>What <c>grep -c -F -i -f anchors FILE</c> took on one file (process start included).</summary>
/// <param name="Available">False when grep could not be started; the other figures are then zero.</param>
/// <param name="Runs">Timed runs.</param>
/// <param name="MedianMs">Median wall time of one grep process.</param>
/// <param name="MinMs">Fastest run.</param>
/// <param name="Matches">The count grep printed (lines holding an anchor, before timestamps and ANSI codes are removed).</param>
internal sealed record GrepMeasurement(bool Available, int Runs, double MedianMs, double MinMs, long Matches)
{
    public static GrepMeasurement Unavailable { get; } = new(false, 0, 0, 0, 0);

    /// <summary>Throughput in MB/s (10^6 bytes) from the median run.</summary>
    public double MegabytesPerSecond(long bytes) => MedianMs <= 0 ? 0 : bytes / 1e6 / (MedianMs / 1000);
}
