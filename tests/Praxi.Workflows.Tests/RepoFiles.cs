namespace Praxi.Workflows.Tests;

/// <summary>The GitHub Actions files under the repository's <c>.github/</c>.</summary>
internal static class RepoFiles
{
    /// <summary>Every workflow under <c>.github/workflows</c>, as repository-relative paths with <c>/</c>.</summary>
    public static IReadOnlyList<string> Workflows => List(".github/workflows", "*.yml", "*.yaml");

    /// <summary>Every action metadata file under <c>.github/actions</c>.</summary>
    public static IReadOnlyList<string> Actions => List(".github/actions", "action.yml", "action.yaml");

    public static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, relative));

    private static List<string> List(string folder, params string[] patterns)
    {
        var dir = Path.Combine(RepositoryRoot.Path, folder);
        return patterns
            .SelectMany(p => Directory.EnumerateFiles(dir, p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
