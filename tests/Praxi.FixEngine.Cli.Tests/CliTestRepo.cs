using System.Diagnostics;

namespace Praxi.FixEngine.Cli.Tests;

/// <summary>Where the repository lies seen from the test binary, and real git started with an argument list.</summary>
internal static class CliTestRepo
{
    public static string Root
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

    /// <summary>Runs git in <paramref name="dir"/> and returns its exit code.</summary>
    public static int Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
