using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Cli;

/// <summary>What verbs build from the library; tests pass their own (a fix agent with a fake rewriter) to run commands in-process.</summary>
/// <param name="CreateFixAgent">Builds the fix agent from the options read from praxi.json.</param>
internal sealed record CliServices(Func<FixAgentOptions, FixAgent> CreateFixAgent)
{
    public static CliServices Default { get; } = new(options => new FixAgent(options));

    /// <summary>Reads an environment variable (ship-logs: the token, GitHub Actions metadata); tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>ship-logs: the first retry's backoff, doubled each retry (tests shorten it).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
}
