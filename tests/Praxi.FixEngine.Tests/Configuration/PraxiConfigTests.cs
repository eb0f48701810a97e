using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Fixing;

namespace Praxi.FixEngine.Tests.Configuration;

public sealed class PraxiConfigTests
{
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
        var options = new FixAgentOptions();
        var analysis = new AnalysisOptions();

        var sut = PraxiConfig.Load(file);
        sut.ApplyTo(options);
        sut.ApplyTo(analysis);

        options.Guardrails.Allow.Should().Equal("e2e/**", "tests/**");
        options.Guardrails.Deny.Should().Equal("e2e/legacy/**");
        options.Guardrails.Should().BeEquivalentTo(new { MaxFiles = 3, MaxChangedLines = 20, MaxHunks = 4, MaxTimeoutMs = 45000 });
        options.PreferredSelectors.Should().Equal("role", "test_id", "css");
        options.TestIdAttributes.Should().Equal("data-qa", "data-testid");
        analysis.MaxTimeoutMs.Should().Be(45000, "the analyzer proposes timeouts under the guardrails' ceiling");
    }

    [Fact]
    public void Load_NoGuardrailsSection_KeepsTheSafeDefaults()
    {
        var file = Write("""{ "classification": { "min_confidence": 0.6 } }""");
        var options = new FixAgentOptions();
        var analysis = new AnalysisOptions();

        PraxiConfig.Load(file).ApplyTo(options);
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

    private static string Write(string json)
    {
        var file = Path.Combine(TestPaths.NewTempDir(), "praxi.json");
        File.WriteAllText(file, json);
        return file;
    }
}
