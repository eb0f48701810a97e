using System.Numerics;
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
    /// <see cref="StripAnsi"/> on UTF-8 bytes into <paramref name="destination"/> (at least as long as the source).
    /// False when an escape is followed by a non-ASCII character, which the caller handles on the decoded text.
    /// </summary>
    public static bool TryStripAnsi(ReadOnlySpan<byte> text, Span<byte> destination, out int written)
    {
        written = 0;
        var i = 0;
        while (i < text.Length)
        {
            var esc = text[i..].IndexOf((byte)0x1B);
            if (esc < 0)
            {
                text[i..].CopyTo(destination[written..]);
                written += text.Length - i;
                return true;
            }

            text.Slice(i, esc).CopyTo(destination[written..]);
            written += esc;
            i += esc + 1;
            if (i >= text.Length)
            {
                return true;
            }

            var kind = text[i];
            if (kind >= 0x80)
            {
                return false;
            }

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
                while (i < text.Length && text[i] != 0x07 && !(text[i] == 0x1B && i + 1 < text.Length && text[i + 1] == '\\'))
                {
                    i++;
                }

                i += i < text.Length && text[i] == 0x1B ? 2 : 1;
            }
        }

        return true;
    }

    /// <summary>Length of a leading GitHub Actions timestamp (<c>2024-05-01T10:11:12.1234567Z </c>), or 0.</summary>
    public static int TimestampPrefixLength(string text) => TimestampPrefixLength<char>(text);

    /// <summary>The same on UTF-8 bytes (the prefix is ASCII, so byte and char positions agree).</summary>
    public static int TimestampPrefixLength(ReadOnlySpan<byte> text) => TimestampPrefixLength<byte>(text);

    private static int TimestampPrefixLength<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        // Only GitHub Actions' own prefix: yyyy-MM-ddTHH:mm:ss.fffffffZ and a space (seven fractional digits).
        // A server's timestamps (milliseconds) are kept: they tie server lines to the tests that ran then.
        const int length = 29;
        if (text.Length < length || At(text, 4) != '-' || At(text, 7) != '-' || At(text, 10) != 'T' || At(text, 13) != ':' || At(text, 16) != ':'
            || At(text, 19) != '.' || At(text, 27) != 'Z' || At(text, 28) != ' ')
        {
            return 0;
        }

        for (var k = 0; k < 27; k++)
        {
            if (k is 4 or 7 or 10 or 13 or 16 or 19)
            {
                continue;
            }

            if (!char.IsAsciiDigit(At(text, k)))
            {
                return 0;
            }
        }

        return length;
    }

    /// <summary>The unit at <paramref name="index"/> as a char (a byte above 0x7F never equals an ASCII char).</summary>
    private static char At<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T> => (char)ushort.CreateTruncating(text[index]);
}
