using System.Text.RegularExpressions;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// A JavaScript regular expression from a selector (<c>/^log/i</c>) as a .NET <see cref="Regex"/>. The syntax the two
/// share (classes, groups, named groups, anchors, quantifiers) means the same; <c>i</c>, <c>m</c>, <c>s</c> map to
/// their options, <c>g</c>, <c>y</c>, <c>u</c>, <c>d</c>, <c>v</c> change nothing for a single test.
/// </summary>
internal static class JsRegex
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static Regex Create(string pattern, string flags)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in flags)
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                _ => RegexOptions.None,
            };
        }

        try
        {
            return new Regex(pattern, options, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new FixEngineException($"The regular expression /{SelectorParser.Shorten(pattern)}/{flags} in the selector is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>A regex test that treats a pathological pattern (timeout) as no match rather than a crash.</summary>
    public static bool IsMatchSafe(this Regex regex, ReadOnlySpan<char> input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
