using System.Diagnostics;
using System.Globalization;

namespace Praxi.FixEngine.Bench.Rewrite;

/// <summary>Generates the inputs of <c>praxi-bench rewrite</c>, measures them in a fresh <c>praxi-bench</c> process pinned to one core (or here), and cleans up.</summary>
internal sealed class RewriteBenchmark(TextWriter progress)
{
    public int Seed { get; init; } = TestSuiteGenerator.DefaultSeed;

    public int Lines { get; init; } = 5_000;

    public int Files { get; init; } = 1_000;

    /// <summary>Folder for the inputs; null for a new temp folder.</summary>
    public string? Directory { get; init; }

    public bool Keep { get; init; }

    public bool InProcess { get; init; }

    public RewriteBenchReport Run(CancellationToken cancellationToken)
    {
        var dir = Path.GetFullPath(Directory ?? Path.Combine(Path.GetTempPath(), $"praxi-bench-rewrite-{Guid.NewGuid():N}"));
        var layout = new RewriteBenchLayout(dir, Seed, Lines, Files);
        var existed = System.IO.Directory.Exists(dir);
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            progress.WriteLine($"bench: generating a {Lines}-line C# file, a {Lines}-line TypeScript spec and a {Files}-file repository → {dir}");
            var watch = Stopwatch.StartNew();
            layout.Generate();
            watch.Stop();

            progress.WriteLine(InProcess ? "bench: measuring in this process" : "bench: measuring in a child process pinned to one core");
            var measurement = InProcess
                ? RewriteProbe.Measure(layout, inProcess: true, cancellationToken)
                : SelfProcess.RunJson<RewriteMeasurement>(SelfProcess.StartInfo(ChildArgs(layout)), $"'{dir}'", cancellationToken);
            return new RewriteBenchReport(Seed, Environment.ProcessorCount, dir, watch.Elapsed.TotalMilliseconds, measurement, SelfProcess.LoadAverage());
        }
        finally
        {
            if (!Keep)
            {
                foreach (var root in (string[])[layout.CSharpRoot, layout.TypeScriptRoot, layout.RepositoryRoot])
                {
                    if (System.IO.Directory.Exists(root))
                    {
                        System.IO.Directory.Delete(root, recursive: true);
                    }
                }

                if (!existed && !System.IO.Directory.EnumerateFileSystemEntries(dir).Any())
                {
                    System.IO.Directory.Delete(dir);
                }
            }
        }
    }

    private static string[] ChildArgs(RewriteBenchLayout layout)
    {
        var inv = CultureInfo.InvariantCulture;
        return ["rewrite", "--one", layout.Directory, "--seed", layout.Seed.ToString(inv), "--lines", layout.Lines.ToString(inv), "--files", layout.Files.ToString(inv)];
    }
}
