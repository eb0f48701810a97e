namespace Praxi.FixEngine.Tests;

/// <summary>Where fixtures and the repository live, seen from the test binary.</summary>
internal static class TestPaths
{
    public static string Fixtures(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Praxi.FixEngine.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Praxi.FixEngine.sln not found above the test binary.");
        }
    }

    /// <summary>The development corpus beside the repository (shared/corpus/logs); CI lays it there too.</summary>
    public static string SharedCorpusLogs
    {
        get
        {
            var candidates = new[]
            {
                Path.Combine(RepoRoot, "..", "shared", "corpus", "logs"),
                Path.Combine(RepoRoot, "..", "..", "shared", "corpus", "logs"),
            };
            return candidates.Select(Path.GetFullPath).FirstOrDefault(p => File.Exists(Path.Combine(p, "labels.json")))
                ?? throw new InvalidOperationException($"The shared corpus was not found beside {RepoRoot} (expected ../shared/corpus/logs).");
        }
    }

    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "praxi-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
