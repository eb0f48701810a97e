using System.Text.Json;
using System.Text.Json.Serialization;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Guardrails;
using Praxi.FixEngine.Judging;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Configuration;

/// <summary>
/// <c>praxi.json</c>, the one configuration file in the repository under test (comments allowed, every key
/// optional). This type reads the sections the engine uses so far: <c>classification</c>, <c>guardrails</c>,
/// <c>selectors</c>, <c>tests</c>, <c>self_heal</c>, <c>validation</c> (docs/configuration.md); each section's part lives in its own file.
/// </summary>
public sealed partial class PraxiConfig
{
    private static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly ConfigDto _dto;

    private JudgeModel? _model;

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
            if (dto.Classification?.Model is { Length: > 0 } model)
            {
                // A model path is relative to the config file, like everything else a team commits beside it.
                config._model = JudgeModel.Load(Path.GetFullPath(model, Path.GetDirectoryName(Path.GetFullPath(file)) ?? "."));
            }

            var problems = config.ClassificationRules.SelectMany(RuleSet.Validate).ToList();
            var guardrails = new GuardrailPolicy();
            config.ApplyTo(guardrails);
            problems.AddRange(guardrails.Problems());
            var selectors = new SelectorOptions();
            config.ApplyTo(selectors);
            problems.AddRange(selectors.Problems());
            problems.AddRange(config.TestRunnerProblems());
            problems.AddRange(config.SelfHealProblems());
            problems.AddRange(config.ValidationProblems());
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

        if (_model is not null)
        {
            options.Model = _model;
        }

        if (_dto.Classification?.RulesOnly is true)
        {
            options.RulesOnly = true;
        }

        // The analyzer proposes raised timeouts under the same ceiling the guardrails enforce.
        if (_dto.Guardrails?.MaxTimeoutMs is { } ceiling)
        {
            options.MaxTimeoutMs = ceiling;
        }
    }

    /// <summary>Copies the guardrail settings into a policy.</summary>
    /// <param name="policy">The policy to fill.</param>
    public void ApplyTo(GuardrailPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var g = _dto.Guardrails;
        if (g is not null)
        {
            if (g.Allow is not null)
            {
                policy.Allow.Clear();
                foreach (var glob in g.Allow)
                {
                    policy.Allow.Add(glob);
                }
            }

            foreach (var glob in g.Deny ?? [])
            {
                policy.Deny.Add(glob);
            }

            policy.MaxFiles = g.MaxFiles ?? policy.MaxFiles;
            policy.MaxChangedLines = g.MaxChangedLines ?? policy.MaxChangedLines;
            policy.MaxHunks = g.MaxHunks ?? policy.MaxHunks;
            policy.MaxTimeoutMs = g.MaxTimeoutMs ?? policy.MaxTimeoutMs;
        }
    }

    /// <summary>Copies the selector settings into selector options.</summary>
    /// <param name="options">The options to fill.</param>
    public void ApplyTo(SelectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = _dto.Selectors;
        if (s?.Prefer is not null)
        {
            Replace(options.PreferredSelectors, s.Prefer);
        }

        if (s?.TestIdAttributes is not null)
        {
            Replace(options.TestIdAttributes, s.TestIdAttributes);
        }
    }

    private static void Replace(IList<string> target, IReadOnlyList<string> values)
    {
        target.Clear();
        foreach (var v in values)
        {
            target.Add(v);
        }
    }

    private sealed partial record ConfigDto
    {
        [JsonPropertyName("classification")]
        public ClassificationDto? Classification { get; init; }

        [JsonPropertyName("guardrails")]
        public GuardrailsDto? Guardrails { get; init; }

        [JsonPropertyName("selectors")]
        public SelectorsDto? Selectors { get; init; }

        [JsonPropertyName("tests")]
        public IReadOnlyList<TestRunnerDto>? Tests { get; init; }
    }

    private sealed record GuardrailsDto
    {
        [JsonPropertyName("allow")]
        public IReadOnlyList<string>? Allow { get; init; }

        [JsonPropertyName("deny")]
        public IReadOnlyList<string>? Deny { get; init; }

        [JsonPropertyName("max_files")]
        public int? MaxFiles { get; init; }

        [JsonPropertyName("max_changed_lines")]
        public int? MaxChangedLines { get; init; }

        [JsonPropertyName("max_hunks")]
        public int? MaxHunks { get; init; }

        [JsonPropertyName("max_timeout_ms")]
        public int? MaxTimeoutMs { get; init; }
    }

    private sealed record SelectorsDto
    {
        [JsonPropertyName("prefer")]
        public IReadOnlyList<string>? Prefer { get; init; }

        [JsonPropertyName("test_id_attributes")]
        public IReadOnlyList<string>? TestIdAttributes { get; init; }
    }

    private sealed record ClassificationDto
    {
        [JsonPropertyName("rules")]
        public IReadOnlyList<RuleDto>? Rules { get; init; }

        [JsonPropertyName("min_confidence")]
        public double? MinConfidence { get; init; }

        [JsonPropertyName("model")]
        public string? Model { get; init; }

        [JsonPropertyName("rules_only")]
        public bool? RulesOnly { get; init; }
    }
}
