using System.Text.Json;
using Praxi.FixEngine.Cli.Tests.Commands;

namespace Praxi.FixEngine.Cli.Tests.Samples;

/// <summary>
/// analyze → fix on a real scenario's artifacts against a copy of the sample suites: the timeout the slow endpoint
/// broke is raised in both languages, the patch passes a real <c>git apply --check</c>, applying it changes exactly
/// those lines, and a second run finds nothing left to change.
/// </summary>
public sealed class SampleFixTests
{
    [Fact]
    public async Task Fix_SlowEndpointArtifacts_RaisesBothSuitesTimeoutsWithAPatchGitAccepts()
    {
        using var temp = TempFolder.Create();
        var repo = CopySuites(temp);
        var work = temp.Subfolder("work");
        var analysis = Path.Combine(work, "analysis.json");
        (await AnalyzeCommandTests.RunAsync("analyze", Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "slow-endpoint"), "--run-id", "slow-1", "--out", analysis)).Code.Should().Be(0);

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("fix", repo, "--analysis", analysis, "--out", Path.Combine(work, "fix-agent"));

        code.Should().Be(0, stderr);
        var patch = Path.Combine(work, "fix-agent", "patch-slow-1.diff");
        var diff = File.ReadAllText(patch);
        diff.Should().Contain("+++ b/samples/e2e-ts/tests/admin.spec.ts").And.Contain("+++ b/samples/e2e-dotnet/Tests/AdminTests.cs");
        diff.Should().Contain("-  await page.goto('/admin/orders', { timeout: 5_000 });").And.Contain("+  await page.goto('/admin/orders', { timeout: 10_000 });");
        using (var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "fix-agent", "metadata-slow-1.json"))))
        {
            metadata.RootElement.GetProperty("guardrails").GetProperty("allowed").GetBoolean().Should().BeTrue();
            metadata.RootElement.GetProperty("edits").GetArrayLength().Should().Be(2);
        }

        GitRunner.Run(repo, "apply", "--check", patch).ExitCode.Should().Be(0);
        GitRunner.Run(repo, "apply", patch).ExitCode.Should().Be(0);
        GitRunner.Run(repo, "diff", "--numstat").ExitCode.Should().Be(0);
        File.ReadAllText(Path.Combine(repo, "samples", "e2e-dotnet", "Tests", "AdminTests.cs")).Should().Contain("new() { Timeout = 10_000 }");

        var (again, _, _) = await AnalyzeCommandTests.RunAsync("fix", repo, "--analysis", analysis, "--out", Path.Combine(work, "second"));

        again.Should().Be(0);
        File.ReadAllText(Path.Combine(work, "second", "patch-slow-1.diff")).Should().BeEmpty("the applied patch left nothing to change");
    }

    private static string CopySuites(TempFolder temp)
    {
        var repo = temp.Combine("repo");
        foreach (var suite in new[] { "e2e-ts", "e2e-dotnet" })
        {
            var from = Path.Combine(RepositoryRoot.Path, "samples", suite);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(from, file);
                if (rel.Split(Path.DirectorySeparatorChar).Any(p => p is "node_modules" or "bin" or "obj" or "test-results" or "playwright-report"))
                {
                    continue;
                }

                var to = Path.Combine(repo, "samples", suite, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        GitRunner.Run(repo, "init", "-q").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "add", "-A").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "suites").ExitCode.Should().Be(0);
        return repo;
    }
}
