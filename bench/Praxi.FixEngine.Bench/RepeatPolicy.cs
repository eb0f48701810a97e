namespace Praxi.FixEngine.Bench;

/// <summary>How often to repeat a timed run: at least <see cref="MinRuns"/>, then until <see cref="Budget"/> is spent or <see cref="MaxRuns"/> reached.</summary>
internal sealed record RepeatPolicy(int MinRuns, int MaxRuns, TimeSpan Budget)
{
    /// <summary>Enough runs for a stable median on small files; a single run for a big one.</summary>
    public static RepeatPolicy Default { get; } = new(1, 15, TimeSpan.FromSeconds(2));

    /// <summary>For the 1 MiB line, a handful of runs whatever their length.</summary>
    public static RepeatPolicy Latency { get; } = new(7, 25, TimeSpan.FromSeconds(2));

    public bool WantsMore(IReadOnlyList<double> timesMs) =>
        timesMs.Count < MinRuns || timesMs.Count < MaxRuns && timesMs.Sum() < Budget.TotalMilliseconds;

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
