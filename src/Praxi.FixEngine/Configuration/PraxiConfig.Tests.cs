using System.Text.Json.Serialization;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Configuration;

/// <summary><c>praxi.json</c> <c>tests</c>: how to run each suite's tests, for self-heal's rerun and patch validation.</summary>
public sealed partial class PraxiConfig
{
    /// <summary>The configured test runners, in file order (empty when the section is missing).</summary>
    internal IReadOnlyList<TestRunner> TestRunners => [.. (_dto.Tests ?? []).Select((t, i) => t.ToRunner(i))];

    private IEnumerable<string> TestRunnerProblems()
    {
        var runners = TestRunners;
        foreach (var problem in runners.SelectMany(r => r.Problems()))
        {
            yield return "tests: " + problem;
        }

        foreach (var name in runners.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"tests: two runners are named '{name}'";
        }
    }

    private sealed record TestRunnerDto
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }

        [JsonPropertyName("framework")]
        public string? Framework { get; init; }

        [JsonPropertyName("language")]
        public string? Language { get; init; }

        [JsonPropertyName("runner")]
        public string? Runner { get; init; }

        [JsonPropertyName("match")]
        public IReadOnlyList<string>? Match { get; init; }

        [JsonPropertyName("cwd")]
        public string? Cwd { get; init; }

        [JsonPropertyName("command")]
        public IReadOnlyList<string>? Command { get; init; }

        [JsonPropertyName("full_command")]
        public IReadOnlyList<string>? FullCommand { get; init; }

        [JsonPropertyName("results")]
        public IReadOnlyList<string>? Results { get; init; }

        [JsonPropertyName("timeout_s")]
        public int? TimeoutSeconds { get; init; }

        [JsonPropertyName("env")]
        public IReadOnlyDictionary<string, string>? Env { get; init; }

        public TestRunner ToRunner(int index) => new()
        {
            Name = Name ?? $"tests[{index}]",
            Framework = Framework,
            Language = Language,
            Runner = Runner,
            Match = Match ?? [],
            WorkingDirectory = Cwd ?? ".",
            Command = Command ?? [],
            FullCommand = FullCommand,
            Results = Results ?? [],
            Timeout = TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : TestRunner.DefaultTimeout,
            Environment = Env ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }
}
