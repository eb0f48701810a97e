namespace Praxi.Testing;

/// <summary>
/// A new empty folder under this test process's temp root (<see cref="TempRoot"/>) that removes itself, whatever it
/// holds, when disposed. A folder that is never disposed is removed with the root when the process exits, so a test
/// that forgets leaves nothing behind either. Removing never throws: git's read-only objects, worktrees of repositories
/// outside the folder, symbolic links (only the link goes, never what it points to) and files still open are handled.
/// </summary>
public sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Path = path;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Makes a new empty folder.</summary>
    /// <param name="name">A short word that says what the folder is for; it starts the folder's name.</param>
    /// <returns>The folder.</returns>
    public static TempFolder Create(string name = "t")
    {
        var path = System.IO.Path.Combine(TempRoot.Path, UniqueName(name));
        Directory.CreateDirectory(path);
        return new TempFolder(path);
    }

    /// <summary>A path inside the folder, from its parts; it need not exist.</summary>
    /// <param name="parts">The path's parts below the folder.</param>
    /// <returns>The full path.</returns>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Makes a new empty folder inside this one, for a helper that needs a fresh folder each time it is called.</summary>
    /// <param name="name">A short word that starts the subfolder's name.</param>
    /// <returns>The subfolder's full path.</returns>
    public string Subfolder(string name = "t") => Directory.CreateDirectory(Combine(UniqueName(name))).FullName;

    /// <summary>Removes the folder and everything in it; what cannot go now goes when the process exits.</summary>
    public void Dispose() => FolderRemover.Remove(Path);

    /// <summary>The folder's full path.</summary>
    /// <returns><see cref="Path"/>.</returns>
    public override string ToString() => Path;

    private static string UniqueName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return $"{name}-{Guid.NewGuid().ToString("N")[..12]}";
    }
}
