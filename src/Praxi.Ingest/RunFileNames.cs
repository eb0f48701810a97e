using System.Text;
using Praxi.FixEngine;

namespace Praxi.Ingest;

/// <summary>
/// The names a run's files may have: relative paths that stay inside the run's folder on every platform. Refused:
/// empty names, absolute and rooted paths (<c>/x</c>, <c>C:x</c>, <c>\\server\x</c>), <c>.</c> and <c>..</c>
/// segments, backslashes, colons (drive letters, alternate data streams), control characters and NUL, invisible format
/// characters (right-to-left overrides, zero-width spaces), percent-encoded
/// dots and separators (<c>%2e</c>, <c>%2f</c>, <c>%5c</c>), Windows device names (<c>CON</c>, <c>nul.txt</c>,
/// <c>COM1</c>), segments ending in a dot or a space, segments over 255 bytes and names over 1,024 bytes.
/// </summary>
public static class RunFileNames
{
    /// <summary>The longest name, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 1024;

    /// <summary>The longest segment, in UTF-8 bytes (what common file systems allow).</summary>
    public const int MaxSegmentBytes = 255;

    private static readonly HashSet<string> Devices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>Null when <paramref name="name"/> is a safe relative name, else what is wrong with it.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "must not be empty";
        }

        if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            return $"longer than {MaxNameBytes} bytes";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return "contains a control character";
            }

            // Bidirectional overrides, zero-width and other format characters make a name read differently on screen.
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return "contains an invisible format character";
            }

            if (c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                return $"contains '{c}'";
            }

            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "contains an unpaired surrogate";
            }
        }

        if (name.Contains('%', StringComparison.Ordinal) && (name.Contains("%2e", StringComparison.OrdinalIgnoreCase)
            || name.Contains("%2f", StringComparison.OrdinalIgnoreCase) || name.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || name.Contains("%00", StringComparison.Ordinal) || name.Contains("%25", StringComparison.Ordinal)))
        {
            return "contains a percent-encoded dot, separator or NUL";
        }

        if (name[0] == '/' || name[0] == '~')
        {
            return "must be relative";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "has an empty segment";
            }

            if (segment is "." or "..")
            {
                return $"has a '{segment}' segment";
            }

            if (segment[^1] is '.' or ' ')
            {
                return "has a segment ending in a dot or a space";
            }

            if (segment[0] == ' ')
            {
                return "has a segment starting with a space";
            }

            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return $"has a segment longer than {MaxSegmentBytes} bytes";
            }

            var stem = segment.Split('.')[0].TrimEnd(' ');
            if (Devices.Contains(stem))
            {
                return $"names the device '{stem}'";
            }
        }

        return null;
    }

    /// <summary>
    /// The full path of <paramref name="name"/> under <paramref name="folder"/>, after checking again that it resolves
    /// inside it; throws when the name is unsafe (callers check <see cref="Problem"/> first and answer 400).
    /// </summary>
    /// <exception cref="FixEngineException">The name is not a safe relative name, or resolves outside the folder.</exception>
    public static string Resolve(string folder, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (Problem(name) is { } problem)
        {
            throw new FixEngineException($"The file name is refused: it {problem}.");
        }

        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar)));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new FixEngineException("The file name is refused: it resolves outside the run's folder.");
        }

        return full;
    }
}
