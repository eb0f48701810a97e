using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Classification;

/// <summary>
/// A classification rule as data: it fires on a log line that contains one of <see cref="Literals"/>
/// (case-insensitive) and, when <see cref="Pattern"/> is set, matches it. Built-in rules ship with the
/// library; users add their own in <c>praxi.json</c> under <c>classification.rules</c>.
/// </summary>
public sealed record ClassificationRule
{
    /// <summary>The rules that ship with the library (<c>Rules/builtin.json</c>), for tools that show or benchmark them.</summary>
    public static IReadOnlyList<ClassificationRule> BuiltIn => RuleSet.BuiltIn;

    /// <summary>A stable id, reported with the evidence.</summary>
    public required string Id { get; init; }

    /// <summary>The type the rule points to.</summary>
    public required ErrorType Type { get; init; }

    /// <summary>How often the rule alone is right, in (0, 1]. <value>The default is 0.8.</value></summary>
    public double Weight { get; init; } = 0.8;

    /// <summary>Literal prefilter: the line must contain one of these (case-insensitive). At least one is required.</summary>
    public required IReadOnlyList<string> Literals { get; init; }

    /// <summary>Optional regular expression the line must also match (run with <c>RegexOptions.NonBacktracking</c>, case-insensitive).</summary>
    public string? Pattern { get; init; }

    /// <summary>When set, one of these literals must appear somewhere in the same failure block.</summary>
    public IReadOnlyList<string> BlockRequires { get; init; } = [];

    /// <summary>When set, none of these literals may appear in the same failure block.</summary>
    public IReadOnlyList<string> BlockExcludes { get; init; } = [];

    /// <summary>Types this rule rules out when it fires: a specific rule beats the generic ones it refines
    /// (a status assertion that received 500 is a backend error, not a plain value mismatch).</summary>
    public IReadOnlyList<ErrorType> Suppresses { get; init; } = [];
}
