using System.Text.Json.Serialization;
using Praxi.FixEngine.Validation;

namespace Praxi.FixEngine.Configuration;

/// <summary><c>praxi.json</c> <c>validation</c>: how a fix-agent patch is proven by a rerun.</summary>
public sealed partial class PraxiConfig
{
    /// <summary>Copies the <c>validation</c> settings into validation options.</summary>
    /// <param name="options">The options to fill.</param>
    public void ApplyTo(ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var v = _dto.Validation;
        if (v is null)
        {
            return;
        }

        options.Timeout = v.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : options.Timeout;
        options.RequirePass = v.RequirePass ?? options.RequirePass;
        options.KeepWorkspace = v.KeepWorkspace ?? options.KeepWorkspace;
        options.OnProgressed = v.OnProgressed is { } p && ProgressedPolicy(p) is { } policy ? policy : options.OnProgressed;
    }

    private IEnumerable<string> ValidationProblems()
    {
        var options = new ValidationOptions();
        ApplyTo(options);
        var problems = options.Problems().Select(p => "validation: " + p);
        return _dto.Validation?.OnProgressed is { } value && ProgressedPolicy(value) is null
            ? problems.Append($"validation: on_progressed is '{value}'; it must be keep or withhold")
            : problems;
    }

    /// <summary>The policy a <c>validation.on_progressed</c> value names, or null for an unknown value.</summary>
    private static ProgressedPatch? ProgressedPolicy(string value) => value.Trim().ToLowerInvariant() switch
    {
        "keep" => ProgressedPatch.Keep,
        "withhold" => ProgressedPatch.Withhold,
        _ => null,
    };

    private sealed partial record ConfigDto
    {
        [JsonPropertyName("validation")]
        public ValidationDto? Validation { get; init; }
    }

    private sealed record ValidationDto
    {
        [JsonPropertyName("timeout_s")]
        public int? TimeoutSeconds { get; init; }

        [JsonPropertyName("require_pass")]
        public bool? RequirePass { get; init; }

        [JsonPropertyName("keep_workspace")]
        public bool? KeepWorkspace { get; init; }

        [JsonPropertyName("on_progressed")]
        public string? OnProgressed { get; init; }
    }
}
