namespace Praxi.FixEngine.Bench.Logs;

/// <summary>Everything one <c>praxi-bench logs</c> measured.</summary>
/// <param name="Seed">The generator seed.</param>
/// <param name="Anchors">How many distinct rule literals were given to grep.</param>
/// <param name="Directory">Where the logs were written.</param>
/// <param name="Cores">Logical cores of the machine.</param>
/// <param name="Sizes">One case per requested size.</param>
/// <param name="SingleLine">The one-line 1 MiB log.</param>
/// <param name="LoadAverage">The 1/5/15-minute load averages when the bench ended (Linux), null elsewhere: figures taken on a busy machine are lower.</param>
internal sealed record LogBenchReport(int Seed, int Anchors, string Directory, int Cores, IReadOnlyList<BenchCase> Sizes, BenchCase SingleLine, string? LoadAverage);
