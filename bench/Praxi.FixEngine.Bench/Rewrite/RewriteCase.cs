namespace Praxi.FixEngine.Bench.Rewrite;

/// <summary>One input of <c>praxi-bench rewrite</c>: the fix agent (or the no-op pass) beside a plain parse of the same bytes.</summary>
/// <param name="Label"><c>cs-file</c>, <c>ts-file</c> or <c>repository</c>.</param>
/// <param name="Work">What was timed (<c>FixAgent.Plan: replace_selector</c>, <c>no-op pass</c>).</param>
/// <param name="Baseline">What the baseline did (<c>Roslyn ParseText</c>, <c>Acornima tokens</c>, both).</param>
/// <param name="Files">Files in the input.</param>
/// <param name="Lines">Lines in the input.</param>
/// <param name="Bytes">Bytes in the input.</param>
/// <param name="Runs">Timed runs of each side after a warm-up run.</param>
/// <param name="RewriteMedianMs">Median time of the rewrite side.</param>
/// <param name="ParseMedianMs">Median time of the parse side.</param>
/// <param name="Ok">True when the work did what it must: the planted literal edited and the patch allowed; every file byte-identical.</param>
/// <param name="Detail">What was checked, or what went wrong.</param>
internal sealed record RewriteCase(
    string Label,
    string Work,
    string Baseline,
    int Files,
    int Lines,
    long Bytes,
    int Runs,
    double RewriteMedianMs,
    double ParseMedianMs,
    bool Ok,
    string Detail)
{
    /// <summary>Rewrite throughput in MB/s (10^6 bytes).</summary>
    public double RewriteMegabytesPerSecond => RewriteMedianMs <= 0 ? 0 : Bytes / 1e6 / (RewriteMedianMs / 1000);

    /// <summary>Parse throughput in MB/s.</summary>
    public double ParseMegabytesPerSecond => ParseMedianMs <= 0 ? 0 : Bytes / 1e6 / (ParseMedianMs / 1000);

    /// <summary>Rewrite throughput over parse throughput (the target is at least 0.5).</summary>
    public double Ratio => ParseMegabytesPerSecond <= 0 ? 0 : RewriteMegabytesPerSecond / ParseMegabytesPerSecond;
}
