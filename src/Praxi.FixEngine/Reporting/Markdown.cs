using System.Text;

namespace Praxi.FixEngine.Reporting;

/// <summary>
/// Markdown for text we do not control (log lines, test titles, selectors, file names): it only ever appears
/// inside code spans, where GitHub renders no HTML, no mentions, no links and no emphasis. The span's fence is
/// one backtick longer than the longest run inside, so a backtick in the text cannot close it; newlines and
/// control characters become spaces so the span cannot end a paragraph.
/// </summary>
internal static class Markdown
{
    public const int MaxLength = 300;

    public static string Code(string? text)
    {
        var clean = OneLine(text, MaxLength);
        if (clean.Length == 0)
        {
            return "*(empty)*";
        }

        var longest = 0;
        var run = 0;
        foreach (var c in clean)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = clean.StartsWith('`') || clean.EndsWith('`') || clean.StartsWith(' ') && clean.EndsWith(' ') ? " " : string.Empty;
        return fence + pad + clean + pad + fence;
    }

    /// <summary>One line of plain text: control characters and line breaks become spaces, runs of spaces collapse, long text is cut with '…'.</summary>
    public static string OneLine(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(Math.Min(text.Length, max + 1));
        var space = false;
        foreach (var c in text)
        {
            var ch = char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200B' or '\uFEFF' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? ' ' : c;
            if (ch == ' ')
            {
                if (space)
                {
                    continue;
                }

                space = true;
            }
            else
            {
                space = false;
            }

            sb.Append(ch);
        }

        var line = sb.ToString().Trim();
        if (line.Length > max)
        {
            var cut = max - 1;
            if (char.IsLowSurrogate(line[cut]))
            {
                cut--;
            }

            line = line[..cut] + "…";
        }

        return line;
    }
}
