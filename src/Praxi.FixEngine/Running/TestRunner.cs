using System.Globalization;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Running;

/// <summary>
/// How to run one suite's tests (<c>praxi.json</c> <c>tests[]</c>): shared by self-heal's rerun and by patch validation.
/// <see cref="Command"/> is an argument list with placeholders that <see cref="Expand"/> fills from the tests to run:
/// <list type="bullet">
/// <item><c>{tests}</c> (a whole argument): one argument per test — <c>file:line</c> of its declaration when the report
/// gives it (what <c>npx playwright test</c> selects), else its name;</item>
/// <item><c>{files}</c> (a whole argument): one argument per distinct test file;</item>
/// <item><c>{grep}</c>: one regular expression matching the tests' titles (<c>npx playwright test -g</c>, pytest <c>-k</c> needs
/// <c>{names}</c>);</item>
/// <item><c>{filter}</c>: a <c>dotnet test --filter</c> expression selecting exactly these tests, data rows included
/// (<see cref="DotNetFilter"/>);</item>
/// <item><c>{names}</c>: the titles joined with <c> or </c> (pytest <c>-k</c>).</item>
/// </list>
/// Test names come from logs, i.e. from anyone who can name a test: they only ever become separate arguments of a process,
/// never text a shell reads.
/// </summary>
internal sealed partial record TestRunner
{
    /// <summary>Placeholders that expand to several arguments and must stand alone.</summary>
    public static readonly string[] ListPlaceholders = ["{tests}", "{files}"];

    /// <summary>Placeholders that expand to one piece of text, inside an argument or alone.</summary>
    public static readonly string[] TextPlaceholders = ["{grep}", "{filter}", "{names}"];

    /// <summary>Default time limit of a run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The runner's name (<c>ts</c>, <c>dotnet</c>), for reports.</summary>
    public required string Name { get; init; }

    /// <summary>The command for a subset, with placeholders.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>The command for the whole suite, when configured.</summary>
    public IReadOnlyList<string>? FullCommand { get; init; }

    /// <summary>Where to run it, relative to the repository root.</summary>
    public string WorkingDirectory { get; init; } = ".";

    /// <summary>Result files (or folders of them) the command writes, relative to the repository root: Playwright JSON, JUnit XML, TRX.</summary>
    public IReadOnlyList<string> Results { get; init; } = [];

    /// <summary>The time limit.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Wildcards (<c>*</c>, <c>?</c>) on a test's name or file that this runner owns; empty = any name.</summary>
    public IReadOnlyList<string> Match { get; init; } = [];

    /// <summary>
    /// A name of the stack whose tests this runner owns — a framework, a language or a test runner (<see cref="TestStack"/>:
    /// <c>playwright</c>, <c>dotnet</c>, <c>xunit</c>…); null = any.
    /// </summary>
    public string? Framework { get; init; }

    /// <summary>The language whose tests this runner owns (<c>csharp</c>, <c>typescript</c>, <c>python</c>…); null = any.</summary>
    public string? Language { get; init; }

    /// <summary>The test runner whose tests this runner owns (<c>dotnet-test</c>, <c>xunit</c>, <c>playwright-test</c>…); null = any.</summary>
    public string? Runner { get; init; }

    /// <summary>Extra environment variables for the command (configuration, not secrets: they are not hidden).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>True when this runner can rerun <paramref name="target"/>.</summary>
    public bool Selects(TestTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsTest)
        {
            return false;
        }

        if (Match.Count > 0 && !Match.Any(m => Wildcard(m, target.Test) || Wildcard(m, target.Title)
                || (target.File is { } f && Wildcard(m, f)) || (target.TestFile is { } tf && Wildcard(m, tf))))
        {
            return false;
        }

