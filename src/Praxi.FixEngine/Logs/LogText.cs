using System.Text;

namespace Praxi.FixEngine.Logs;

/// <summary>Text clean-up shared by every reader: ANSI escape codes and CI line prefixes.</summary>
internal static class LogText
{
    /// <summary>Removes ANSI codes and a leading GitHub Actions / ISO-8601 timestamp.</summary>
    public static string Clean(string text)
    {
        if (text.Contains('\u001b', StringComparison.Ordinal))
        {
            text = StripAnsi(text);
        }

        var prefix = TimestampPrefixLength(text);
        return prefix > 0 ? text[prefix..] : text;
    }

    /// <summary>Removes CSI (<c>ESC[…X</c>), OSC (<c>ESC]…BEL</c>) and two-byte escape sequences.</summary>
    public static string StripAnsi(string text)
    {
        var first = text.IndexOf('\u001b', StringComparison.Ordinal);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        var i = first;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '\u001b')
            {
                sb.Append(c);
                i++;
                continue;
            }

            i++;
            if (i >= text.Length)
            {
                break;
            }

            var kind = text[i];
            i++;
            if (kind == '[')
            {
                while (i < text.Length && (text[i] < '@' || text[i] > '~'))
                {
                    i++;
                }

                i++;
            }
            else if (kind == ']')
            {
                while (i < text.Length && text[i] != '\u0007' && !(text[i] == '\u001b' && i + 1 < text.Length && text[i + 1] == '\\'))
                {
                    i++;
                }

                i += i < text.Length && text[i] == '\u001b' ? 2 : 1;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Length of a leading GitHub Actions timestamp (<c>2024-05-01T10:11:12.1234567Z </c>: seven fractional digits
    /// and Z), or 0. Other timestamps (a server's own, with milliseconds) are kept: they tie server lines to tests.
    /// </summary>
    public static int TimestampPrefixLength(string text)
    {
        const int length = 29; // yyyy-MM-ddTHH:mm:ss.fffffffZ + space
        if (text.Length < length || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || text[19] != '.' || text[27] != 'Z' || text[28] != ' ')
        {
            return 0;
        }

        for (var k = 0; k < 27; k++)
        {
            if (k is 4 or 7 or 10 or 13 or 16 or 19)
            {
                continue;
            }

            if (!char.IsAsciiDigit(text[k]))
            {
                return 0;
            }
        }

        return length;
    }
}
