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

    private static string Canonical(string test) =>
        FileLine().Replace(test.Trim(), "${file}", 1).Replace(" >> ", " › ", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<file>[^\s›]+\.[A-Za-z]+):\d+(?::\d+)?(?=\s+›|$)")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"^internal:testid=\[[\w:-]+=(?<rest>.*)$")]
    private static partial Regex TestIdPart();
}
