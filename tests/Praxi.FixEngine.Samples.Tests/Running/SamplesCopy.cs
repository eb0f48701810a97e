using System.Diagnostics;

namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>
/// A throw-away git repository with what run.sh needs to run a scenario — the root build props, samples/ (the app, the
/// three suites, the scenarios and run.sh; not the committed artifacts nor build outputs) and the TypeScript suite's
/// node_modules as a link to the repository's — committed once. A test edits or patches the suites there with real
/// git and reruns a scenario from the copy, leaving the repository untouched.
/// </summary>
internal sealed class SamplesCopy : IDisposable
{
    /// <summary>Folders never copied: build outputs, installed packages, run outputs, saved sign-ins.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "bin", "obj", "node_modules", "test-results", "playwright-report", "TestResults", ".auth",
    };

    /// <summary>Root files the sample projects build with (samples/Directory.Build.props imports the root one).</summary>
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", ".gitignore"];

    private readonly TempFolder _folder;

    private SamplesCopy(TempFolder folder, string root, TimeSpan copyTime)
    {
        _folder = folder;
        Root = root;
        CopyTime = copyTime;
    }

    /// <summary>The copy's repository root (it holds samples/scenarios/run.sh).</summary>
    public string Root { get; }

    /// <summary>How long copying, linking and committing took.</summary>
    public TimeSpan CopyTime { get; }

    /// <summary>Copies <paramref name="source"/> (default: this repository) and commits the copy.</summary>
    public static SamplesCopy Create(string? source = null)
    {
        source ??= RepositoryRoot.Path;
        var clock = Stopwatch.StartNew();
        var folder = TempFolder.Create("samples-copy");
        var root = folder.Combine("repo");
        try
        {
            foreach (var name in RootFiles.Where(n => File.Exists(Path.Combine(source, n))))
            {
                CopyFile(Path.Combine(source, name), Path.Combine(root, name));
            }

            CopyTree(Path.Combine(source, "samples"), Path.Combine(root, "samples"), skip: Path.Combine(source, "samples", "artifacts"));
            GitRunner.Check(root, "init", "-q");
            GitRunner.Check(root, "add", "-A");
            GitRunner.Check(root, "-c", "user.name=Praxi samples tests", "-c", "user.email=samples-tests@praxi.invalid", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "samples copied from " + source);

            // Reuse the installed packages: npm ci would take a network round trip per copy. A link is a file to git, so
            // the folder pattern in .gitignore misses it; keep it out of status and diffs here instead.
            var modules = Path.Combine(source, "samples", "e2e-ts", "node_modules");
            if (Directory.Exists(modules))
            {
                Directory.CreateSymbolicLink(Path.Combine(root, "samples", "e2e-ts", "node_modules"), modules);
                File.AppendAllText(Path.Combine(root, ".git", "info", "exclude"), "/samples/e2e-ts/node_modules\n");
            }
        }
        catch
        {
            folder.Dispose();
            throw;
        }

        return new SamplesCopy(folder, root, clock.Elapsed);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The copy's uncommitted changes as a unified diff (<c>git diff</c>: a/ and b/ paths from the root).</summary>
    public string Diff() => GitRunner.Check(Root, "diff", "--no-color", "--no-ext-diff");

    /// <summary>Applies a unified diff with <c>git apply</c> after a <c>--check</c>; a patch that does not apply changes nothing and throws.</summary>
    /// <param name="patch">The diff.</param>
    /// <param name="directory">
    /// The folder of the copy the diff's paths are relative to (<c>git apply --directory</c>), e.g. <c>samples</c> for a
    /// fix planned with <c>samples/</c> as the repository; null when they are relative to the root.
    /// </param>
    public void Apply(string patch, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var file = _folder.Combine($"patch-{Guid.NewGuid():N}.diff");
        File.WriteAllText(file, patch);
        string[] options = directory is null ? [] : ["--directory=" + directory];
        try
        {
            GitRunner.Check(Root, ["apply", "--check", .. options, file]);
            GitRunner.Check(Root, ["apply", .. options, file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Drops every change since the copy was committed (build outputs, ignored, stay for the next run).</summary>
    public void Reset()
    {
        GitRunner.Check(Root, "reset", "-q", "--hard", "HEAD");
        GitRunner.Check(Root, "clean", "-q", "-f", "-d");
    }

    /// <summary>Runs the copy's run.sh for a scenario and suite(s); <see cref="RunExpectation.Pass"/> asks that the suites pass.</summary>
    public Task<ScenarioRun> RunAsync(string scenario, string suite, RunExpectation expect = RunExpectation.Manifest) =>
        ScenarioRun.RunAsync(scenario, suite, Root, expect);

    public void Dispose() => _folder.Dispose();

    private static void CopyTree(string from, string to, string skip)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint };
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", options))
        {
            CopyFile(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from, "*", options))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(dir)) && !string.Equals(dir, skip, StringComparison.Ordinal))
            {
                CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)), skip);
            }
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}
