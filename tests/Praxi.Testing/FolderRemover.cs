namespace Praxi.Testing;

/// <summary>
/// Removes a folder tree without ever throwing. Symbolic links are removed as links (never followed: a node_modules link
/// must not empty the folder it points to). Read-only entries are made writable and the removal retried, since git's
/// objects are read-only and Windows refuses to delete read-only files; files other processes still hold open get a few
/// retries. Worktrees inside the tree whose repository lies outside it are pruned from that repository afterwards, so it
/// does not list worktrees that no longer exist.
/// </summary>
internal static class FolderRemover
{
    private const int Attempts = 5;

    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Removes <paramref name="path"/> and everything under it.</summary>
    /// <param name="path">The folder.</param>
    /// <returns>True when the folder is gone.</returns>
    public static bool Remove(string path)
    {
        try
        {
            if (!Directory.Exists(path))
            {
                return true;
            }

            var outsideRepositories = WorktreeRepositoriesOutside(path);
            var gone = Delete(path);
            foreach (var repository in outsideRepositories)
            {
                GitRunner.Run(repository, "--git-dir=" + repository, "worktree", "prune");
            }

            return gone;
        }
#pragma warning disable CA1031 // A cleanup that throws would fail a test that passed, or crash the exit handler.
        catch (Exception)
#pragma warning restore CA1031
        {
            return !Directory.Exists(path);
        }
    }

    /// <summary>Makes every folder under <paramref name="path"/> writable and searchable, and every file not read-only.</summary>
    internal static void MakeWritable(string path)
    {
        var root = new DirectoryInfo(path);
        MakeWritable(root);
        foreach (var entry in root.EnumerateFileSystemInfos("*", Walk))
        {
            MakeWritable(entry);
        }
    }

    private static bool Delete(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return true;
            }
            catch (DirectoryNotFoundException)
            {
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < Attempts)
            {
                MakeWritable(path);
                Thread.Sleep(50 * attempt);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    private static void MakeWritable(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo && !OperatingSystem.IsWindows())
            {
                entry.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            }
            else if (entry.Attributes.HasFlag(FileAttributes.ReadOnly))
            {
                entry.Attributes &= ~FileAttributes.ReadOnly;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// The repositories outside <paramref name="path"/> that have worktrees inside it: a worktree's <c>.git</c> is a file
    /// naming <c>&lt;repository&gt;/.git/worktrees/&lt;name&gt;</c>.
    /// </summary>
    private static List<string> WorktreeRepositoriesOutside(string path)
    {
        var inside = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
        var repositories = new List<string>();
        foreach (var file in Directory.EnumerateFiles(path, ".git", Walk))
        {
            var line = File.ReadLines(file).FirstOrDefault() ?? "";
            if (!line.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                continue;
            }

            var gitDir = Path.GetFullPath(line["gitdir:".Length..].Trim(), Path.GetDirectoryName(file)!);
            var worktrees = Path.GetDirectoryName(gitDir);
            if (Path.GetFileName(worktrees) != "worktrees" || Path.GetDirectoryName(worktrees) is not { } commonDir)
            {
                continue;
            }

            if (!commonDir.StartsWith(inside, StringComparison.Ordinal) && Directory.Exists(commonDir) && !repositories.Contains(commonDir))
            {
                repositories.Add(commonDir);
            }
        }

        return repositories;
    }
}
