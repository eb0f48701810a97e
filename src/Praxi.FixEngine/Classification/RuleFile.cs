using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Classification;

/// <summary>The JSON shape of a rules file (built-in rules, and <c>classification.rules</c> in praxi.json).</summary>
internal sealed record RuleFile
{
    [JsonPropertyName("rules")]
    public IReadOnlyList<RuleDto> Rules { get; init; } = [];
}

/// <summary>One rule as JSON.</summary>
internal sealed record RuleDto
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    [JsonPropertyName("weight")]
    public double Weight { get; init; } = 0.8;

    [JsonPropertyName("literals")]
    public IReadOnlyList<string>? Literals { get; init; }

    [JsonPropertyName("pattern")]
    public string? Pattern { get; init; }

    [JsonPropertyName("block_requires")]
    public IReadOnlyList<string>? BlockRequires { get; init; }

    [JsonPropertyName("block_excludes")]
    public IReadOnlyList<string>? BlockExcludes { get; init; }

    public ClassificationRule ToRule()
    {
        if (!ErrorTypes.TryParse(Type, out var type) || type == ErrorType.Unknown)
        {
            throw new FixEngineException($"Classification rule '{Id}' has type '{Type}', which is not one of the 12 error types (e.g. selector_not_found, database).");
        }

        return new ClassificationRule
        {
            Id = Id,
            Type = type,
            Weight = Weight,
            Literals = Literals ?? [],
            Pattern = Pattern,
            BlockRequires = BlockRequires ?? [],
            BlockExcludes = BlockExcludes ?? [],
        };
    }
}

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RuleFile))]
internal sealed partial class RuleJsonContext : JsonSerializerContext;
