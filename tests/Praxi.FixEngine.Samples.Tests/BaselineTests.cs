using System.Text.Json;
using Praxi.FixEngine.Samples.Tests.Reports;
using Praxi.FixEngine.Samples.Tests.Running;

namespace Praxi.FixEngine.Samples.Tests;

[Collection(ScenarioRunner.Name)]
public sealed class BaselineTests
{
    [Fact]
    public async Task Baseline_AllSuitesAgainstTheUnbrokenApp_PassInRealChromiumAndKeepTheirDomEvidence()
    {
        Chromium.Require();

        using var sut = await ScenarioRun.RunAsync("baseline", "all");

        sut.ExitCode.Should().Be(0, "run.sh baseline must pass; failures:\n{0}\nrun.sh said:\n{1}", sut.FailureSummary, sut.Output);
        sut.Verdict.Should().Be("ok");
        using (var run = JsonDocument.Parse(sut.Read("run.json")))
        {
            run.RootElement.GetProperty("keep_traces").GetBoolean().Should().BeTrue("the baseline's manifest switches PRAXI_KEEP_TRACES on");
            run.RootElement.GetProperty("dropped_traces").GetInt32().Should().Be(0);
        }

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
        sut.Suites.Select(s => s.Suite).Should().Equal("ts", "dotnet", "selenium");
        sut.Suites.Should().OnlyContain(s => s.Passed);
        sut.Read("server.log").Should().Contain("Now listening on: http://127.0.0.1:")
            .And.Contain("Request finished HTTP/1.1 GET")
            .And.NotContain("An unhandled exception has occurred");

        // trace: 'on' keeps one folder per test, each with its trace and no failure dump.
        var tsFolders = Directory.GetDirectories(sut.PathOf("test-results"));
        tsFolders.Should().HaveCount(ts.Expected);
        AssertGreenEvidence(tsFolders, ["trace.zip"], ["dom.html", "screenshot.png", "error-context.md"]);

        // .NET: one folder per UI test (the health test has no page) plus the fixture's sign-in, trace and DOM each.
        var dotnetFolders = Directory.GetDirectories(sut.PathOf("dotnet/test-results"));
        var dotnetTests = dotnet.Select(t => string.Join('.', t.Test.Split('.')[^2..])).ToList();
        dotnetFolders.Select(Path.GetFileName).Should().Contain("AdminSignIn");
        dotnetFolders.Select(Path.GetFileName).Where(n => n != "AdminSignIn").Should().OnlyContain(n => dotnetTests.Contains(n!))
            .And.HaveCount(dotnet.Count - 1);
        AssertGreenEvidence(dotnetFolders, ["trace.zip", "dom.html"], ["screenshot.png", "dump-error.txt"]);

        // Selenium has no trace: the page source at the end of each test is all a green run leaves.
        var seleniumFolders = Directory.GetDirectories(sut.PathOf("selenium/test-results"));
        seleniumFolders.Should().HaveCount(selenium.Count);
        AssertGreenEvidence(seleniumFolders, ["dom.html"], ["screenshot.png", "trace.zip", "dump-error.txt"]);
        foreach (var folder in seleniumFolders)
        {
            File.ReadAllText(Path.Combine(folder, "dom.html")).Should().Contain("<body", "{0} holds a page", folder);
        }

        // The baseline recorder needs, in each trace of a page, the elements the calls resolved to.
        var traces = Directory.EnumerateFiles(sut.Artifacts, "trace.zip", SearchOption.AllDirectories).Select(PlaywrightTrace.Read).ToList();
        traces.Where(t => t.Snapshots > 0).Should().HaveCountGreaterThanOrEqualTo(tsFolders.Length - 1 + dotnetFolders.Length, "only the API-only health test drives no page")
            .And.OnlyContain(t => t.Targets > 0, "every call that resolved an element marks it with __playwright_target__");
    }

    private static void AssertGreenEvidence(string[] folders, string[] present, string[] absent)
    {
        foreach (var folder in folders)
        {
            foreach (var file in present)
            {
                var info = new FileInfo(Path.Combine(folder, file));
                info.Exists.Should().BeTrue("{0} should hold {1}", folder, file);
                info.Length.Should().BeGreaterThan(0).And.BeLessThan(1_024_000);
            }

            foreach (var file in absent)
            {
                File.Exists(Path.Combine(folder, file)).Should().BeFalse("a passing test leaves no {1} in {0}", folder, file);
            }
        }
    }
}
