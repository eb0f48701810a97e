namespace Praxi.FixEngine.Bench.Rewrite;

/// <summary>Everything one <c>praxi-bench rewrite</c> measured.</summary>
/// <param name="Seed">The generator seed.</param>
/// <param name="Cores">Logical cores of the machine.</param>
/// <param name="Directory">Where the inputs were written.</param>
/// <param name="GenerateMs">Time to generate and write them.</param>
/// <param name="Measurement">The figures.</param>
/// <param name="LoadAverage">The 1/5/15-minute load averages when the bench ended (Linux), null elsewhere.</param>
internal sealed record RewriteBenchReport(int Seed, int Cores, string Directory, double GenerateMs, RewriteMeasurement Measurement, string? LoadAverage)
{
    /// <summary>The target: rewriting at least half as fast as parsing.</summary>
    public const double TargetRatio = 0.5;
}
