using System.Diagnostics;

namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>Real git, one argument list per call (no shell), in a given working tree.</summary>
internal static class Git
{
    /// <summary>Runs git and returns its stdout; a non-zero exit throws with the command and git's stderr.</summary>
    public static string Run(string workTree, params string[] args)
    {
        var (code, stdout, stderr) = TryRun(workTree, args);
        return code == 0
            ? stdout
            : throw new InvalidOperationException($"git {string.Join(' ', args)} failed in {workTree} (exit code {code}): {stderr.Trim()}");
    }

    public static (int ExitCode, string Stdout, string Stderr) TryRun(string workTree, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workTree,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A repository above the temp folder, or a caller's GIT_DIR, must not be the one git works on.
        start.Environment.Remove("GIT_DIR");
        start.Environment.Remove("GIT_WORK_TREE");
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.GetFullPath(workTree));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
