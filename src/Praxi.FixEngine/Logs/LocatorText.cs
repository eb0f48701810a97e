using System.Text.RegularExpressions;
using Praxi.FixEngine.Analysis;

namespace Praxi.FixEngine.Logs;

/// <summary>Plain selectors out of locator expressions as runners print them.</summary>
internal static partial class LocatorText
{
    /// <summary>The selector string of a single <c>locator('…')</c> / <c>Locator("…")</c> call, or a bare selector; else null.</summary>
    public static string? PlainSelector(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return null;
        }

        var m = SingleLocatorCall().Match(expression.Trim());
        if (m.Success)
        {
            return m.Groups["sel"].Value.Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        return expression.Contains('(', StringComparison.Ordinal) ? null : expression.Trim();
    }

    /// <summary>The language-neutral locator of an expression.</summary>
    public static LocatorSpec ToSpec(string expression)
    {
        var plain = PlainSelector(expression);
        return plain is not null
            ? new LocatorSpec { By = plain.StartsWith("//", StringComparison.Ordinal) || plain.StartsWith("xpath=", StringComparison.Ordinal) ? "xpath" : "css", Value = plain }
            : new LocatorSpec { By = "selector", Value = expression };
    }

    [GeneratedRegex("""^(page\.)?[Ll]ocator\((?<q>['"`])(?<sel>(?:\\.|(?!\k<q>).)*)\k<q>\)$""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SingleLocatorCall();
}
