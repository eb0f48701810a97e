using System.Text.Json;

namespace Praxi.FixEngine.Cli.Tests.Commands;

/// <summary>
/// <c>praxi heal</c> on the <c>test-results</c> folder alone of each real trace recorded per trace format
/// (tests/Praxi.FixEngine.Tests/Fixtures/trace-formats, eng/record-version-traces.sh), against a git repository holding
/// the spec as it was recorded: whatever the format, the patch replaces the old selector with the renamed one.
/// </summary>
public sealed class HealRecordedTraceFormatsTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static string Recorded(params string[] parts) =>
        Path.Combine([RepositoryRoot.Path, "tests", "Praxi.FixEngine.Tests", "Fixtures", "trace-formats", .. parts]);

    public static TheoryData<string> Recordings() =>
        [.. Directory.GetDirectories(Recorded()).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Heal_TestResultsOfARecordedFormat_ReplacesTheOldSelectorInTheSpec(string recording)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Recorded(recording, "manifest.json")));
        var spec = manifest.RootElement.GetProperty("spec").GetString()!;
        var old = manifest.RootElement.GetProperty("old").GetString()!;
        var renamed = manifest.RootElement.GetProperty("new").GetString()!;
        var work = _temp.Subfolder();
        var repo = Path.Combine(work, "repo");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repo, spec))!);
        File.Copy(Recorded(recording, spec), Path.Combine(repo, spec));
        GitRunner.Run(repo, "init", "-q").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "add", "-A").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "spec").ExitCode.Should().Be(0);
        var artifacts = Path.Combine(work, "artifacts");
        CopyFolder(Recorded(recording, "test-results"), Path.Combine(artifacts, "test-results"));
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", artifacts, "--repo", repo, "--out", outDir, "--run-id", "fmt");

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().StartWith("selector_not_found (");
        stdout.Should().ContainAny([$"locator('{old}') → locator('{renamed}')", $"Locator(\"{old}\") → Locator(\"{renamed}\")"], "the heal is printed as the spec writes it");
        var line = File.ReadAllLines(Recorded(recording, spec)).Single(l => l.Contains(old, StringComparison.Ordinal));
        var patch = Path.Combine(outDir, "fix-agent", "patch-fmt.diff");
        var diff = File.ReadAllText(patch);
        diff.Should().Contain($"+++ b/{spec}").And.Contain("-" + line + "\n").And.Contain("+" + line.Replace(old, renamed, StringComparison.Ordinal) + "\n");
        diff.Split('\n').Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)).Should().Be(1);
        GitRunner.Run(repo, "apply", "--check", patch).ExitCode.Should().Be(0, "the patch must apply to the spec as recorded");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
