namespace Praxi.Testing;

/// <summary>
/// The development corpus of real logs, relocations and traces (<c>shared/corpus</c>), which lies beside the repository
/// (<c>../shared/corpus</c>; one level further up when the repository is checked out inside a folder of its own). It is
/// never copied into the repository.
/// </summary>
public static class SharedCorpus
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The corpus folder.</summary>
    /// <exception cref="InvalidOperationException">No <c>shared/corpus</c> lies beside the repository.</exception>
    public static string Root => Found.Value;

    /// <summary>The labelled CI logs (<c>logs/labels.json</c> and the logs it names).</summary>
    public static string Logs => Path.Combine(Root, "logs");

    /// <summary>The recorded relocations.</summary>
    public static string Relocation => Path.Combine(Root, "relocation");

    /// <summary>The recorded Playwright traces.</summary>
    public static string Traces => Path.Combine(Root, "traces");

    private static string Find()
    {
        string[] candidates =
        [
            Path.Combine(RepositoryRoot.Path, "..", "shared", "corpus"),
            Path.Combine(RepositoryRoot.Path, "..", "..", "shared", "corpus"),
        ];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException($"The shared corpus was not found beside {RepositoryRoot.Path} (expected ../shared/corpus).");
    }
}
