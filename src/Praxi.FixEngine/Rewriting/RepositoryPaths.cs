using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Rewriting;

/// <summary>
/// Maps a path from a CI log to a repository-relative one. Runners print absolute paths of the CI machine
/// (<c>/home/runner/work/app/app/e2e/login.spec.ts</c>, <c>D:\a\app\tests\LoginTests.cs</c>) or paths relative
/// to their test folder (<c>login.spec.ts</c>); the file is the repository file sharing the longest run of
/// trailing path segments with it, when exactly one does. Ordinal first, then ignoring case (Windows agents).
/// </summary>
internal sealed class RepositoryPaths(SourceRepository repository)
{
    private List<string[]>? _files;

    public PathResolution Resolve(string original)
    {
        var path = original.Trim().Replace('\\', '/');
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            path = path["file://".Length..];
        }

        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        if (segments.Length == 0)
        {
            return new PathResolution(original, null, "the instruction names no file");
        }

        var relative = string.Join('/', segments);
        if (!Path.IsPathRooted(path) && !segments.Contains("..") && !(segments[0].Length == 2 && segments[0][1] == ':')
            && repository.Resolve(relative) is { } full && File.Exists(full))
        {
            return new PathResolution(original, relative);
        }

        _files ??= [.. repository.Files().Select(f => f.Split('/'))];
        return Match(original, segments, StringComparison.Ordinal) ?? Match(original, segments, StringComparison.OrdinalIgnoreCase)
            ?? new PathResolution(original, null, $"no file in the repository ends with '{segments[^1]}' along the path '{original}'");
    }

    private PathResolution? Match(string original, string[] segments, StringComparison comparison)
    {
        var best = 0;
        var found = new List<string[]>();
        foreach (var file in _files!)
        {
            var k = 0;
            while (k < file.Length && k < segments.Length && string.Equals(file[^(k + 1)], segments[^(k + 1)], comparison))
            {
                k++;
            }

            // Either the whole repository path is a tail of the CI path, or the whole CI path is a tail of the repository path.
            if (k == 0 || k != file.Length && k != segments.Length)
            {
                continue;
            }

            if (k > best)
            {
                best = k;
                found.Clear();
            }

            if (k == best)
            {
                found.Add(file);
            }
        }

        return found.Count switch
        {
            0 => null,
            1 => new PathResolution(original, string.Join('/', found[0])),
            _ => new PathResolution(original, null, $"'{original}' matches several repository files: {string.Join(", ", found.Take(5).Select(f => string.Join('/', f)))}"),
        };
    }
}
