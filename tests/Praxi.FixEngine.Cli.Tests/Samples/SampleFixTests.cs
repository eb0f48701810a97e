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
        var repo = CopySuites();
        var work = Path.Combine(Path.GetTempPath(), "praxi-cli-tests", Guid.NewGuid().ToString("N"));
        var analysis = Path.Combine(work, "analysis.json");
        (await AnalyzeCommandTests.RunAsync("analyze", Path.Combine(CliTestRepo.Root, "samples", "artifacts", "slow-endpoint"), "--run-id", "slow-1", "--out", analysis)).Code.Should().Be(0);

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

        CliTestRepo.Git(repo, "apply", "--check", patch).Should().Be(0);
        CliTestRepo.Git(repo, "apply", patch).Should().Be(0);
        CliTestRepo.Git(repo, "diff", "--numstat").Should().Be(0);
        File.ReadAllText(Path.Combine(repo, "samples", "e2e-dotnet", "Tests", "AdminTests.cs")).Should().Contain("new() { Timeout = 10_000 }");

        var (again, _, _) = await AnalyzeCommandTests.RunAsync("fix", repo, "--analysis", analysis, "--out", Path.Combine(work, "second"));

        again.Should().Be(0);
        File.ReadAllText(Path.Combine(work, "second", "patch-slow-1.diff")).Should().BeEmpty("the applied patch left nothing to change");
    }

    private static string CopySuites()
    {
        var repo = Path.Combine(Path.GetTempPath(), "praxi-cli-tests", Guid.NewGuid().ToString("N"), "repo");
        foreach (var suite in new[] { "e2e-ts", "e2e-dotnet" })
        {
            var from = Path.Combine(CliTestRepo.Root, "samples", suite);
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

        CliTestRepo.Git(repo, "init", "-q").Should().Be(0);
        CliTestRepo.Git(repo, "add", "-A").Should().Be(0);
        CliTestRepo.Git(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "suites").Should().Be(0);
        return repo;
    }
}
