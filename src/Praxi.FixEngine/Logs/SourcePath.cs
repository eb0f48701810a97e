using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Logs;

/// <summary>Path clean-up shared by the parsers: forward slashes, and absolute paths made relative to a known root.</summary>
internal static partial class SourcePath
{
    /// <summary>
    /// <paramref name="path"/> relative to the first root that contains it (forward slashes); the path as given
    /// (slashes normalised) when it is relative already or under none of the roots.
    /// </summary>
    public static string Relativize(string path, params ReadOnlySpan<string?> roots)
    {
        var p = path.Replace('\\', '/');
        if (!IsAbsolute(p))
        {
            return p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p;
        }

        foreach (var root in roots)
        {
            if (string.IsNullOrEmpty(root))
            {
                continue;
            }

            var r = root.Replace('\\', '/').TrimEnd('/') + "/";
            var comparison = r.Length > 1 && r[1] == ':' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (p.StartsWith(r, comparison))
            {
                return p[r.Length..];
            }
        }

        return StripCiWorkspace(p);
    }

    /// <summary>The folder of <paramref name="source"/> as a prefix (<c>playwright-report/</c>), empty at the analysed folder's root.</summary>
    public static string FolderPrefix(string source) =>
        Directory(source) is { Length: > 0 } dir && dir != "." ? dir.TrimEnd('/') + "/" : string.Empty;

    /// <summary>
    /// <paramref name="path"/>, written relative to a report, as a path under <paramref name="folderPrefix"/>; null when
    /// it would leave the report's folder (rooted, or with a <c>..</c> step).
    /// </summary>
    public static string? UnderFolder(string folderPrefix, string path)
    {
        var p = path.Replace('\\', '/');
        return IsAbsolute(p) || p.Split('/').Contains("..") ? null : folderPrefix + p;
    }

    /// <summary>
    /// The folder a test's artifact sits in (<c>test-results/&lt;folder&gt;/trace.zip</c>): Playwright's runner names it after
    /// the test, so it names a failure when the artifact does not. The source itself when it has no folder.
    /// </summary>
    public static string TestFolder(string source)
    {
        var parts = source.Split('/');
        return parts.Length >= 2 ? parts[^2] : source;
    }

    /// <summary>The directory part of a path (forward slashes), or null.</summary>
    public static string? Directory(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var p = path.Replace('\\', '/');
        var slash = p.LastIndexOf('/');
        return slash > 0 ? p[..slash] : null;
    }

    /// <summary>True for <c>/x</c>, <c>C:/x</c> and <c>//server/x</c>.</summary>
    public static bool IsAbsolute(string path) =>
        path.StartsWith('/') || (path.Length > 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '/' or '\\');

    /// <summary>
    /// Removes a CI checkout prefix (GitHub <c>/home/runner/work/repo/repo/</c>, <c>D:\a\repo\repo\</c>,
    /// <c>/github/workspace/</c>, GitLab <c>/builds/group/project/</c>) so the path is relative to the repository.
    /// </summary>
    public static string StripCiWorkspace(string path)
    {
        var p = path.Replace('\\', '/');
        var m = CiWorkspace().Match(p);
        return m.Success ? p[m.Length..] : p;
    }

    [GeneratedRegex("""^(?:/home/runner/work/(?<r>[^/]+)/\k<r>/|[A-Za-z]:/a/(?<w>[^/]+)/\k<w>/|/github/workspace/|/builds/[^/]+/[^/]+/|/__w/(?<c>[^/]+)/\k<c>/)""")]
    private static partial Regex CiWorkspace();
}
