using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Tests.Configuration;

public sealed class PraxiConfigTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_GuardrailsAndSelectors_FillTheFixAgentOptions()
    {
        var file = Write("""
            // comments are allowed
            { "guardrails": { "allow": ["e2e/**", "tests/**"], "deny": ["e2e/legacy/**"], "max_files": 3,
                              "max_changed_lines": 20, "max_hunks": 4, "max_timeout_ms": 45000 },
              "selectors": { "prefer": ["role", "test_id", "css"], "test_id_attributes": ["data-qa", "data-testid"] },
              "self_heal": { "max_attempts": 2 } }
            """);
        var analysis = new AnalysisOptions();

        var sut = PraxiConfig.Load(file);
        var options = FixAgentOptions.From(sut);
        sut.ApplyTo(analysis);

        options.Guardrails.Allow.Should().Equal("e2e/**", "tests/**");
        options.Guardrails.Deny.Should().Equal("e2e/legacy/**");
        options.Guardrails.Should().BeEquivalentTo(new { MaxFiles = 3, MaxChangedLines = 20, MaxHunks = 4, MaxTimeoutMs = 45000 });
        options.Selectors.PreferredSelectors.Should().Equal("role", "test_id", "css");
        options.Selectors.TestIdAttributes.Should().Equal("data-qa", "data-testid");
        analysis.MaxTimeoutMs.Should().Be(45000, "the analyzer proposes timeouts under the guardrails' ceiling");
    }

    [Fact]
    public void Load_NoGuardrailsSection_KeepsTheSafeDefaults()
    {
        var file = Write("""{ "classification": { "min_confidence": 0.6 } }""");
        var analysis = new AnalysisOptions();

        var options = FixAgentOptions.From(PraxiConfig.Load(file));
        PraxiConfig.Load(file).ApplyTo(analysis);

        options.Guardrails.Allow.Should().Equal(Praxi.FixEngine.Guardrails.GuardrailPolicy.DefaultAllow);
        options.Guardrails.MaxFiles.Should().Be(5);
        analysis.MinConfidence.Should().Be(0.6);
    }

    [Fact]
    public void Load_SeveralBadKeys_ReportsThemAllInOneMessage()
    {
        var file = Write("""
            { "guardrails": { "allow": ["/etc/**", "**.ts"], "max_files": 0, "max_timeout_ms": -5 },
              "selectors": { "prefer": ["telepathy"], "test_id_attributes": [] } }
            """);

        var act = () => PraxiConfig.Load(file);

        act.Should().Throw<FixEngineException>().Which.Message.Should()
            .StartWith("config '").And.Contain("'/etc/**'").And.Contain("'**.ts'").And.Contain("max_files").And.Contain("max_timeout_ms")
            .And.Contain("telepathy").And.Contain("test_id_attributes");
    }

    [Fact]
    public void Load_WrongType_SaysWhereInTheFile()
    {
        var file = Write("""{ "guardrails": { "max_files": "five" } }""");

        var act = () => PraxiConfig.Load(file);

        act.Should().Throw<FixEngineException>().WithMessage("config '*' is not valid*");
    }

    [Fact]
    public void Load_TestRunners_ReadsEachWithItsDefaults()
    {
        var file = Write("""
            { "tests": [
                { "name": "ts", "framework": "playwright", "cwd": "e2e", "command": ["npx", "playwright", "test", "{tests}"],
                  "full_command": ["npx", "playwright", "test"], "results": ["e2e/results.json"], "timeout_s": 300, "env": { "CI": "1" } },
                { "command": ["dotnet", "test", "--filter", "{filter}"], "match": ["Shop.*"] } ] }
            """);

        var runners = PraxiConfig.Load(file).TestRunners;

        runners.Should().HaveCount(2);
        var ts = runners[0];
        (ts.Name, ts.Framework, ts.WorkingDirectory, ts.Timeout).Should().Be(("ts", "playwright", "e2e", TimeSpan.FromSeconds(300)));
        ts.FullCommand.Should().Equal("npx", "playwright", "test");
        ts.Results.Should().Equal("e2e/results.json");
        ts.Environment.Should().Contain("CI", "1");
        var dotnet = runners[1];
        (dotnet.Name, dotnet.WorkingDirectory, dotnet.Timeout).Should().Be(("tests[1]", ".", Praxi.FixEngine.Running.TestRunner.DefaultTimeout));
        dotnet.Match.Should().Equal("Shop.*");
    }

    [Fact]
    public void Load_BadTestRunners_ListsEveryProblemInOneLine()
    {
        var file = Write("""
            { "tests": [ { "name": "a", "command": [] }, { "name": "a", "command": ["x", "--t={tests}"], "timeout_s": 0 } ] }
            """);

        var act = () => PraxiConfig.Load(file);

        var message = act.Should().Throw<FixEngineException>().Which.Message;
        message.Should().NotContain("\n")
            .And.Contain("test runner 'a': command must be a non-empty argument list")
            .And.Contain("{tests} and {files} must be whole arguments")
            .And.Contain("timeout_s must be between 1 and 7200")
            .And.Contain("two runners are named 'a'");
    }

    private string Write(string json)
    {
        var file = Path.Combine(_temp.Subfolder(), "praxi.json");
        File.WriteAllText(file, json);
        return file;
    }
}
