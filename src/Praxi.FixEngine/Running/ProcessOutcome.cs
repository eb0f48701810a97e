namespace Praxi.FixEngine.Running;

/// <summary>How one process ended.</summary>
/// <param name="ExitCode">Its exit code; null when it did not start or was killed on a timeout.</param>
/// <param name="TimedOut">True when the time limit (or the caller's cancellation) killed it.</param>
/// <param name="Duration">From start to exit (or to the kill).</param>
/// <param name="OutputTail">The last lines of its standard output and error, interleaved as they arrived, capped.</param>
/// <param name="StartError">Why it could not start (the program is missing, the folder does not exist), else null.</param>
internal sealed record ProcessOutcome(int? ExitCode, bool TimedOut, TimeSpan Duration, string OutputTail, string? StartError)
{
    /// <summary>True when it started, finished in time and exited with 0.</summary>
    public bool Succeeded => StartError is null && !TimedOut && ExitCode == 0;

    /// <summary>One phrase for summaries: <c>exit 0</c>, <c>exit 3</c>, <c>timed out</c>, <c>did not start: …</c>.</summary>
    public string Describe() =>
        StartError is not null ? $"did not start: {StartError}"
        : TimedOut ? "timed out"
        : $"exit {ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
}
