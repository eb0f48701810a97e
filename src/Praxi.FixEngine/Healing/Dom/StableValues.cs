using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// Tells values a healed locator may rely on from those a build or a test run regenerates: framework ids
/// (<c>ember123</c>, <c>:r5:</c>, <c>j_idt42</c>), hashed CSS-in-JS classes (<c>css-1x2y3z</c>, <c>sc-bdVaJa</c>,
/// <c>Button_root__3kPq1</c>), GUIDs, long digit runs (record numbers), and texts too long or empty to be a name.
/// </summary>
internal static partial class StableValues
{
    /// <summary>Longer texts are not used as names: they change with copy edits and read badly in a test.</summary>
    public const int MaxTextLength = 80;

    /// <summary>True for an id, class or test id a locator can keep using.</summary>
    public static bool IsStableToken(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 48 || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        if (Guid().IsMatch(value) || DigitRun().IsMatch(value) || GeneratedPrefix().IsMatch(value) || HexRun().IsMatch(value))
        {
            return false;
        }

        foreach (var segment in value.Split(['-', '_', ':', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (LooksRandom(segment))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a text or accessible name worth matching: not empty, at most <see cref="MaxTextLength"/> characters.</summary>
    public static bool IsUsableText(string? normalized) =>
        !string.IsNullOrEmpty(normalized) && normalized.Length <= MaxTextLength;

    /// <summary>
    /// Letters and digits interleaved (<c>1x2y3z</c>, <c>3kPq1</c> — a trailing number like <c>base64</c> is fine) or a
    /// case pattern no word has (<c>bdVaJa</c>).
    /// </summary>
    private static bool LooksRandom(string segment)
    {
        if (segment.Length < 5)
        {
            return false;
        }

        var digits = segment.Count(char.IsAsciiDigit);
        var letters = segment.Count(char.IsAsciiLetter);
        var transitions = 0;
        var caseFlips = 0;
        for (var i = 1; i < segment.Length; i++)
        {
            if (char.IsAsciiDigit(segment[i]) != char.IsAsciiDigit(segment[i - 1]))
            {
                transitions++;
            }

            if (char.IsAsciiLetterUpper(segment[i]) && char.IsAsciiLetterLower(segment[i - 1]))
            {
                caseFlips++;
            }
        }

        // Interleaved digits and letters (a hash), or several lower→upper flips in a short token (bdVaJa, kEmQWr).
        return (digits >= 2 && letters >= 1 && transitions >= 2) || (segment.Length <= 8 && caseFlips >= 2);
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")]
    private static partial Regex Guid();

    [GeneratedRegex("[0-9]{3,}")]
    private static partial Regex DigitRun();

    [GeneratedRegex("(?<![a-zA-Z])(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{6,}(?![a-zA-Z])")]
    private static partial Regex HexRun();

    [GeneratedRegex("^(ember|ext-gen|ext-comp|yui_|ui-id-|react-select-|mui-|radix-|headlessui-|j_idt|__BVID__|jss|css-|sc-|makeStyles-|:r|«r|vaadin-|gwt-uid-|select2-)", RegexOptions.IgnoreCase)]
    private static partial Regex GeneratedPrefix();
}
