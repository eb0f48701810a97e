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

    /// <summary>The distinct literals (case-insensitive), each with the rules that list it.</summary>
    private readonly (string Literal, int[] Rules)[] _literals;

    /// <summary>Indexes into <see cref="_literals"/> by the upper-cased ASCII first character.</summary>
    private readonly int[][] _byAsciiFirst = new int[128][];

    /// <summary>Literals whose first character is not ASCII: checked at every match position.</summary>
    private readonly int[] _nonAsciiFirst;

    public RuleSet(IEnumerable<ClassificationRule> rules)
    {
        _rules = [.. rules.Select(r => Compile(r, BuiltInRules.IsValueCreated && IsBuiltIn(r)))];
        _literals =
        [
            .. _rules
                .SelectMany((r, i) => r.Rule.Literals.Select(l => (Literal: l, Rule: i)))
                .GroupBy(x => x.Literal, StringComparer.OrdinalIgnoreCase)
                .Select(g => (g.Key, g.Select(x => x.Rule).Distinct().ToArray())),
        ];
        Anchors = SearchValues.Create([.. _literals.Select(l => l.Literal)], StringComparison.OrdinalIgnoreCase);

        for (var c = 0; c < 128; c++)
        {
            var upper = char.ToUpperInvariant((char)c);
            _byAsciiFirst[c] = [.. Enumerable.Range(0, _literals.Length).Where(i => _literals[i].Literal[0] < 128 && char.ToUpperInvariant(_literals[i].Literal[0]) == upper)];
        }

        _nonAsciiFirst = [.. Enumerable.Range(0, _literals.Length).Where(i => _literals[i].Literal[0] >= 128)];
    }

    /// <summary>Every literal of every rule: a line without any of them cannot fire a rule.</summary>
    public SearchValues<string> Anchors { get; }

    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>
    /// Marks in <paramref name="literalHits"/> (one slot per rule) the rules one of whose literals occurs in
    /// <paramref name="line"/> — the same answer as <see cref="CompiledRule.MatchesLine"/>'s literal test for every rule,
    /// from one pass of the <see cref="Anchors"/> search instead of a case-insensitive search per literal.
    /// </summary>
    /// <returns>False when no literal occurs (the slots are then all false).</returns>
    public bool FindLiteralRules(ReadOnlySpan<char> line, Span<bool> literalHits)
    {
        literalHits.Clear();
        var any = false;
        var offset = 0;
        while (true)
        {
            var found = line[offset..].IndexOfAny(Anchors);
            if (found < 0)
            {
                return any;
            }

            var at = offset + found;
            var rest = line[at..];
            var first = rest[0];
            if (first < 128)
            {
                any |= MarkAt(rest, _byAsciiFirst[first], literalHits);
                any |= _nonAsciiFirst.Length > 0 && MarkAt(rest, _nonAsciiFirst, literalHits);
            }
            else
            {
                // A non-ASCII character can equal an ASCII one ignoring case (U+017F and 's'): try every literal.
                for (var i = 0; i < _literals.Length; i++)
                {
                    any |= MarkAt(rest, [i], literalHits);
                }
            }

            offset = at + 1;
        }
    }

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

    private bool MarkAt(ReadOnlySpan<char> rest, ReadOnlySpan<int> candidates, Span<bool> literalHits)
    {
        var any = false;
        foreach (var i in candidates)
        {
            var (literal, rules) = _literals[i];
            if (rest.StartsWith(literal, StringComparison.OrdinalIgnoreCase))
            {
                any = true;
                foreach (var r in rules)
                {
                    literalHits[r] = true;
                }
            }
        }

        return any;
    }

    /// <summary>
    /// Checks a rule and wraps it; its regex is built on first use. Built-in rules are not re-validated (a test
    /// validates them): building a NonBacktracking regex costs 1–5 MB and ~10 ms, and most rules never reach it.
    /// </summary>
    private static CompiledRule Compile(ClassificationRule rule, bool builtIn)
    {
        var problems = builtIn ? [] : Validate(rule);
        if (problems.Count > 0)
        {
            throw new FixEngineException($"Invalid classification rule: {string.Join("; ", problems)}.");
        }

        return new CompiledRule(rule);
    }

    internal static bool IsBuiltIn(ClassificationRule rule)
    {
        foreach (var builtIn in BuiltInRules.Value)
        {
            if (ReferenceEquals(builtIn, rule))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Builds a rule's pattern the one way the engine runs it.</summary>
    internal static Regex BuildPattern(string pattern) => new(pattern, PatternOptions);

    private static List<ClassificationRule> LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Praxi.FixEngine.Classification.Rules.builtin.json")
            ?? throw new FixEngineException("The built-in classification rules are missing from the assembly; the build is broken.");
        var file = JsonSerializer.Deserialize(stream, RuleJsonContext.Default.RuleFile)
            ?? throw new FixEngineException("The built-in classification rules are empty; the build is broken.");
        return [.. file.Rules.Select(r => r.ToRule())];
    }
}

/// <summary>A rule ready to run; its regex is built the first time a line reaches it.</summary>
internal sealed class CompiledRule(ClassificationRule rule)
{
    private readonly Lazy<Regex?> _regex = new(() => rule.Pattern is null ? null : RuleSet.BuildPattern(rule.Pattern), LazyThreadSafetyMode.ExecutionAndPublication);

    public ClassificationRule Rule { get; } = rule;

    public Regex? Regex => _regex.Value;

    /// <summary>True when the line matches the rule's pattern (or it has none); the literal test is separate.</summary>
    public bool MatchesPattern(string line) => Regex is null || Regex.IsMatch(line);

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
