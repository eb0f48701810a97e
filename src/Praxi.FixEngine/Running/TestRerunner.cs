using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Running;

/// <summary>
/// Runs a <see cref="TestRunner"/> for some failed tests and reads what happened to each from the result files the run
/// wrote (Playwright JSON, JUnit XML, TRX — the same parsers as the analysis, so the names compare). A result file
/// older than the run is not read: it would report the previous run.
/// </summary>
internal static class TestRerunner
{
    /// <summary>A result file's time stamp may lag the clock a little (coarse file system clocks).</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="runner"/> for the targets it selects (or its full suite).</summary>
    /// <param name="repositoryRoot">The repository the runner's paths are relative to.</param>
    /// <param name="runner">The runner.</param>
    /// <param name="targets">The failed tests (those the runner does not select are ignored).</param>
    /// <param name="fullSuite">Run <see cref="TestRunner.FullCommand"/> instead of the subset.</param>
    /// <param name="environment">Extra variables for the process, on top of the runner's.</param>
    /// <param name="cancellationToken">Kills the run.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="FixEngineException">The runner selects none of the targets (and no full run was asked for).</exception>
    public static async Task<RerunOutcome> RunAsync(
        string repositoryRoot,
        TestRunner runner,
        IReadOnlyList<TestTarget> targets,
        bool fullSuite = false,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(targets);
        var selected = targets.Where(runner.Selects).ToList();
        var command = runner.Expand(selected, fullSuite);
        var cwd = Path.GetFullPath(Path.Combine(repositoryRoot, runner.WorkingDirectory));
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (k, v) in runner.Environment)
        {
            env[k] = v;
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            env[k] = v;
        }

        var started = DateTime.UtcNow - ClockSlack;
        var process = await ProcessRunner.RunAsync(command, cwd, runner.Timeout, env, cancellationToken).ConfigureAwait(false);
        var (logs, problems) = ReadResultFiles(repositoryRoot, runner.Results, started, cancellationToken);
        return new RerunOutcome(runner.Name, command, runner.WorkingDirectory, process, Results(logs), problems) { Logs = logs };
    }

    /// <summary>Every test in the result files written since <paramref name="since"/>; stale, missing or unreadable files are problems.</summary>
    internal static (IReadOnlyList<TestResult> Results, IReadOnlyList<string> Problems) ReadResults(
        string repositoryRoot, IReadOnlyList<string> paths, DateTime since, CancellationToken cancellationToken)
    {
        var (logs, problems) = ReadResultFiles(repositoryRoot, paths, since, cancellationToken);
        return (Results(logs), problems);
    }

    /// <summary>Each test of the parsed result files: a failed one with where its failing call is and what it said.</summary>
    private static List<TestResult> Results(IReadOnlyList<ParsedLog> logs) =>
        [.. logs.SelectMany(l => l.Failures.Select(f => new TestResult(f.Test, TestResult.Failed, f.Message.Split('\n')[0], f.File, f.Line, f.Action, f.Selector))
            .Concat((l.PassedTests ?? []).Select(t => new TestResult(t, TestResult.Passed, null))))];

    /// <summary>The result files written since <paramref name="since"/>, parsed; stale, missing or unreadable files are problems.</summary>
    private static (IReadOnlyList<ParsedLog> Logs, IReadOnlyList<string> Problems) ReadResultFiles(
        string repositoryRoot, IReadOnlyList<string> paths, DateTime since, CancellationToken cancellationToken)
    {
        var logs = new List<ParsedLog>();
        var problems = new List<string>();
        if (paths.Count == 0)
        {
            problems.Add("the runner names no result file, so each test's outcome is unknown");
        }

        foreach (var path in paths)
        {
            var full = Path.GetFullPath(Path.Combine(repositoryRoot, path));
            var files = Directory.Exists(full)
                ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".trx", StringComparison.OrdinalIgnoreCase)).ToList()
                : File.Exists(full) ? [full] : [];
            if (files.Count == 0)
            {
                problems.Add($"{path}: not written by the run");
                continue;
            }

            foreach (var file in files)
            {
                var name = Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');
                if (File.GetLastWriteTimeUtc(file) < since)
                {
                    problems.Add($"{name}: older than the run (not read)");
                    continue;
                }

                try
                {
                    var parsed = Parse(file, name, cancellationToken);
                    if (parsed is null)
                    {
                        problems.Add($"{name}: not a Playwright JSON, JUnit or TRX report");
                        continue;
                    }

                    logs.Add(parsed);
                }
                catch (FixEngineException ex)
                {
                    problems.Add(ex.Message);
                }
            }
        }

        return (logs, problems);
    }

    private static ParsedLog? Parse(string file, string name, CancellationToken cancellationToken)
    {
        string head;
        try
        {
            using var reader = new StreamReader(file);
            var buffer = new char[8 * 1024];
            head = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
        }
        catch (IOException ex)
        {
            throw new FixEngineException($"{name}: cannot read the file ({ex.Message}).", ex);
        }

        var parser = LogParsers.Structured.FirstOrDefault(p => p.CanParse(Path.GetFileName(file), head));
        return parser?.Parse(file, name, cancellationToken);
    }
}
