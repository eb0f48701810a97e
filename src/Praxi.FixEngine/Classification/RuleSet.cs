using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Classification;

/// <summary>Rules compiled for matching: one multi-literal prefilter for all of them, then per-rule checks.</summary>
internal sealed class RuleSet
{
    private const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly Lazy<IReadOnlyList<ClassificationRule>> BuiltInRules = new(LoadBuiltIn);

    private readonly CompiledRule[] _rules;

    public RuleSet(IEnumerable<ClassificationRule> rules)
    {
        _rules = [.. rules.Select(Compile)];
        Anchors = SearchValues.Create([.. _rules.SelectMany(r => r.Rule.Literals).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every literal of every rule: a line without any of them cannot fire a rule.</summary>
    public SearchValues<string> Anchors { get; }

    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>The built-in rules (embedded <c>Rules/builtin.json</c>).</summary>
    public static IReadOnlyList<ClassificationRule> BuiltIn => BuiltInRules.Value;

    public static RuleSet Create(IEnumerable<ClassificationRule>? extra) =>
        new(extra is null ? BuiltIn : [.. BuiltIn, .. extra]);

    /// <summary>Validates a user rule; returns the problems (empty when it is fine).</summary>
    public static IReadOnlyList<string> Validate(ClassificationRule rule)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(rule.Id))
        {
            problems.Add("id is required");
        }

        if (rule.Literals.Count == 0 || rule.Literals.Any(string.IsNullOrEmpty))
        {
            problems.Add($"rule '{rule.Id}': literals must hold at least one non-empty string (they are the prefilter that keeps matching fast)");
        }

        if (rule.Weight is <= 0 or > 1 || double.IsNaN(rule.Weight))
        {
            problems.Add($"rule '{rule.Id}': weight must be in (0, 1]");
        }

        if (rule.Pattern is not null)
        {
            try
            {
                _ = new Regex(rule.Pattern, PatternOptions);
            }
            catch (ArgumentException ex)
            {
                problems.Add($"rule '{rule.Id}': pattern is not a valid NonBacktracking regex ({ex.Message.Split('\n')[0]})");
            }
            catch (NotSupportedException ex)
            {
                problems.Add($"rule '{rule.Id}': pattern uses a construct NonBacktracking cannot run ({ex.Message.Split('\n')[0]})");
            }
        }

        return problems;
    }

    private static CompiledRule Compile(ClassificationRule rule)
    {
        var problems = Validate(rule);
        if (problems.Count > 0)
        {
            throw new FixEngineException($"Invalid classification rule: {string.Join("; ", problems)}.");
        }

        var regex = rule.Pattern is null ? null : new Regex(rule.Pattern, PatternOptions);
        return new CompiledRule(rule, regex);
    }

    private static List<ClassificationRule> LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Praxi.FixEngine.Classification.Rules.builtin.json")
            ?? throw new FixEngineException("The built-in classification rules are missing from the assembly; the build is broken.");
        var file = JsonSerializer.Deserialize(stream, RuleJsonContext.Default.RuleFile)
            ?? throw new FixEngineException("The built-in classification rules are empty; the build is broken.");
        return [.. file.Rules.Select(r => r.ToRule())];
    }
}

/// <summary>A rule ready to run.</summary>
internal sealed record CompiledRule(ClassificationRule Rule, Regex? Regex)
{
    /// <summary>True when the line fires the rule (block conditions are checked by the caller).</summary>
    public bool MatchesLine(string line)
    {
        var literals = Rule.Literals;
        var hit = false;
        for (var i = 0; i < literals.Count; i++)
        {
            if (line.Contains(literals[i], StringComparison.OrdinalIgnoreCase))
            {
                hit = true;
                break;
            }
        }

        return hit && (Regex is null || Regex.IsMatch(line));
    }
}
