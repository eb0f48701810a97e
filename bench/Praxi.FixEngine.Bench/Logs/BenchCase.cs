namespace Praxi.FixEngine.Bench.Logs;

/// <summary>One generated file with the analyzer's and grep's figures on it.</summary>
/// <param name="Label">The size as asked (<c>100MB</c>) or <c>1MiB-line</c>.</param>
/// <param name="File">Where the log was written.</param>
/// <param name="Bytes">File size.</param>
/// <param name="GenerateMs">Time to generate and write it.</param>
/// <param name="Analyzer">The analyzer's figures.</param>
/// <param name="Grep">grep's figures on the same file.</param>
internal sealed record BenchCase(string Label, string File, long Bytes, double GenerateMs, AnalyzerMeasurement Analyzer, GrepMeasurement Grep)
{
    /// <summary>Analyzer throughput over grep throughput (0 when grep was not available).</summary>
    public double Ratio => Grep.Available && Grep.MegabytesPerSecond(Bytes) > 0 ? Analyzer.MegabytesPerSecond / Grep.MegabytesPerSecond(Bytes) : 0;
}
