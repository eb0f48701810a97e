using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>
/// The keys of a baseline: a locator as one normalised Playwright selector string, so that the <c>params.selector</c>
/// a trace recorded (<c>internal:role=button[name="Sign in"i]</c>) and the locator an error message printed
/// (<c>getByRole('button', { name: 'Sign in' })</c>, parsed by <see cref="LocatorExpression"/>) give the same key
/// (and Selenium's escaped <c>#add\-to\-cart</c> the key of <c>#add-to-cart</c>);
/// and test names as a trace titles them, compared loosely with the names the runners' reports give.
/// </summary>
internal static partial class BaselineKeys
{
    /// <summary>
    /// Normalises a Playwright selector string: each <c>&gt;&gt;</c> part is mapped to its neutral form and rendered
    /// back (<see cref="PlaywrightSelectors.Print"/>), parts are joined by <c>" &gt;&gt; "</c>, and the attribute
    /// of a test-id part is dropped to <c>data-testid</c> (<c>getByTestId</c> means the configured attribute,
    /// whichever it is).
    /// </summary>
    public static string Normalize(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var parts = new List<string>();
        foreach (var trimmed in SelectorChain.Split(selector))
        {
            var part = trimmed;
            if (part.Length == 0)
            {
                continue;
            }

            var testId = TestIdPart().Match(part);
            if (testId.Success)
            {
                part = $"internal:testid=[{PlaywrightSelectors.DefaultTestIdAttribute}=" + testId.Groups["rest"].Value;
            }

            parts.Add(LocatorExpression.TryParseSelector(part, out var spec) && spec.By != LocatorKind.Selector
                ? PlaywrightSelectors.Print(spec.By == LocatorKind.Css && spec.Value is { } css ? spec with { Value = CssEscapes.WithoutNeedless(css) } : spec)
                : part);
        }

        return SelectorChain.Join(parts);
    }

    /// <summary>The key of a locator parsed from an error message or a report.</summary>
    public static string Of(LocatorSpec locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        return Normalize(PlaywrightSelectors.Print(locator));
    }

    /// <summary>
    /// The test's name for a baseline: the trace's title without the line number Playwright puts after the file
    /// (<c>catalogue.spec.ts:21 › adds…</c> → <c>catalogue.spec.ts › adds…</c>), or the result folder when the trace
    /// has no title, or the folder when it is the title qualified by a class (<c>CatalogueTests.AddsAProduct</c>
    /// for the title <c>AddsAProduct</c>).
    /// </summary>
    public static string? TestName(string? traceTitle, string? folder)
    {
        var title = string.IsNullOrWhiteSpace(traceTitle) ? null : FileLine().Replace(traceTitle.Trim(), "${file}", 1);
        var dir = string.IsNullOrWhiteSpace(folder) ? null : folder.Trim();
        if (title is null)
        {
            return dir;
        }

        return dir is not null && dir.EndsWith("." + title, StringComparison.Ordinal) ? dir : title;
    }

    /// <summary>
    /// Whether two test names name the same test: equal once line numbers are dropped, or one ends with the other
    /// at a name boundary (<c>PraxiShop.E2E.Tests.CartTests.Removes</c> and <c>CartTests.Removes</c>;
    /// <c>[chromium] › cart.spec.ts › removes</c> and <c>cart.spec.ts › removes</c>).
    /// </summary>
    public static bool SameTest(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        var x = Canonical(a);
        var y = Canonical(b);
        if (x == y)
        {
            return true;
        }

        var (longer, shorter) = x.Length >= y.Length ? (x, y) : (y, x);
        return shorter.Length > 0
            && longer.EndsWith(shorter, StringComparison.Ordinal)
            && longer[longer.Length - shorter.Length - 1] is '.' or ' ' or '›' or '>' or '/' or ':';
    }

    /// <summary>
    /// How well a trace's own name — the title it was started with, or its file name without <c>.zip</c> — names the
    /// test a report names: 0 when it does not. The name must begin with the test's method, or more of its qualified
    /// name (<c>Class.Method</c>, the namespace), ending there at a name boundary (<c>AddsAProduct_chromium_linux_…</c>,
    /// <c>CartTests.Removes.zip</c>); each qualifier adds, and so does each argument of a parameterised row
    /// (<c>Method(browserType: "chromium", …)</c>) that the name carries as a word. A name equal to the test's
    /// (<see cref="SameTest"/>) scores highest.
    /// </summary>
    public static int TraceNameScore(string? traceName, string? test)
    {
        if (string.IsNullOrWhiteSpace(traceName) || string.IsNullOrWhiteSpace(test))
        {
            return 0;
        }

        var name = traceName.Trim();
        if (SameTest(name, test))
        {
            return 1_000;
        }

        var open = test.IndexOf('(', StringComparison.Ordinal);
        var bare = (open < 0 ? test : test[..open]).Trim();
        if (bare.Contains('›', StringComparison.Ordinal) || bare.Contains(' ', StringComparison.Ordinal))
        {
            // A Playwright title: only its own title names it (SameTest above).
            return 0;
        }

        var segments = bare.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var score = 0;
        for (var k = segments.Length; k >= 1 && score == 0; k--)
        {
            var qualified = string.Join('.', segments[^k..]);
            if (name.StartsWith(qualified, StringComparison.Ordinal) && (name.Length == qualified.Length || !char.IsLetterOrDigit(name[qualified.Length])))
            {
                score = 10 * k;
            }
        }

        if (score == 0 || open < 0)
        {
            return score;
        }

        var words = NameWords().Matches(name).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var argument in Arguments(test[(open + 1)..].TrimEnd(')')))
        {
            var argumentWords = NameWords().Matches(argument).Select(m => m.Value.ToLowerInvariant()).ToList();
            if (argumentWords.Count > 0 && argument != "null" && argumentWords.All(words.Contains))
            {
                score++;
            }
        }

        return score;
    }

    /// <summary>The values of a parameterised row's argument list (<c>browserType: "chromium", n: 2</c> → <c>chromium</c>, <c>2</c>).</summary>
    private static IEnumerable<string> Arguments(string list)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= list.Length; i++)
        {
            if (i < list.Length && list[i] == '"' && (i == 0 || list[i - 1] != '\\'))
            {
                quoted = !quoted;
            }

            if (i == list.Length || (list[i] == ',' && !quoted))
            {
                var argument = list[start..i].Trim();
                var colon = argument.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && !argument[..colon].Contains('"', StringComparison.Ordinal))
                {
                    argument = argument[(colon + 1)..].Trim();
                }

                yield return argument.Trim('"');
                start = i + 1;
            }
        }
    }

    private static string Canonical(string test) =>
        FileLine().Replace(test.Trim(), "${file}", 1).Replace(" >> ", " › ", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<file>[^\s›]+\.[A-Za-z]+):\d+(?::\d+)?(?=\s+›|$)")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex NameWords();

    [GeneratedRegex(@"^internal:testid=\[[\w:-]+=(?<rest>.*)$")]
    private static partial Regex TestIdPart();
}
