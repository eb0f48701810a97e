using System.Text.Json;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Contracts;

public sealed class LocatorKindTests
{
    [Theory]
    [InlineData(LocatorKind.Css, "css")]
    [InlineData(LocatorKind.Selector, "selector")]
    [InlineData(LocatorKind.XPath, "xpath")]
    [InlineData(LocatorKind.Id, "id")]
    [InlineData(LocatorKind.Name, "name")]
    [InlineData(LocatorKind.Class, "class")]
    [InlineData(LocatorKind.LinkText, "link_text")]
    [InlineData(LocatorKind.TestId, "test_id")]
    [InlineData(LocatorKind.Text, "text")]
    [InlineData(LocatorKind.Label, "label")]
    [InlineData(LocatorKind.Placeholder, "placeholder")]
    [InlineData(LocatorKind.Title, "title")]
    [InlineData(LocatorKind.AltText, "alt_text")]
    [InlineData(LocatorKind.Role, "role")]
    public void Json_EveryKind_IsWrittenAndReadByItsContractName(LocatorKind kind, string name)
    {
        var spec = new LocatorSpec { By = kind, Value = "x" };

        var json = JsonSerializer.Serialize(spec, AnalysisJson.Options);

        json.Should().Contain($"\"by\": \"{name}\"");
        JsonSerializer.Deserialize<LocatorSpec>(json, AnalysisJson.Options).Should().Be(spec);
        kind.ToName().Should().Be(name);
        LocatorKinds.TryParse(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(kind);
    }

    [Fact]
    public void Json_DefaultOptions_StillWriteTheContractName()
    {
        JsonSerializer.Serialize(new LocatorSpec { By = LocatorKind.XPath, Value = "//a" }).Should().Contain("\"By\":\"xpath\"");
    }

    [Theory]
    [InlineData("\"cssx\"", "unknown locator \"by\": \"cssx\" (expected one of css, selector, xpath, id, name, class, link_text, test_id, text, label, placeholder, title, alt_text, role)")]
    [InlineData("\"\"", "unknown locator \"by\": \"\"")]
    [InlineData("3", "a locator's \"by\" must be a string, one of css, selector")]
    public void Json_UnknownBy_FailsWithTheValueAndTheAllowedNames(string by, string message)
    {
        var act = () => JsonSerializer.Deserialize<LocatorSpec>($$"""{ "by": {{by}}, "value": "x" }""", AnalysisJson.Options);

        act.Should().Throw<JsonException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void Schema_EnumeratesExactlyTheKinds()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "analysis.schema.json")));
        var names = schema.RootElement.GetProperty("$defs").GetProperty("locator").GetProperty("properties").GetProperty("by").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToList();

        names.Should().Equal(LocatorKinds.All.Select(k => k.ToName()));
    }
}
