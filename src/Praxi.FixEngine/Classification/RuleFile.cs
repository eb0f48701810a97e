using System.Text.Json.Serialization;
using Praxi.FixEngine.Contracts;

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

    [JsonPropertyName("suppresses")]
    public IReadOnlyList<string>? Suppresses { get; init; }

    public ClassificationRule ToRule()
    {
        var type = ParseType(Type);

        return new ClassificationRule
        {
            Id = Id,
            Type = type,
            Weight = Weight,
            Literals = Literals ?? [],
            Pattern = Pattern,
            BlockRequires = BlockRequires ?? [],
            BlockExcludes = BlockExcludes ?? [],
            Suppresses = [.. (Suppresses ?? []).Select(ParseType)],
        };
    }

    private ErrorType ParseType(string name) =>
        ErrorTypes.TryParse(name, out var type) && type != ErrorType.Unknown
            ? type
            : throw new FixEngineException($"Classification rule '{Id}' names type '{name}', which is not one of the 12 error types (e.g. selector_not_found, database).");
}

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RuleFile))]
internal sealed partial class RuleJsonContext : JsonSerializerContext;
