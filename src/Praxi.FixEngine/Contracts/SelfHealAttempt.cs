namespace Praxi.FixEngine.Contracts;

/// <summary>One attempt in <c>self-heal/attempts.json</c>, recorded before anything runs so that a crash still counts.</summary>
/// <param name="RunId">The run the attempt belongs to.</param>
/// <param name="Number">1 for the first attempt of the run.</param>
/// <param name="StartedAt">When execute started it.</param>
/// <param name="ErrorType">The type it healed.</param>
/// <param name="Actions">The actions it ran, in order.</param>
/// <param name="Status"><c>running</c> until it ends, then the report's status.</param>
internal sealed record SelfHealAttempt(string RunId, int Number, DateTimeOffset StartedAt, ErrorType? ErrorType, IReadOnlyList<string> Actions, string Status)
{
    /// <summary>Status of an attempt that has not finished (or whose process died).</summary>
    public const string Running = "running";

    /// <summary>When it ended, null while running.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}
