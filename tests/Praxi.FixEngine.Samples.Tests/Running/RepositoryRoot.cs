namespace Praxi.FixEngine.Samples.Tests.Running;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Praxi.FixEngine.sln, found by walking up from the test assembly.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Praxi.FixEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Praxi.FixEngine.sln above {AppContext.BaseDirectory}.");
    }
}
