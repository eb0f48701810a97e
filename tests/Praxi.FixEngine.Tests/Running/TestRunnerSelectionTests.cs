using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Tests.Running;

/// <summary>
/// praxi.json <c>tests[]</c> entries as docs/configuration.md shows them, one per stack, against the analysis of real
/// reports: each stack's failures are owned by its entry and by no other.
/// </summary>
public sealed class TestRunnerSelectionTests
{
    private const string Config = """
        {
          "tests": [
            { "name": "playwright-ts", "runner": "playwright-test", "cwd": "e2e",
              "command": ["npx", "playwright", "test", "{tests}", "--reporter=json"], "results": ["e2e/results.json"] },
            { "name": "playwright-xunit", "framework": "playwright", "runner": "xunit",
              "command": ["dotnet", "test", "tests/Shop.E2E", "--filter", "{filter}", "--logger", "trx;LogFileName=rerun.trx", "--results-directory", "rerun"], "results": ["rerun"] },
            { "name": "nunit", "runner": "nunit",
              "command": ["dotnet", "test", "tests/Shop.NUnit", "--filter", "{filter}", "--logger", "trx", "--results-directory", "rerun-nunit"], "results": ["rerun-nunit"] },
            { "name": "mstest", "runner": "mstest",
              "command": ["dotnet", "test", "tests/Shop.MSTest", "--filter", "{filter}", "--logger", "trx", "--results-directory", "rerun-mstest"], "results": ["rerun-mstest"] },
            { "name": "selenium", "language": "c#", "match": ["SeFixtures.*"],
              "command": ["dotnet", "test", "tests/Shop.Selenium", "--filter", "{filter}", "--logger", "trx", "--results-directory", "rerun-selenium"], "results": ["rerun-selenium"] },
            { "name": "pytest", "language": "python",
              "command": ["python", "-m", "pytest", "{tests}", "--junitxml=out/junit.xml"], "results": ["out/junit.xml"] }
          ]
        }
        """;

    [Theory]
    [InlineData("playwright-ts/results.json", "playwright-ts")]
    [InlineData("playwright-dotnet/results.trx", "playwright-xunit")]
    [InlineData("nunit-dotnet/results.trx", "nunit")]
    [InlineData("nunit-dotnet/TestResult.xml", "nunit")]
    [InlineData("mstest-dotnet/results.trx", "mstest")]
    [InlineData("selenium-dotnet/results.trx", "selenium")]
    [InlineData("pytest/console.log", "pytest")]
    public void Selects_TheAnalysisOfARealReport_IsOwnedByItsStacksEntryAlone(string fixture, string owner)
    {
        var runners = LoadConfig(Config).TestRunners;

        var targets = Targets(fixture);

        targets.Should().NotBeEmpty();
        foreach (var target in targets)
        {
            runners.Where(r => r.Selects(target)).Select(r => r.Name).Should().Equal([owner], $"'{target.Test}' ({target.Framework}, {target.StackLanguage}, {target.StackRunner})");
        }
    }

    [Theory]
    [InlineData("playwright-dotnet/results.trx", "dotnet", true)]
    [InlineData("selenium-dotnet/results.trx", "dotnet", true)]
    [InlineData("mstest-dotnet/results.trx", "csharp", true)]
    [InlineData("nunit-dotnet/results.trx", "dotnet-test", true)]
    [InlineData("playwright-ts/results.json", "dotnet", false)]
    [InlineData("playwright-ts/results.json", "typescript", true)]
    [InlineData("playwright-ts/results.json", "javascript", true)]
    [InlineData("playwright-ts/results.json", "playwright", true)]
    [InlineData("playwright-dotnet/results.trx", "playwright", true)]
    [InlineData("playwright-dotnet/results.trx", "nunit", false)]
    [InlineData("pytest/console.log", "py", true)]
    public void Selects_TheFrameworkFieldTakesAnyStackName(string fixture, string framework, bool selected)
    {
        var sut = new TestRunner { Name = "r", Command = ["t", "{tests}"], Framework = framework };

        Targets(fixture).Should().OnlyContain(t => sut.Selects(t) == selected);
    }

    [Fact]
    public void Analyze_ARealReport_NamesEachFailuresLanguageAndRunner()
    {
        var sut = new FailureAnalyzer();

        var xunit = sut.Analyze(FixtureFiles.Path("playwright-dotnet/results.trx")).Classification.Failures;
        var nunit = sut.Analyze(FixtureFiles.Path("nunit-dotnet/TestResult.xml")).Classification.Failures;
        var ts = sut.Analyze(FixtureFiles.Path("playwright-ts/results.json")).Classification.Failures;

        xunit.Should().OnlyContain(f => f.Runner == "xunit" && f.Language == "csharp" && f.Framework == "playwright");
        nunit.Should().OnlyContain(f => f.Runner == "nunit");
        ts.Should().OnlyContain(f => f.Runner == "playwright-test" && f.Language == "typescript");
    }

    [Theory]
    [InlineData("framework", "dotnet-core", "framework 'dotnet-core' is not a name praxi knows")]
    [InlineData("language", "xunit", "language 'xunit' is not a language praxi knows")]
    [InlineData("runner", "playwright", "runner 'playwright' is not a test runner praxi knows")]
    public void Load_AnUnknownStackName_IsOneLineListingTheAcceptedNames(string field, string value, string expected)
    {
        var act = () => LoadConfig($$"""{ "tests": [ { "name": "e2e", "{{field}}": "{{value}}", "command": ["t", "{tests}"] } ] }""");

        var message = act.Should().Throw<FixEngineException>().Which.Message;
        message.Should().Contain(expected).And.Contain("playwright-test").And.NotContain("\n");
    }

    [Fact]
    public void Load_TheStackExamplesOfTheConfigurationPage_AreValidAndEachOwnsItsStack()
    {
        var page = File.ReadAllText(RepositoryRoot.Combine("docs", "configuration.md")).ReplaceLineEndings("\n");
        var start = page.IndexOf("```jsonc\n\"tests\": [\n  // Playwright", StringComparison.Ordinal);
        var block = page[(start + "```jsonc\n".Length)..page.IndexOf("\n```", start + 1, StringComparison.Ordinal)];

        var sut = LoadConfig("{" + block + "}").TestRunners;

        sut.Select(r => r.Name).Should().Equal("playwright-ts", "playwright-dotnet", "selenium-dotnet", "pytest");
        Targets("playwright-ts/results.json").Should().OnlyContain(t => sut.Single(r => r.Selects(t)).Name == "playwright-ts");
        Targets("playwright-dotnet/results.trx").Should().OnlyContain(t => sut.Single(r => r.Selects(t)).Name == "playwright-dotnet");
        Targets("pytest/console.log").Should().OnlyContain(t => sut.Single(r => r.Selects(t)).Name == "pytest");
    }

    private static PraxiConfig LoadConfig(string json)
    {
        using var file = FixtureFiles.Temp(json, ".json");
        return PraxiConfig.Load(file.Path);
    }

    private static List<TestTarget> Targets(string fixture) =>
        TestTarget.From(new FailureAnalyzer().Analyze(FixtureFiles.Path(fixture))).Where(t => t.IsTest).ToList();
}
