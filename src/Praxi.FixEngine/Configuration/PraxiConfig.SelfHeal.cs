using System.Text.Json.Serialization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.SelfHeal;

namespace Praxi.FixEngine.Configuration;

/// <summary><c>praxi.json</c> <c>self_heal</c>: the policy and the actions of self-heal.</summary>
public sealed partial class PraxiConfig
{
    /// <summary>The self-heal policy and its configured actions (the defaults when the section is missing).</summary>
    internal SelfHealSettings SelfHeal => ToSettings(_dto.SelfHeal);

    private static SelfHealSettings ToSettings(SelfHealDto? dto)
    {
        var defaults = new SelfHealSettings();
        if (dto is null)
        {
            return defaults;
        }

        var eligible = new List<ErrorType>();
        foreach (var name in dto.EligibleTypes ?? [])
        {
            if (ErrorTypes.TryParse(name, out var type))
            {
                eligible.Add(type);
            }
        }

        var plans = new Dictionary<ErrorType, IReadOnlyList<string>>();
        foreach (var (name, actions) in dto.Plans ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (ErrorTypes.TryParse(name, out var type))
            {
                plans[type] = actions ?? [];
            }
        }

        return new SelfHealSettings
        {
            Enabled = dto.Enabled ?? defaults.Enabled,
            MaxAttempts = dto.MaxAttempts ?? defaults.MaxAttempts,
            EligibleTypes = dto.EligibleTypes is null ? defaults.EligibleTypes : eligible,
            RequireManualTrigger = dto.RequireManualTrigger ?? defaults.RequireManualTrigger,
            ManualTriggers = dto.ManualTriggers ?? defaults.ManualTriggers,
            MinConfidence = dto.MinConfidence ?? defaults.MinConfidence,
            FullSuite = dto.FullSuite ?? defaults.FullSuite,
            Plans = plans,
            Actions = (dto.Actions ?? new Dictionary<string, SelfHealActionDto>())
                .ToDictionary(a => a.Key, a => a.Value.ToAction(a.Key), StringComparer.Ordinal),
        };
    }

    private IEnumerable<string> SelfHealProblems()
    {
        var dto = _dto.SelfHeal;
        if (dto is null)
        {
            yield break;
        }

        foreach (var name in dto.EligibleTypes ?? [])
        {
            if (!ErrorTypes.TryParse(name, out var type))
            {
                yield return $"self_heal.eligible_types: '{name}' is not an error type";
            }
            else if (SelfHealSettings.NeverEligible.Contains(type))
            {
                yield return $"self_heal.eligible_types: '{name}' can never be healed without a code change or a person";
            }
        }

        if (dto.MaxAttempts is { } max && (max < 1 || max > 10))
        {
            yield return "self_heal.max_attempts must be between 1 and 10";
        }

        if (dto.MinConfidence is { } min && (double.IsNaN(min) || min < 0 || min > 1))
        {
            yield return "self_heal.min_confidence must be between 0 and 1";
        }

        foreach (var (name, actions) in dto.Plans ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (!ErrorTypes.TryParse(name, out var type))
            {
                yield return $"self_heal.plans: '{name}' is not an error type";
            }
            else if (SelfHealSettings.NeverEligible.Contains(type))
            {
                yield return $"self_heal.plans: '{name}' can never be healed without a code change or a person";
            }

            if (actions is null || actions.Count == 0)
            {
                yield return $"self_heal.plans.{name} must list at least one action";
            }

            foreach (var action in (actions ?? []).Where(a => !SelfHealSettings.KnownActions.Contains(a, StringComparer.Ordinal)))
            {
                yield return $"self_heal.plans.{name}: '{action}' is not an action ({string.Join(", ", SelfHealSettings.KnownActions)})";
            }
        }

        foreach (var (name, action) in dto.Actions ?? new Dictionary<string, SelfHealActionDto>())
        {
            if (name == SelfHealSettings.Rerun)
            {
                yield return "self_heal.actions.rerun: the rerun uses the 'tests' runners and is not configured here";
                continue;
            }

            if (!SelfHealSettings.KnownActions.Contains(name, StringComparer.Ordinal))
            {
                yield return $"self_heal.actions: '{name}' is not an action ({string.Join(", ", SelfHealSettings.KnownActions.Where(a => a != SelfHealSettings.Rerun))})";
                continue;
            }

            foreach (var problem in (action ?? new SelfHealActionDto()).ToAction(name).Problems())
            {
                yield return problem;
            }
        }
    }

    private sealed partial record ConfigDto
    {
        [JsonPropertyName("self_heal")]
        public SelfHealDto? SelfHeal { get; init; }
    }

    private sealed record SelfHealDto
    {
        [JsonPropertyName("enabled")]
        public bool? Enabled { get; init; }

        [JsonPropertyName("max_attempts")]
        public int? MaxAttempts { get; init; }

        [JsonPropertyName("eligible_types")]
        public IReadOnlyList<string>? EligibleTypes { get; init; }

        [JsonPropertyName("require_manual_trigger")]
        public bool? RequireManualTrigger { get; init; }

        [JsonPropertyName("manual_triggers")]
        public IReadOnlyList<string>? ManualTriggers { get; init; }

        [JsonPropertyName("min_confidence")]
        public double? MinConfidence { get; init; }

        [JsonPropertyName("full_suite")]
        public bool? FullSuite { get; init; }

        [JsonPropertyName("plans")]
        public IReadOnlyDictionary<string, IReadOnlyList<string>>? Plans { get; init; }

        [JsonPropertyName("actions")]
        public IReadOnlyDictionary<string, SelfHealActionDto>? Actions { get; init; }
    }

    private sealed record SelfHealActionDto
    {
        [JsonPropertyName("command")]
        public IReadOnlyList<string>? Command { get; init; }

        [JsonPropertyName("cwd")]
        public string? Cwd { get; init; }

        [JsonPropertyName("timeout_s")]
        public int? TimeoutSeconds { get; init; }

        [JsonPropertyName("env")]
        public IReadOnlyDictionary<string, string>? Env { get; init; }

        public SelfHealAction ToAction(string name) => new()
        {
            Name = name,
            Command = Command ?? [],
            WorkingDirectory = Cwd ?? ".",
            Timeout = TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : SelfHealAction.DefaultTimeout,
            Environment = Env ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }
}
