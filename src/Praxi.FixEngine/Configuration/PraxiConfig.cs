using System.Text.Json;
using System.Text.Json.Serialization;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Classification;

namespace Praxi.FixEngine.Configuration;

/// <summary>
/// <c>praxi.json</c>, the one configuration file in the repository under test (comments allowed, every key
/// optional). This type reads the sections the engine uses so far.
/// </summary>
public sealed class PraxiConfig
{
    private static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly ConfigDto _dto;

    private PraxiConfig(ConfigDto dto) => _dto = dto;

    /// <summary>The defaults (no file).</summary>
    public static PraxiConfig Default { get; } = new(new ConfigDto());

    /// <summary>Extra classification rules (<c>classification.rules</c>).</summary>
    public IReadOnlyList<ClassificationRule> ClassificationRules => [.. (_dto.Classification?.Rules ?? []).Select(r => r.ToRule())];

    /// <summary>Loads <paramref name="path"/>; when null, <c>praxi.json</c> in <paramref name="searchFolder"/> if it exists, else the defaults.</summary>
    /// <param name="path">An explicit file, or null.</param>
    /// <param name="searchFolder">Where to look for <c>praxi.json</c> when no path is given.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="FixEngineException">The file is missing (when explicit) or invalid.</exception>
    public static PraxiConfig Load(string? path, string? searchFolder = null)
    {
        var file = path;
        if (file is null)
        {
            var candidate = Path.Combine(searchFolder ?? Directory.GetCurrentDirectory(), "praxi.json");
            file = File.Exists(candidate) ? candidate : null;
        }

        if (file is null)
        {
            return Default;
        }

        if (!File.Exists(file))
        {
            throw new FixEngineException($"config '{file}' does not exist.");
        }

        ConfigDto dto;
        try
        {
            dto = JsonSerializer.Deserialize<ConfigDto>(File.ReadAllText(file), Options) ?? new ConfigDto();
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"config '{file}' is not valid: {ex.Message.Split(". Path")[0]} (line {(ex.LineNumber ?? 0) + 1}).", ex);
        }

        var config = new PraxiConfig(dto);
        try
        {
            var problems = config.ClassificationRules.SelectMany(RuleSet.Validate).ToList();
            if (problems.Count > 0)
            {
                throw new FixEngineException($"config '{file}': {string.Join("; ", problems)}.");
            }
        }
        catch (FixEngineException ex) when (!ex.Message.StartsWith("config", StringComparison.Ordinal))
        {
            throw new FixEngineException($"config '{file}': {ex.Message}", ex);
        }

        return config;
    }

    /// <summary>Copies the classification settings into analysis options.</summary>
    /// <param name="options">The options to fill.</param>
    public void ApplyTo(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var rule in ClassificationRules)
        {
            options.Rules.Add(rule);
        }

        if (_dto.Classification?.MinConfidence is { } min)
        {
            options.MinConfidence = min;
        }
    }

    private sealed record ConfigDto
    {
        [JsonPropertyName("classification")]
        public ClassificationDto? Classification { get; init; }
    }

    private sealed record ClassificationDto
    {
        [JsonPropertyName("rules")]
        public IReadOnlyList<RuleDto>? Rules { get; init; }

        [JsonPropertyName("min_confidence")]
        public double? MinConfidence { get; init; }
    }
}
