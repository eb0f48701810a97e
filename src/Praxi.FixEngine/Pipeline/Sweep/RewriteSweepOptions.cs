namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>How <see cref="RewriteSweep"/> runs.</summary>
public sealed class RewriteSweepOptions
{
    /// <summary>Gets the most instructions to run, in the order the literals are found.</summary>
    /// <value>The default is <see langword="null"/>: every instruction.</value>
    public int? Limit { get; init; }

    /// <summary>Gets where the sweep reports what it is doing (one line per step: files found, literals found).</summary>
    /// <value>The default is <see langword="null"/>: no progress. It is called on the sweep's thread.</value>
    public IProgress<string>? Progress { get; init; }
}
