namespace Praxi.Testing;

/// <summary>The repository the tests run from.</summary>
public static class RepositoryRoot
{
    private const string Solution = "Praxi.FixEngine.sln";

    /// <summary>The folder holding <c>Praxi.FixEngine.sln</c>, found by walking up from the test binary.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path under the repository root, from its parts (<c>"samples", "artifacts"</c>).</summary>
    /// <param name="parts">The path's parts below the root.</param>
    /// <returns>The full path; it need not exist.</returns>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, Solution)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"{Solution} not found above the test binary ({AppContext.BaseDirectory}).");
    }
}
