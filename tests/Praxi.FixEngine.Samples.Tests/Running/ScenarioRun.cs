using System.Diagnostics;
using System.Text;

namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>One real run of samples/scenarios/run.sh, its exit code, its output and its artifact folder.</summary>
internal sealed class ScenarioRun : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    private ScenarioRun(string scenario, string suite, string artifacts, int exitCode, string output)
    {
        Scenario = scenario;
        Suite = suite;
        Artifacts = artifacts;
        ExitCode = exitCode;
        Output = output;
    }

    public string Scenario { get; }

    public string Suite { get; }

    public string Artifacts { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string PathOf(string relative) => Path.Combine(Artifacts, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static async Task<ScenarioRun> RunAsync(string scenario, string suite)
    {
        var artifacts = Directory.CreateTempSubdirectory($"praxi-samples-{scenario}-").FullName;
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var arg in new[] { Path.Combine(RepositoryRoot.Path, "samples", "scenarios", "run.sh"), scenario, "--suite", suite, "--out", artifacts })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var gate = new Lock();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    output.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"run.sh {scenario} --suite {suite} did not finish within {Limit}. Output so far:\n{output}");
        }

        process.WaitForExit();
        return new ScenarioRun(scenario, suite, artifacts, process.ExitCode, output.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Artifacts, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