        var names = target.StackNames;
        return new[] { Framework, Language, Runner }.OfType<string>().All(n => TestStack.Canonical(n) is { } name && names.Contains(name));
    }

    /// <summary>The argument list for <paramref name="targets"/> (or the full suite).</summary>
    /// <param name="targets">The tests to run (all selected by this runner).</param>
    /// <param name="fullSuite">Run the whole suite with <see cref="FullCommand"/>.</param>
    /// <returns>The arguments.</returns>
    /// <exception cref="FixEngineException">A full run without a full command, or nothing to run.</exception>
    public IReadOnlyList<string> Expand(IReadOnlyList<TestTarget> targets, bool fullSuite)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (fullSuite)
        {
            return FullCommand ?? throw new FixEngineException($"test runner '{Name}' has no full_command; add one to praxi.json to rerun the whole suite.");
        }

        if (targets.Count == 0)
        {
            throw new FixEngineException($"test runner '{Name}' was given no test to run.");
        }

        var args = new List<string>();
        foreach (var part in Command)
        {
            switch (part)
            {
                case "{tests}":
                    args.AddRange(targets.Select(t => t.TestFile is { Length: > 0 } f && t.TestLine is { } l ? $"{f}:{l.ToString(CultureInfo.InvariantCulture)}" : t.Title).Distinct(StringComparer.Ordinal));
                    break;
                case "{files}":
                    args.AddRange(targets.Select(t => t.TestFile ?? t.File).OfType<string>().Distinct(StringComparer.Ordinal));
                    break;
                default:
                    args.Add(part
                        .Replace("{grep}", Grep(targets), StringComparison.Ordinal)
                        .Replace("{filter}", DotNetFilter.Of(targets), StringComparison.Ordinal)
                        .Replace("{names}", string.Join(" or ", targets.Select(t => TestNames.LastSegment(t.Title)).Distinct(StringComparer.Ordinal)), StringComparison.Ordinal));
                    break;
            }
        }

        return args;
    }

    /// <summary>Problems of this runner's settings, each a phrase naming the runner.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "a test runner has no name";
        }

        if (Command.Count == 0 || string.IsNullOrWhiteSpace(Command[0]))
        {
            yield return $"test runner '{Name}': command must be a non-empty argument list";
        }
        else if (!Command.Any(a => ListPlaceholders.Concat(TextPlaceholders).Any(p => a.Contains(p, StringComparison.Ordinal))))
        {
            yield return $"test runner '{Name}': command has no placeholder ({{tests}}, {{files}}, {{grep}}, {{filter}} or {{names}}), so it cannot run only the failed tests";
        }

        foreach (var a in Command.Concat(FullCommand ?? []))
        {
            if (ListPlaceholders.Any(p => a.Contains(p, StringComparison.Ordinal) && a != p))
            {
                yield return $"test runner '{Name}': '{a}' — {{tests}} and {{files}} must be whole arguments";
            }
        }

        if (FullCommand is { } full && (full.Count == 0 || string.IsNullOrWhiteSpace(full[0])))
        {
            yield return $"test runner '{Name}': full_command must be a non-empty argument list";
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(2))
        {
            yield return $"test runner '{Name}': timeout_s must be between 1 and 7200";
        }

        foreach (var problem in StackProblems())
        {
            yield return problem;
        }

        foreach (var path in Results.Append(WorkingDirectory))
        {
            if (Path.IsPathRooted(path) || path.Replace('\\', '/').Split('/').Contains(".."))
            {
                yield return $"test runner '{Name}': '{path}' must be relative to the repository, without '..'";
            }
        }
    }

    /// <summary>The tests' titles as one alternation of escaped regular expressions.</summary>
    private static string Grep(IReadOnlyList<TestTarget> targets) =>
        string.Join('|', targets.Select(t => Regex.Escape(TestNames.LastSegment(t.Title))).Distinct(StringComparer.Ordinal));

    private IEnumerable<string> StackProblems()
    {
        var known = $"frameworks: {string.Join(", ", TestStack.Frameworks)}; languages: {string.Join(", ", TestStack.Languages)}; "
            + $"runners: {string.Join(", ", TestStack.Runners)}; aliases: {TestStack.AliasList()}";
        if (Framework is { } framework && TestStack.Canonical(framework) is null)
        {
            yield return $"test runner '{Name}': framework '{framework}' is not a name praxi knows (framework may name a framework, a language or a runner) — {known}";
        }

        if (Language is { } language && !(TestStack.Canonical(language) is { } l && TestStack.Languages.Contains(l)))
        {
            yield return $"test runner '{Name}': language '{language}' is not a language praxi knows — languages: {string.Join(", ", TestStack.Languages)}; aliases: {TestStack.AliasList()}";
        }

        if (Runner is { } runner && !(TestStack.Canonical(runner) is { } r && (TestStack.Runners.Contains(r) || r == "dotnet")))
        {
            yield return $"test runner '{Name}': runner '{runner}' is not a test runner praxi knows — runners: {string.Join(", ", TestStack.Runners)}, dotnet; aliases: {TestStack.AliasList()}";
        }
    }

    private static bool Wildcard(string pattern, string text) =>
        Regex.IsMatch(text, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
