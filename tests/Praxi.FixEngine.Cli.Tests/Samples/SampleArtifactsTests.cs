using System.Text.Json;
using Praxi.FixEngine.Cli.Tests.Commands;

namespace Praxi.FixEngine.Cli.Tests.Samples;

/// <summary>
/// The committed artifacts of every scenario (real runs of the sample app's suites in Chromium) are
/// classified as the scenario's manifest says, through the CLI, offline.
/// </summary>
public sealed class SampleArtifactsTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "samples", "scenarios")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (File.Exists(Path.Combine(dir, "scenario.json")) && ExpectedType(name) is not null && ExpectsFailures(name))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Fact]
    public void Scenarios_EveryRequiredScenario_HasCommittedArtifacts()
    {
        string[] required = ["renamed-selector", "changed-text", "moved-element", "duplicated-element", "slow-endpoint", "unseeded-database", "expired-auth", "server-down", "backend-500"];

        foreach (var name in required)
        {
            Directory.Exists(Path.Combine(RepositoryRoot.Path, "samples", "artifacts", name)).Should().BeTrue($"samples/artifacts/{name} must hold a real run's artifacts");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Analyze_ScenarioArtifacts_ClassifiesAsTheScenarioExpects(string scenario)
    {
        var expected = ExpectedType(scenario);
        using var temp = TempFolder.Create();
        var outFile = temp.Combine("analysis.json");

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("analyze", Path.Combine(RepositoryRoot.Path, "samples", "artifacts", scenario), "--out", outFile);

        code.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var classification = json.RootElement.GetProperty("classification");
        classification.GetProperty("error_type").GetString().Should().Be(expected);
        classification.GetProperty("failures").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Analyze_GreenBaseline_ReportsNoFailureAndTriggersNothing()
    {
        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("analyze", Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "baseline"));

        code.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var classification = json.RootElement.GetProperty("classification");
        classification.GetProperty("failures").GetArrayLength().Should().Be(0);
        json.RootElement.GetProperty("triggers").GetProperty("self_heal").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("triggers").GetProperty("fix_agent").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("triggers").GetProperty("human_review").GetBoolean().Should().BeFalse();
    }

    private static bool ExpectsFailures(string scenario)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "scenarios", scenario, "scenario.json")));
        return !json.RootElement.TryGetProperty("expect_failures", out var e) || e.GetBoolean();
    }

    private static string? ExpectedType(string scenario)
    {
        var manifest = Path.Combine(RepositoryRoot.Path, "samples", "scenarios", scenario, "scenario.json");
        if (!File.Exists(manifest) || !Directory.Exists(Path.Combine(RepositoryRoot.Path, "samples", "artifacts", scenario)))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.TryGetProperty("error_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
    }
}
