using System.Diagnostics;

namespace Praxi.Testing;

/// <summary>
/// Runs a real program to its end from an argument list (never a shell string), with its output captured and standard
/// input closed. A hung child is killed with its whole tree after a guard time (a guard, not a timing assertion).
/// </summary>
public static class ChildProcess
{
    /// <summary>How long a child may run when the caller gives no limit.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(10);

    // A dotnet child must not inherit the test host's MSBuild state: it would build with the test host's SDK resolver.
    private static readonly string[] InheritedMsBuildState = ["MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath"];

    /// <summary>Runs <paramref name="fileName"/> and waits for it.</summary>
    /// <param name="fileName">The program (looked up on PATH).</param>
    /// <param name="args">Its arguments, one per element.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="environment">Variables to set.</param>
    /// <param name="limit">The guard time (<see cref="DefaultLimit"/> when null).</param>
    /// <param name="cancellationToken">Kills the child when cancelled.</param>
    /// <returns>The exit code and output.</returns>
    /// <exception cref="TimeoutException">The child ran past the guard time; it was killed.</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> args,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? limit = null,
        CancellationToken cancellationToken = default)
    {
        using var process = Start(fileName, args, workingDirectory, environment, unset: []);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var guardTime = limit ?? DefaultLimit;
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(guardTime);
        try
        {
            await process.WaitForExitAsync(guard.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Describe(fileName, args)} did not finish within {guardTime}");
        }

        return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Runs <paramref name="fileName"/> and waits for it, blocking the calling thread.</summary>
    /// <param name="fileName">The program (looked up on PATH).</param>
    /// <param name="args">Its arguments, one per element.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="environment">Variables to set.</param>
    /// <param name="limit">The guard time (<see cref="DefaultLimit"/> when null).</param>
    /// <returns>The exit code and output.</returns>
    /// <exception cref="TimeoutException">The child ran past the guard time; it was killed.</exception>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> args,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? limit = null) =>
        Run(fileName, args, workingDirectory, environment, unset: [], limit);

    /// <summary>As the public <c>Run</c>, also removing the variables named in <paramref name="unset"/>.</summary>
    internal static ProcessResult Run(
        string fileName,
        IEnumerable<string> args,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        IReadOnlyList<string> unset,
        TimeSpan? limit)
    {
        using var process = Start(fileName, args, workingDirectory, environment, unset);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var guardTime = limit ?? DefaultLimit;
        if (!process.WaitForExit(guardTime))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(fileName, args)} did not finish within {guardTime}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static Process Start(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> unset)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var name in InheritedMsBuildState.Concat(unset))
        {
            psi.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.StandardInput.Close();
        return process;
    }

    private static string Describe(string fileName, IEnumerable<string> args) => $"{fileName} {string.Join(' ', args)}";
}
