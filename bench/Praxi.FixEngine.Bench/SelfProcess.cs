using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Praxi.FixEngine.Bench;

/// <summary>What the bench verbs share about processes: starting this same <c>praxi-bench</c> as a measuring child, pinning to one core, the load average.</summary>
internal static class SelfProcess
{
    /// <summary>How to start this same <c>praxi-bench</c> with <paramref name="args"/>: its apphost when that is what runs, else <c>dotnet praxi-bench.dll</c>.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var processPath = Environment.ProcessPath;
        var processName = processPath is null ? null : Path.GetFileNameWithoutExtension(processPath);
        ProcessStartInfo start;
        if (string.Equals(processName, "praxi-bench", StringComparison.OrdinalIgnoreCase))
        {
            start = new ProcessStartInfo(processPath!);
        }
        else
        {
            var host = string.Equals(processName, "dotnet", StringComparison.OrdinalIgnoreCase)
                ? processPath!
                : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            start = new ProcessStartInfo(host);
            start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }

    /// <summary>Runs a child <c>praxi-bench</c> that prints one JSON object on stdout and reads it back.</summary>
    public static T RunJson<T>(ProcessStartInfo start, string what, CancellationToken cancellationToken)
    {
        using var child = Process.Start(start) ?? throw new FixEngineException($"Could not start '{start.FileName}' to measure {what}; rerun with --in-process.");
        using var registration = cancellationToken.Register(() => child.Kill(entireProcessTree: true));
        var stderrTask = child.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        if (child.ExitCode != 0)
        {
            var stderr = stderrTask.GetAwaiter().GetResult().Trim();
            throw new FixEngineException($"The measuring process failed on {what} (exit {child.ExitCode}): {stderr} (rerun with --in-process to measure in this process).");
        }

        return JsonSerializer.Deserialize<T>(stdout)
            ?? throw new FixEngineException($"The measuring process printed no figures for {what}.");
    }

    /// <summary>Restricts this process to the lowest core it may run on, so "one core" is literal (GC threads included).</summary>
    public static bool PinToOneCore()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            using var self = Process.GetCurrentProcess();
            var mask = (long)self.ProcessorAffinity;
            if (mask == 0)
            {
                return false;
            }

            self.ProcessorAffinity = (nint)(mask & -mask);
            return true;
        }
        catch (Exception ex) when (ex is PlatformNotSupportedException or Win32Exception or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The 1/5/15-minute load averages (Linux), null elsewhere.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return OperatingSystem.IsLinux() ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
