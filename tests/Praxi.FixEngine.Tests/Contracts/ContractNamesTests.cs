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
}
