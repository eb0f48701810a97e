using System.Text.Json;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Contracts;

public sealed class ContractNamesTests
{
    [Theory]
    [InlineData(RiskClass.TestOnly, "test-only")]
    [InlineData(RiskClass.Config, "config")]
    [InlineData(RiskClass.Backend, "backend")]
    public void ToName_RiskClass_IsTheStringTheMetadataCarries(RiskClass value, string name)
    {
        var json = JsonSerializer.Serialize(new FixRisk(value, 0.5), AnalysisJson.Options);

        value.ToName().Should().Be(name);
        json.Should().Contain($"\"class\": \"{name}\"");
        JsonSerializer.Deserialize<FixRisk>(json, AnalysisJson.Options)!.Class.Should().Be(value);
        ContractNames.TryParse<RiskClass>(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(value);
    }

    [Fact]
    public void ToName_ErrorType_AgreesWithErrorTypes()
    {
        foreach (var type in Enum.GetValues<ErrorType>())
        {
            ContractNames.ToName(type).Should().Be(ErrorTypes.ToName(type));
        }
    }

    [Fact]
    public void Deserialize_UnknownRiskClass_IsAJsonErrorNotADefault()
    {
        var act = () => JsonSerializer.Deserialize<FixRisk>("""{ "class": "frontend", "score": 0.2 }""", AnalysisJson.Options);

        act.Should().Throw<JsonException>();
        ContractNames.TryParse<RiskClass>("frontend", out _).Should().BeFalse();
        ContractNames.All<RiskClass>().Should().Equal("test-only", "config", "backend");
    }

    [Fact]
    public void Deserialize_UnknownInstructionKind_NamesItAndTheAllowedOnes()
    {
        const string json = """{ "kind": "rewrite_everything", "file": "a.spec.ts", "confidence": 0.5, "evidence": "e" }""";

        var act = () => JsonSerializer.Deserialize<FixInstruction>(json, AnalysisJson.Options);

        act.Should().Throw<JsonException>().WithMessage(
            "unknown instruction \"kind\": \"rewrite_everything\" (expected one of replace_selector, narrow_selector, raise_timeout, replace_hard_wait)*");
    }

    [Fact]
    public void Serialize_HealOutcome_WritesKindAndStatusAsTheirContractNames()
    {
        var outcome = new HealOutcome
        {
            Instruction = 0,
            Kind = FixKind.NarrowSelector,
            Old = new LocatorSpec { By = LocatorKind.Css, Value = "button" },
            Status = HealStatus.ElementGone,
            Confidence = 0,
            Reason = "r",
        };

        var json = JsonSerializer.Serialize(outcome, AnalysisJson.Options);

        json.Should().Contain("\"kind\": \"narrow_selector\"").And.Contain("\"status\": \"element_gone\"");
        JsonSerializer.Deserialize<HealOutcome>(json, AnalysisJson.Options)!.Status.Should().Be(HealStatus.ElementGone);
        var act = () => JsonSerializer.Deserialize<HealOutcome>(json.Replace("element_gone", "vanished", StringComparison.Ordinal), AnalysisJson.Options);
        act.Should().Throw<JsonException>().WithMessage("unknown heal \"status\": \"vanished\"*");
    }
}
