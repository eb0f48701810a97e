using System.Text.Json;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class ElementPropsTests
{
    [Fact]
    public void FromJson_FullRecord_ReadsEveryKind()
    {
        using var doc = JsonDocument.Parse("""{"tag":"INPUT","id":"q","name":"query","type":"text","value":"x","placeholder":"Search","xpath":"/html[1]/body[1]/input[1]","idxpath":"id(\"q\")","x":-4,"y":8,"width":100,"height":20,"area":2000,"shape":500,"is_button":false,"neighbor_text_above":"Find","neighbor_text_left":"things"}""");

        var sut = ElementProps.FromJson(doc.RootElement);

        sut.Tag.Should().Be("INPUT");
        sut.Id.Should().Be("q");
        sut.Type.Should().Be("text");
        sut.X.Should().Be(-4);
        sut.Shape.Should().Be(500);
        sut.IsButton.Should().BeFalse();
        sut.SeenText.Should().Be("x", because: "value stands in for visible text when there is none");
        sut.AroundText.Should().Be("Find things");
    }

    [Fact]
    public void FromJson_EmptyString_IsAbsent()
    {
        using var doc = JsonDocument.Parse("""{"tag":"A","class":"","xpath":"/a[1]","idxpath":"/a[1]"}""");

        var sut = ElementProps.FromJson(doc.RootElement);

        sut.Class.Should().BeNull();
        sut.SeenText.Should().BeNull();
        sut.AroundText.Should().BeNull();
    }

    [Fact]
    public void FromJson_NoXPath_ThrowsFixEngineException()
    {
        using var doc = JsonDocument.Parse("""{"tag":"A","idxpath":"/a[1]"}""");

        var act = () => ElementProps.FromJson(doc.RootElement);

        act.Should().Throw<FixEngineException>().WithMessage("*xpath*");
    }
}
