using Praxi.FixEngine.Cli.Tests;

namespace Praxi.Workflows.Tests;

/// <summary>The repository seen from the test binary: its root and the GitHub Actions files under <c>.github/</c>.</summary>
internal static class RepoFiles
{
    /// <summary>The repository root (the folder of Praxi.FixEngine.sln above the test binary).</summary>
    public static string Root => CliTestRepo.Root;

    /// <summary>Every workflow under <c>.github/workflows</c>, as repository-relative paths with <c>/</c>.</summary>
    public static IReadOnlyList<string> Workflows => List(".github/workflows", "*.yml", "*.yaml");

    /// <summary>Every action metadata file under <c>.github/actions</c>.</summary>
    public static IReadOnlyList<string> Actions => List(".github/actions", "action.yml", "action.yaml");

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    private static List<string> List(string folder, params string[] patterns)
    {
        var dir = Path.Combine(Root, folder);
        return patterns
            .SelectMany(p => Directory.EnumerateFiles(dir, p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
