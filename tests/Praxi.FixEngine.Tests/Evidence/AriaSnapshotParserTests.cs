using Praxi.FixEngine.Evidence;

namespace Praxi.FixEngine.Tests.Evidence;

public sealed class AriaSnapshotParserTests
{
    private static string ErrorContext(string scenario, string test) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "artifacts", scenario, "test-results", test, "error-context.md"));

    [Fact]
    public void ParseErrorContext_RenamedSelector_ReadsTheProductPage()
    {
        var markdown = ErrorContext("renamed-selector", "catalogue-adds-a-product-to-the-cart-chromium");

        var sut = AriaSnapshotParser.ParseErrorContext(markdown);

        sut.Should().NotBeNull();
        sut!.SkippedLines.Should().Be(0);
        var button = sut.All.Should().ContainSingle(n => n.Role == "button" && n.Name == "Add to cart").Subject;
        button.Ref.Should().Be("e28");
        button.Flags.Should().Contain("cursor", "pointer");
        sut.All.Should().ContainSingle(n => n.Role == "heading").Which.Level.Should().Be(1);
        sut.All.Should().Contain(n => n.Role == "spinbutton" && n.Name == "Quantity" && n.Text == "2" && n.Flags.ContainsKey("active"));
        var cart = sut.All.Should().ContainSingle(n => n.Role == "link" && n.Name == "Cart 0 items in cart").Subject;
        cart.Url.Should().Be("/cart");
        cart.Children.Select(c => (c.Role, c.Text)).Should().Equal(("text", "Cart"), ("generic", "0"));
        sut.Nodes.Should().ContainSingle().Which.Role.Should().Be("generic");
    }

    [Fact]
    public void ParseErrorDetails_ReceivedSnapshot_IsReadWhenThePageSnapshotIsOmitted()
    {
        var markdown = ErrorContext("backend-500", "cart-removes-an-item-after-confirming-chromium");

        var sut = AriaSnapshotParser.ParseErrorDetails(markdown);

        AriaSnapshotParser.ParseErrorContext(markdown).Should().BeNull();
        sut.Should().ContainSingle().Which.All.Should().Contain(n => n.Role == "link" && n.Name == "PraxiShop" && n.Url == "/");
    }

    [Fact]
    public void Parse_Grammar_HandlesQuotingFlagsAndProps()
    {
        const string yaml = """
            - generic [ref=e1]:
              - 'button "Note: read me" [ref=e2]'
              - paragraph [ref=e16]: "Status: ready"
              - textbox "Email \"work\" address" [active] [ref=e9]:
                - /placeholder: you@example.com
                - text: a@b.c
              - checkbox "Remember me" [checked=mixed] [disabled] [ref=e12]
              - option "Pro" [selected]
              - paragraph: 'it''s'
              - text: plain words
              this line is not an entry
            """;

        var sut = AriaSnapshotParser.Parse(yaml);

        sut.SkippedLines.Should().Be(1);
        var children = sut.Nodes.Should().ContainSingle().Subject.Children;
        children.Should().HaveCount(7);
        children[0].Should().Match<AriaNode>(n => n.Role == "button" && n.Name == "Note: read me" && n.Ref == "e2" && n.Text == null);
        children[1].Text.Should().Be("Status: ready");
        children[2].Name.Should().Be("Email \"work\" address");
        children[2].Props.Should().Contain("placeholder", "you@example.com");
        children[2].Children.Should().ContainSingle().Which.Text.Should().Be("a@b.c");
        children[3].Checked.Should().Be("mixed");
        children[3].Disabled.Should().BeTrue();
        children[4].Flags.Should().Contain("selected", "true");
        children[4].Ref.Should().BeNull();
        children[5].Text.Should().Be("it's");
        children[6].Should().Match<AriaNode>(n => n.Role == "text" && n.Text == "plain words");
    }

    [Fact]
    public void ParseErrorContext_NoPageSnapshot_ReturnsNull()
    {
        var sut = AriaSnapshotParser.ParseErrorContext("# Test info\n\n- Name: x\n");

        sut.Should().BeNull();
    }
}
