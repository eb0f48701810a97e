using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Samples.Tests.Reports;

namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>
/// One real run of samples/scenarios/run.sh — from the repository or from a <see cref="SamplesCopy"/> — with its exit
/// code, its output, its artifact folder and what each suite did.
/// </summary>
internal sealed class ScenarioRun : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    private readonly TempFolder _artifacts;

    private ScenarioRun(string scenario, string suite, string root, TempFolder artifacts, int exitCode, string output)
    {
        Scenario = scenario;
        Suite = suite;
        Root = root;
        _artifacts = artifacts;
        ExitCode = exitCode;
        Output = output;
        (Verdict, Suites) = ReadRunJson(artifacts.Path);
    }

    public string Scenario { get; }

    public string Suite { get; }

    /// <summary>The repository root run.sh ran from.</summary>
    public string Root { get; }

    public string Artifacts => _artifacts.Path;

    public int ExitCode { get; }

    public string Output { get; }

    /// <summary>run.json's verdict (<c>ok</c>, <c>unexpected-failure</c>, <c>unexpected-pass</c>); null when run.sh wrote none.</summary>
    public string? Verdict { get; }

    /// <summary>The suites that ran, in run.sh's order (ts, dotnet, selenium); empty when run.sh stopped before writing run.json.</summary>
    public IReadOnlyList<SuiteResult> Suites { get; }

    /// <summary>One line per failed test or run-level error, by suite (for assertion messages).</summary>
    public string FailureSummary => string.Join('\n', Suites.SelectMany(s =>
        s.Failed.Select(t => $"{s.Suite}: {t.Test}: {FirstLine(t.Message)}").Concat(s.Errors.Select(e => $"{s.Suite}: {FirstLine(e)}"))));

    public string PathOf(string relative) => Path.Combine(Artifacts, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The result of one suite (<c>ts</c>, <c>dotnet</c> or <c>selenium</c>); fails when it did not run.</summary>
    public SuiteResult SuiteNamed(string suite) =>
        Suites.SingleOrDefault(s => s.Suite == suite)
        ?? throw new InvalidOperationException($"The {suite} suite did not run in run.sh {Scenario} --suite {Suite}. Output:\n{Output}");

    /// <summary>Runs <c>&lt;root&gt;/samples/scenarios/run.sh</c> (the repository's when <paramref name="root"/> is null).</summary>
    public static async Task<ScenarioRun> RunAsync(string scenario, string suite, string? root = null, RunExpectation expect = RunExpectation.Manifest)
    {
        root ??= RepositoryRoot.Path;
        var artifacts = TempFolder.Create($"samples-{scenario}");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        string[] args = [Path.Combine(root, "samples", "scenarios", "run.sh"), scenario, "--suite", suite, "--out", artifacts.Path];
        foreach (var arg in expect == RunExpectation.Pass ? [.. args, "--expect", "pass"] : args)
        {
            start.ArgumentList.Add(arg);
        }

        // The caller's switch must not leak into a run: run.sh decides from the scenario (the baseline keeps traces).
        start.Environment.Remove("PRAXI_KEEP_TRACES");
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
        return new ScenarioRun(scenario, suite, root, artifacts, process.ExitCode, output.ToString());
    }

    public void Dispose() => _artifacts.Dispose();

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static (string? Verdict, SuiteResult[] Suites) ReadRunJson(string artifacts)
    {
        var path = Path.Combine(artifacts, "run.json");
        if (!File.Exists(path))
        {
            return (null, []);
        }

        using var run = JsonDocument.Parse(File.ReadAllText(path));
        var suites = new List<SuiteResult>();
        foreach (var suite in new[] { "ts", "dotnet", "selenium" })
        {
            if (run.RootElement.GetProperty($"{suite}_exit_code") is not { ValueKind: JsonValueKind.Number } code)
            {
                continue;
            }

            var report = Path.Combine(artifacts, suite == "ts" ? "results.json" : Path.Combine(suite, "results.trx"));
            if (!File.Exists(report))
            {
                suites.Add(new SuiteResult(suite, code.GetInt32(), [], [$"{suite}: no report at {report}"]));
            }
            else if (suite == "ts")
            {
                var ts = PlaywrightJsonReport.Read(report);
                suites.Add(new SuiteResult(suite, code.GetInt32(), ts.Tests, ts.Errors));
            }
            else
            {
                suites.Add(new SuiteResult(suite, code.GetInt32(), TrxReport.Read(report), []));
            }
        }

        return (run.RootElement.GetProperty("verdict").GetString(), [.. suites]);
    }
}
