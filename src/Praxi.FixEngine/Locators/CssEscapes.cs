using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// CSS escapes that change nothing: <c>\-</c>, <c>\_</c> and an escaped letter that is not a hex digit read the same
/// unescaped inside an identifier. Selenium escapes every non-alphanumeric character of <c>By.Id("add-to-cart")</c>
/// and sends and prints <c>#add\-to\-cart</c>; without the needless escapes the two spellings compare equal.
/// </summary>
internal static partial class CssEscapes
{
    /// <summary>The selector with its needless escapes removed; escapes that matter (<c>\.</c>, <c>\:</c>, hex) are kept.</summary>
    public static string WithoutNeedless(string css) => css.Contains('\\', StringComparison.Ordinal) ? Needless().Replace(css, "$1") : css;

    [GeneratedRegex(@"\\([-_g-zG-Z])")]
    private static partial Regex Needless();
}
