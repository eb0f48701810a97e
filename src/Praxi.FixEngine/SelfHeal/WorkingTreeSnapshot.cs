using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Praxi.FixEngine.SelfHeal;

/// <summary>
/// The state of a repository's working tree, to prove a heal changed no code. In a git checkout: every path
/// <c>git status --porcelain=v1 -z --untracked-files=all</c> lists, with its status and a hash of its content (so a file
/// already dirty that an action changes again is caught; git-ignored paths are not seen). Elsewhere: a hash of every
/// file under the root except <c>.git</c>, <c>bin</c>, <c>obj</c>, <c>node_modules</c>. In both, the ignored paths
/// (praxi's output folder, the test runners' result files) are left out.
/// </summary>
internal sealed class WorkingTreeSnapshot
{
    /// <summary>Snapshot taken with git.</summary>
    public const string GitMethod = "git";

    /// <summary>Snapshot of every file's content.</summary>
    public const string FilesMethod = "files";

    private static readonly string[] SkippedFolders = [".git", "bin", "obj", "node_modules"];

    private WorkingTreeSnapshot(string method, IReadOnlyDictionary<string, string> entries, int dirty)
    {
        Method = method;
        Entries = entries;
        Dirty = dirty;
    }

    /// <summary><see cref="GitMethod"/> or <see cref="FilesMethod"/>.</summary>
    public string Method { get; }

    /// <summary>Path (relative to the repository, '/') → status and content hash.</summary>
    public IReadOnlyDictionary<string, string> Entries { get; }

    /// <summary>Files git reports as changed or untracked before anything ran (0 for <see cref="FilesMethod"/>).</summary>
    public int Dirty { get; }

    /// <summary><c>clean</c> or <c>dirty (n files)</c>.</summary>
    public string Describe() => Method == FilesMethod ? $"not a git checkout ({Entries.Count} files hashed)" : Dirty == 0 ? "clean" : $"dirty ({Dirty} files)";

    /// <summary>Takes a snapshot of <paramref name="repositoryRoot"/>.</summary>
    /// <param name="repositoryRoot">The repository.</param>
    /// <param name="ignored">Absolute paths (files or folders) whose changes do not count.</param>
    /// <param name="cancellationToken">Cancels hashing.</param>
    /// <returns>The snapshot.</returns>
    public static async Task<WorkingTreeSnapshot> TakeAsync(string repositoryRoot, IReadOnlyList<string> ignored, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var top = (await GitAsync(root, ["rev-parse", "--show-toplevel"], cancellationToken).ConfigureAwait(false))?.Trim();
        if (string.IsNullOrEmpty(top))
        {
            return HashAll(root, ignored, cancellationToken);
        }

        var status = await GitAsync(root, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."], cancellationToken).ConfigureAwait(false)
            ?? throw new FixEngineException($"git status failed in '{root}'; the working tree cannot be verified, so self-heal does not run.");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = status.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length < 4)
            {
                continue;
            }

            var code = part[..2];
            var full = Path.GetFullPath(Path.Combine(top, part[3..]));
            if (code[0] is 'R' or 'C' && i + 1 < parts.Length)
            {
                i++;
                Add(entries, root, Path.GetFullPath(Path.Combine(top, parts[i])), "renamed-from", ignored);
            }

            Add(entries, root, full, code, ignored);
        }

        return new WorkingTreeSnapshot(GitMethod, entries, entries.Count);
    }

    /// <summary>Paths whose status or content differs between two snapshots, sorted.</summary>
    public IReadOnlyList<string> ChangedSince(WorkingTreeSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return [.. Entries.Keys.Union(before.Entries.Keys)
            .Where(k => !Entries.TryGetValue(k, out var now) || !before.Entries.TryGetValue(k, out var then) || now != then)
            .Order(StringComparer.Ordinal)];
    }

    private static WorkingTreeSnapshot HashAll(string root, IReadOnlyList<string> ignored, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.Ordinal) && !IsIgnored(sub, ignored)
                    && !new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir))
            {
                Add(entries, root, file, "file", ignored);
            }
        }

        return new WorkingTreeSnapshot(FilesMethod, entries, 0);
    }

    private static void Add(Dictionary<string, string> entries, string root, string full, string code, IReadOnlyList<string> ignored)
    {
        if (IsIgnored(full, ignored))
        {
            return;
        }

        entries[Path.GetRelativePath(root, full).Replace('\\', '/')] = $"{code}:{Hash(full)}";
    }

    private static bool IsIgnored(string full, IReadOnlyList<string> ignored) =>
        ignored.Any(i => string.Equals(full, i, StringComparison.Ordinal)
            || full.StartsWith(i.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static string Hash(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return "absent";
            }

            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    /// <summary>Runs git with an argument list; its whole standard output, or null when git is missing or fails.</summary>
    private static async Task<string?> GitAsync(string dir, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = dir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // Status must not refresh the index under a lock: another git command in the repository would fail.
        info.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var text = await stdout.ConfigureAwait(false);
            await stderr.ConfigureAwait(false);
            return process.ExitCode == 0 ? text : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
