namespace Praxi.FixEngine.Guardrails;

/// <summary>
/// A path glob over repository-relative paths with '/' separators, matched segment by segment (no regex):
/// <c>**</c> as a whole segment matches zero or more segments, <c>*</c> any run of characters inside one
/// segment, <c>?</c> one character inside one segment; everything else is literal. A pattern without '/'
/// matches the file name at any depth (<c>*.lock</c> = <c>**/*.lock</c>), as in <c>.gitignore</c>.
/// Matching is ordinal and case-sensitive unless the caller asks otherwise (denials match ignoring case so
/// that <c>.GitHub/</c> on a case-insensitive file system cannot slip past <c>.github/**</c>).
/// </summary>
internal sealed class GlobPattern
{
    private readonly string[] _segments;

    private GlobPattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Why <paramref name="pattern"/> is not a usable glob, or null when it is.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "a glob must not be empty";
        }

        if (pattern.StartsWith('/') || pattern.Contains('\\', StringComparison.Ordinal) || pattern.Any(char.IsControl))
        {
            return $"glob '{pattern}' must be repository-relative with '/' separators (no leading '/', no '\\', no control characters)";
        }

        if (pattern.Split('/').Any(s => s.Length == 0 || s is "." or ".."))
        {
            return $"glob '{pattern}' has an empty, '.' or '..' segment";
        }

        if (pattern.Split('/').Any(s => s.Contains("**", StringComparison.Ordinal) && s != "**"))
        {
            return $"glob '{pattern}': '**' must be a whole segment (write '**/*.ts', not '**.ts')";
        }

        return null;
    }

    /// <summary>Parses a pattern already checked with <see cref="Problem"/>.</summary>
    public static GlobPattern Parse(string pattern)
    {
        var problem = Problem(pattern);
        if (problem is not null)
        {
            throw new FixEngineException(problem);
        }

        var segments = pattern.Split('/');
        if (segments.Length == 1)
        {
            segments = ["**", segments[0]];
        }

        return new GlobPattern(pattern, segments);
    }

    /// <summary>True when the repository-relative <paramref name="path"/> matches.</summary>
    public bool IsMatch(string path, bool ignoreCase = false)
    {
        var parts = path.Split('/');
        return MatchSegments(_segments, 0, parts, 0, ignoreCase);
    }

    public override string ToString() => Text;

    private static bool MatchSegments(string[] pattern, int pi, string[] parts, int si, bool ignoreCase)
    {
        while (pi < pattern.Length)
        {
            if (pattern[pi] == "**")
            {
                // Collapse runs of '**'; then try every split point (few segments, so this stays cheap).
                while (pi + 1 < pattern.Length && pattern[pi + 1] == "**")
                {
                    pi++;
                }

                if (pi == pattern.Length - 1)
                {
                    return true;
                }

                for (var k = si; k <= parts.Length; k++)
                {
                    if (MatchSegments(pattern, pi + 1, parts, k, ignoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (si >= parts.Length || !MatchSegment(pattern[pi], parts[si], ignoreCase))
            {
                return false;
            }

            pi++;
            si++;
        }

        return si == parts.Length;
    }

    /// <summary>'*' and '?' inside one segment: the classic two-pointer match with one backtrack point.</summary>
    private static bool MatchSegment(string pattern, string text, bool ignoreCase)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t], ignoreCase)) && pattern[p] != '*')
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
