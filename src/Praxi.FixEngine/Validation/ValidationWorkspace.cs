using System.Text;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Validation;

/// <summary>
/// A temporary copy of the repository to patch and test, so the user's checkout is never touched. Inside a git checkout
/// it is a detached <c>git worktree</c> of <c>git stash create</c> (the uncommitted tracked changes, without touching the
/// user's tree or stash list) or of HEAD when the tree is clean, with the repository root's subfolder kept; otherwise a
/// copy of the tree. Every <c>node_modules</c> folder of the user's tree (the runners' and those of nested npm projects a
/// build restores, such as <c>src/App/node_modules</c>) is a symbolic link to the user's, so nothing reinstalls packages or
/// rewrites a <c>package-lock.json</c>. Disposing removes the
/// copy (<c>git worktree remove --force</c> and <c>prune</c>) unless it is kept for debugging.
/// </summary>
internal sealed partial class ValidationWorkspace : IAsyncDisposable
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(5);
    private static readonly string[] SkippedInCopy = [".git", "bin", "obj", "node_modules", "test-results"];
    private readonly List<string> _links = [];
    private readonly string? _gitTop;
    private readonly bool _keep;

    private ValidationWorkspace(string folder, string root, string? gitTop, string prefix, bool keep)
    {
        Folder = folder;
        Root = root;
        _gitTop = gitTop;
        Prefix = prefix;
        _keep = keep;
    }

    /// <summary>The temporary folder holding the copy (and the patch file).</summary>
    public string Folder { get; }

    /// <summary>The repository root inside the copy.</summary>
    public string Root { get; }

    /// <summary>The repository root relative to the git top level (<c>samples/</c>), empty at the top or for a plain copy.</summary>
    public string Prefix { get; }

    /// <summary>True when the copy is a git worktree.</summary>
    public bool IsWorktree => _gitTop is not null;

    /// <summary>Makes the copy.</summary>
    /// <param name="repositoryRoot">The user's repository root.</param>
    /// <param name="linkFolders">Folders relative to the root whose <c>node_modules</c> the copy should share (runners' cwd), besides every one found in the tree.</param>
    /// <param name="keep">Leave the copy in place when disposed.</param>
    /// <param name="cancellationToken">Stops the git commands.</param>
    /// <returns>The workspace.</returns>
    /// <exception cref="FixEngineException">git could not create the worktree.</exception>
    public static async Task<ValidationWorkspace> CreateAsync(string repositoryRoot, IReadOnlyList<string> linkFolders, bool keep, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(repositoryRoot);
        var folder = Path.Combine(Path.GetTempPath(), "praxi-validate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "repo");
        ValidationWorkspace? workspace = null;
        try
        {
            var (top, prefix, commit) = await GitSourceAsync(source, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (top is not null && commit is not null)
            {
                var add = await GitAsync(top, cancellationToken, "worktree", "add", "--detach", copy, commit).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (!add.Succeeded)
                {
                    throw new FixEngineException($"validation: 'git worktree add' failed in '{top}' ({add.Describe()}): {LastLine(add.OutputTail)}");
                }

                workspace = new ValidationWorkspace(folder, Path.Combine(copy, prefix), top, prefix, keep);
            }
            else
            {
                CopyTree(source, copy);
                workspace = new ValidationWorkspace(folder, copy, null, string.Empty, keep);
            }

            foreach (var cwd in linkFolders.Append(".").Concat(NodeModulesParents(source, ".")).Distinct(StringComparer.Ordinal))
            {
                workspace.LinkNodeModules(source, cwd);
            }

            return workspace;
        }
        catch
        {
            if (workspace is not null)
            {
                await workspace.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                TryDelete(folder);
            }

            throw;
        }
    }

    /// <summary>Applies a unified diff (paths relative to the repository root) with real <c>git apply</c>.</summary>
    /// <param name="patch">The diff.</param>
    /// <param name="cancellationToken">Stops git.</param>
    /// <returns>Null when it applied, else git's complaint.</returns>
    public async Task<string?> ApplyAsync(string patch, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Folder, "patch.diff");
        await File.WriteAllBytesAsync(file, new UTF8Encoding(false).GetBytes(patch), cancellationToken).ConfigureAwait(false);
        string[] args = IsWorktree && Prefix.Length > 0
            ? ["apply", "--directory=" + Prefix.TrimEnd('/'), file]
            : ["apply", file];
        var cwd = IsWorktree ? Path.Combine(Folder, "repo") : Root;

        // A plain copy must not be taken for part of a repository the temp folder happens to sit in: git apply would
        // then read the paths from that repository's top and skip every file outside the copy.
        var ceiling = IsWorktree ? null : Folder;
        var outcome = await GitAsync(cwd, ceiling, args, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? null : $"git apply: {outcome.Describe()}: {LastLine(outcome.OutputTail)}";
    }

    /// <summary>The text of a file of the copy, or null when it does not exist.</summary>
    public string? Read(string relativePath)
    {
        var full = Path.Combine(Root, relativePath);
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            return;
        }

        // The links go first, so nothing that removes the copy can reach through them into the user's folders.
        foreach (var link in _links)
        {
            try
            {
                Directory.Delete(link);
            }
            catch (IOException)
            {
                // Already gone.
            }
        }

        if (_gitTop is not null)
        {
            await GitAsync(_gitTop, CancellationToken.None, "worktree", "remove", "--force", Path.Combine(Folder, "repo")).ConfigureAwait(false);
            TryDelete(Folder);
            await GitAsync(_gitTop, CancellationToken.None, "worktree", "prune").ConfigureAwait(false);
        }
        else
        {
            TryDelete(Folder);
        }
    }

    /// <summary>The git top level, the root's prefix and the commit to check out; nulls outside git or without a commit.</summary>
    private static async Task<(string? Top, string Prefix, string? Commit)> GitSourceAsync(string source, CancellationToken cancellationToken)
    {
        var inside = await GitAsync(source, cancellationToken, "rev-parse", "--show-toplevel", "--show-prefix").ConfigureAwait(false);
        if (!inside.Succeeded)
        {
            return (null, string.Empty, null);
        }

        var lines = inside.OutputTail.Split('\n');
        var top = lines[0].Trim();
        var prefix = lines.Length > 1 ? lines[1].Trim() : string.Empty;
        var head = await GitAsync(source, cancellationToken, "rev-parse", "--verify", "-q", "HEAD").ConfigureAwait(false);
        if (!head.Succeeded)
        {
            return (null, string.Empty, null);
        }

        // stash create writes a dangling commit object: give it an identity so a machine without one can make it.
        var stash = await GitAsync(top, cancellationToken, "-c", "user.name=praxi", "-c", "user.email=praxi@localhost", "stash", "create").ConfigureAwait(false);
        var created = stash.Succeeded ? Hash().Matches(stash.OutputTail).LastOrDefault()?.Value : null;
        return (top, prefix, created ?? Hash().Match(head.OutputTail).Value);
    }

    private static Task<ProcessOutcome> GitAsync(string cwd, CancellationToken cancellationToken, params string[] args) =>
        GitAsync(cwd, null, args, cancellationToken);

    private static Task<ProcessOutcome> GitAsync(string cwd, string? ceiling, string[] args, CancellationToken cancellationToken)
    {
        var env = new Dictionary<string, string?> { ["GIT_TERMINAL_PROMPT"] = "0", ["LC_ALL"] = "C" };
        if (ceiling is not null)
        {
            env["GIT_CEILING_DIRECTORIES"] = ceiling;
        }

        return ProcessRunner.RunAsync(["git", .. args], cwd, GitTimeout, env, cancellationToken);
    }

    private void LinkNodeModules(string source, string cwd)
    {
        var from = Path.GetFullPath(Path.Combine(source, cwd, "node_modules"));
        var to = Path.GetFullPath(Path.Combine(Root, cwd, "node_modules"));
        if (!Directory.Exists(from) || Directory.Exists(to) || File.Exists(to) || !Directory.Exists(Path.GetDirectoryName(to)))
        {
            return;
        }

        Directory.CreateSymbolicLink(to, from);
        _links.Add(to);
    }

    /// <summary>
    /// The folders (relative to <paramref name="source"/>) that hold a <c>node_modules</c> folder, never looking inside one, nor
    /// inside a skipped folder or a linked one.
    /// </summary>
    private static IEnumerable<string> NodeModulesParents(string source, string relative)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(source, relative)))
        {
            var name = Path.GetFileName(dir);
            var child = relative == "." ? name : relative + "/" + name;
            if (name == "node_modules")
            {
                yield return relative;
            }
            else if (!SkippedInCopy.Contains(name, StringComparer.Ordinal) && new DirectoryInfo(dir).LinkTarget is null)
            {
                foreach (var found in NodeModulesParents(source, child))
                {
                    yield return found;
                }
            }
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (!SkippedInCopy.Contains(name, StringComparer.Ordinal) && new DirectoryInfo(dir).LinkTarget is null)
            {
                CopyTree(dir, Path.Combine(to, name));
            }
        }

        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is not worth failing the validation for.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static string LastLine(string tail) => tail.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "no output";

    [GeneratedRegex("^[0-9a-f]{40,64}$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Hash();
}
