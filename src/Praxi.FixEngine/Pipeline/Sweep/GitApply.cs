using System.Diagnostics;

namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>
/// A scratch git repository where a patch is checked with the real <c>git apply --check</c> and then applied, against the
/// original files written fresh each time. Processes are started with argument lists, never through a shell.
/// </summary>
internal sealed class GitApply : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("praxi-sweep-git-").FullName;

    private GitApply()
    {
    }

    /// <summary>A scratch repository, or null with the reason when git cannot be run.</summary>
    public static GitApply? TryCreate(out string? problem)
    {
        var git = new GitApply();
        var (code, output) = git.Git("init", "-q", ".");
        if (code == 0)
        {
            problem = null;
            return git;
        }

        git.Dispose();
        problem = $"git init failed (exit {code}): {output}";
        return null;
    }

    /// <summary>
    /// Writes <paramref name="originals"/> (repository-relative path → bytes), checks the patch, applies it, and returns the
    /// applied bytes of each file; <c>Problem</c> is git's message when it refused.
    /// </summary>
    public (bool Accepted, string? Problem, IReadOnlyDictionary<string, byte[]> Applied) Check(IReadOnlyDictionary<string, byte[]> originals, string patch)
    {
        foreach (var entry in new DirectoryInfo(_root).EnumerateFileSystemInfos())
        {
            if (entry.Name == ".git")
            {
                continue;
            }

            if (entry is DirectoryInfo dir)
            {
                dir.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        foreach (var (path, bytes) in originals)
        {
            var full = Path.Combine(_root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        var patchFile = Path.Combine(_root, ".git", "praxi-sweep.diff");
        File.WriteAllText(patchFile, patch, new System.Text.UTF8Encoding(false));
        var (check, checkOutput) = Git("apply", "--check", patchFile);
        if (check != 0)
        {
            return (false, checkOutput, new Dictionary<string, byte[]>());
        }

        var (apply, applyOutput) = Git("apply", patchFile);
        if (apply != 0)
        {
            return (false, applyOutput, new Dictionary<string, byte[]>());
        }

        return (true, null, originals.Keys.ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(_root, p)), StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private (int Code, string Output) Git(params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No user or system configuration may change what apply accepts (autocrlf, whitespace rules).
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, (stdout + stderr.GetAwaiter().GetResult()).Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"git could not be started: {ex.Message}");
        }
    }
}
