using System.Text.Json;
using System.Xml.Linq;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Samples.Tests.Reports;
using Praxi.FixEngine.Samples.Tests.Running;

namespace Praxi.FixEngine.Samples.Tests;

[Collection(ScenarioRunner.Name)]
public sealed class ScenarioTests
{
    [Theory]
    [InlineData("renamed-selector", "all")]
    [InlineData("unseeded-database", "ts")]
    [InlineData("duplicated-element", "dotnet")]
    public async Task Scenario_RunForReal_ProducesTheManifestsFailuresAndArtifacts(string scenario, string suite)
    {
        Chromium.Require();
        var manifest = ScenarioManifest.Load(scenario);

        using var sut = await ScenarioRun.RunAsync(scenario, suite);

        sut.ExitCode.Should().Be(0, "run.sh exits 0 when the scenario produced failures; its output was:\n{0}", sut.Output);
        using (var run = JsonDocument.Parse(sut.Read("run.json")))
        {
            run.RootElement.GetProperty("verdict").GetString().Should().Be("ok");
        }

        var serverLog = sut.Read("server.log");
        serverLog.Should().Contain("Now listening on: http://127.0.0.1:");
        if (manifest.ServerLog is not null)
        {
            serverLog.Should().Contain(manifest.ServerLog);
        }

        if (suite is "ts" or "both" or "all")
        {
            AssertTypeScriptArtifacts(sut, manifest);
        }

        if (suite is "dotnet" or "both" or "all")
        {
            AssertTrxArtifacts(sut, "dotnet", manifest.Dotnet, ["trace.zip", "dom.html", "screenshot.png"]);
        }

        if (suite is "selenium" or "all")
        {
            AssertTrxArtifacts(sut, "selenium", manifest.Selenium, ["dom.html", "screenshot.png"]);
        }

        var analysis = new FailureAnalyzer(new AnalysisOptions { RunId = scenario }).Analyze(sut.Artifacts);
        analysis.Classification.ErrorType.ToName().Should().Be(manifest.ErrorType, "praxi analyze must classify the fresh artifacts of {0}", scenario);
        analysis.Classification.Failures.Should().NotBeEmpty();
    }

    private static void AssertTypeScriptArtifacts(ScenarioRun sut, ScenarioManifest manifest)
    {
        File.Exists(sut.PathOf("playwright.log")).Should().BeTrue();
        var report = PlaywrightJsonReport.Read(sut.PathOf("results.json"));
        var failed = report.Tests.Where(t => t.Failed).ToList();
        failed.Select(t => t.Test).Should().BeEquivalentTo(manifest.Ts.Select(e => e.Test), "the scenario fails exactly the tests its manifest names");
        foreach (var expected in manifest.Ts)
        {
            failed.Should().Contain(t => t.Test == expected.Test && t.Message.Contains(expected.Message, StringComparison.Ordinal),
                "{0} should fail with a message containing \"{1}\"", expected.Test, expected.Message);
        }

        var junit = XDocument.Load(sut.PathOf("junit.xml"));
        junit.Descendants("testcase").Count(c => c.Element("failure") is not null || c.Element("error") is not null)
            .Should().Be(failed.Count);
        sut.Read("playwright.log").Should().Contain($"{failed.Count} failed");

        var folders = Directory.GetDirectories(sut.PathOf("test-results"));
        folders.Should().HaveCount(failed.Count, "Playwright keeps one output folder per failed test");
        foreach (var folder in folders)
        {
            foreach (var file in new[] { "error-context.md", "dom.html", "screenshot.png" })
            {
                File.Exists(Path.Combine(folder, file)).Should().BeTrue("{0} should hold {1}", folder, file);
            }

            var trace = new FileInfo(Path.Combine(folder, "trace.zip"));
            trace.Exists.Should().BeTrue("{0} should hold trace.zip", folder);
            trace.Length.Should().BeLessThan(1_024_000);
        }
    }

    private static void AssertTrxArtifacts(ScenarioRun sut, string suite, IReadOnlyList<ExpectedFailure> expectedFailures, string[] evidence)
    {
        File.Exists(sut.PathOf($"{suite}/{suite}-test.log")).Should().BeTrue();
        var results = TrxReport.Read(sut.PathOf($"{suite}/results.trx"));
        results.Should().NotBeEmpty();
        var failed = results.Where(t => t.Failed).ToList();
        failed.Select(t => t.Test).Should().BeEquivalentTo(expectedFailures.Select(e => e.Test), "the scenario fails exactly the {0} tests its manifest names", suite);
        foreach (var expected in expectedFailures)
        {
            failed.Should().Contain(t => t.Test == expected.Test && t.Message.Contains(expected.Message, StringComparison.Ordinal),
                "{0} should fail with a message containing \"{1}\"", expected.Test, expected.Message);
        }

        // A failed shared sign-in (the .NET fixture) leaves its evidence once, under AdminSignIn/.
        var signInFailed = Directory.Exists(sut.PathOf($"{suite}/test-results/AdminSignIn"));
        foreach (var test in failed.Where(_ => !signInFailed))
        {
            var parts = test.Test.Split('.');
            var folder = sut.PathOf($"{suite}/test-results/{parts[^2]}.{parts[^1]}");
            foreach (var file in evidence)
            {
                File.Exists(Path.Combine(folder, file)).Should().BeTrue("{0} should hold {1}", folder, file);
            }
        }
    }
}
