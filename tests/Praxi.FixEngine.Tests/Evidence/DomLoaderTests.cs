using Praxi.FixEngine.Evidence;

namespace Praxi.FixEngine.Tests.Evidence;

public sealed class DomLoaderTests
{
    private static string Artifact(params string[] parts) =>
        Path.Combine([RepositoryRoot.Path, "samples", "artifacts", .. parts]);

    [Fact]
    public void Parse_RebuiltSnapshot_QuerySelectorFindsElements()
    {
        var trace = TraceReader.Read(Artifact("renamed-selector", "test-results", "catalogue-adds-a-product-to-the-cart-chromium", "trace.zip"));
        var html = trace.Snapshot(trace.FailingCall!.CallId, SnapshotPhase.After)!;

        var sut = DomLoader.Parse(html);

        sut.QuerySelector("[data-testid=add-to-cart]")!.Id.Should().Be("add-to-basket");
        sut.QuerySelector("#quantity")!.GetAttribute("__playwright_value_").Should().Be("2");
        sut.QuerySelectorAll("button").Should().NotBeEmpty();
    }

    [Fact]
    public void Load_DomDump_ParsesTheRenamedButton()
    {
        var sut = DomLoader.Load(Artifact("renamed-selector", "test-results", "catalogue-adds-a-product-to-the-cart-chromium", "dom.html"));

        sut.QuerySelector("#add-to-basket").Should().NotBeNull();
        sut.QuerySelector("#add-to-cart").Should().BeNull();
    }

    [Fact]
    public void Parse_Scripts_AreNotRun()
    {
        var sut = DomLoader.Parse("<p id=a>x</p><script>document.getElementById('a').textContent = 'y'</script>");

        sut.QuerySelector("#a")!.TextContent.Should().Be("x");
    }

    [Fact]
    public void Load_MissingFile_IsRefusedWithOneLine()
    {
        using var temp = TempFolder.Create();

        var act = () => DomLoader.Load(Path.Combine(temp.Path, "dom.html"));

        act.Should().Throw<FixEngineException>().Which.Message.Should().NotContain("\n");
    }
}
