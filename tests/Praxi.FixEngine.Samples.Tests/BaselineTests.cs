using Praxi.FixEngine.Samples.Tests.Reports;
using Praxi.FixEngine.Samples.Tests.Running;

namespace Praxi.FixEngine.Samples.Tests;

[Collection(ScenarioRunner.Name)]
public sealed class BaselineTests
{
    [Fact]
    public async Task Baseline_AllSuitesAgainstTheUnbrokenApp_PassInRealChromium()
    {
        Chromium.Require();

        using var sut = await ScenarioRun.RunAsync("baseline", "all");

        sut.ExitCode.Should().Be(0, "run.sh baseline must pass; its output was:\n{0}", sut.Output);
        var ts = PlaywrightJsonReport.Read(sut.PathOf("results.json"));
        ts.Expected.Should().Be(12, "the TypeScript suite has 12 tests including the setup project");
        ts.Unexpected.Should().Be(0);
        ts.Skipped.Should().Be(0);
        ts.Errors.Should().BeEmpty();
        sut.Read("playwright.log").Should().Contain("12 passed");
        var dotnet = TrxReport.Read(sut.PathOf("dotnet/results.trx"));
        dotnet.Should().HaveCount(9).And.OnlyContain(t => t.Status == "Passed");
        var selenium = TrxReport.Read(sut.PathOf("selenium/results.trx"));
        selenium.Should().HaveCount(5).And.OnlyContain(t => t.Status == "Passed");
        sut.Read("server.log").Should().Contain("Now listening on: http://127.0.0.1:")
            .And.Contain("Request finished HTTP/1.1 GET")
            .And.NotContain("An unhandled exception has occurred");
        Directory.Exists(sut.PathOf("test-results")).Should().BeTrue();
        Directory.EnumerateFiles(sut.PathOf("test-results"), "trace.zip", SearchOption.AllDirectories)
            .Should().BeEmpty("trace: 'retain-on-failure' keeps no trace for passing tests");
    }
}
