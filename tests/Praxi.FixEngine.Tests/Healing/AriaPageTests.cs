using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class AriaPageTests
{
    internal static AriaPage PageOf(string yaml) => AriaPage.FromSnapshot("error-context.md", AriaSnapshotParser.Parse(yaml))!;

    [Fact]
    public void Candidates_SampleProductPage_CarryRoleNameOwnTextValueAndPath()
    {
        var markdown = File.ReadAllText(Path.Combine(HealSamples.Artifacts("renamed-selector"), "test-results", "catalogue-adds-a-product-to-the-cart-chromium", "error-context.md"));
        var sut = AriaPage.FromSnapshot("e.md", AriaSnapshotParser.ParseErrorContext(markdown)!)!;

        var candidates = sut.Candidates(FingerprintOptions.Default);

        var button = candidates.Should().ContainSingle(c => c.Props.AccessibleName == "Add to cart").Subject;
        button.Props.Role.Should().Be("button");
        button.Props.Text.Should().Be("Add to cart", "a leaf button's text is the name the snapshot writes");
        button.Props.XPath.Should().Be("/generic[1]/main[1]/region[1]/generic[2]/button[1]");
        button.Props.NeighborText.Should().EndWith("€18.00 In stock Quantity", "up to ten words before it; the field's value is no text")
            .And.NotContain("PraxiShop", "the words stop at its region's edge");
        button.Props.Tag.Should().Be(ElementFingerprints.AnyTag);
        button.Props.Id.Should().BeNull();
        var quantity = candidates.Should().ContainSingle(c => c.Props.Role == "spinbutton").Subject;
        quantity.Props.Value.Should().Be("2");
        quantity.Props.Text.Should().BeNull();
        var region = candidates.Should().ContainSingle(c => c.Props.Role == "region").Subject;
        region.Props.AccessibleName.Should().Be("Canvas Tote");
        region.Props.Text.Should().BeNull("a section's text is its entries', which would read it as the button it holds");
        region.Element.Text.Should().Contain("Add to cart", "getByText still reads the whole content");
        candidates.Should().ContainSingle(c => c.Props.Href == "/cart").Which.Props.Text.Should().Be("Cart");
        candidates.Where(c => c.Props.Role == null).Should().NotBeEmpty("generic entries are candidates with no role, as a div is");
    }

    [Fact]
    public void Candidates_FrameContentAndHiddenEntries_AreLeftOutOrFlagged()
    {
        var sut = PageOf("""
            - main:
              - iframe [ref=e2]:
                - button "Pay" [ref=f1e1]
              - button "Menu" [aria-hidden] [ref=e3]
              - textbox "Email" [ref=e4]:
                - /placeholder: you@example.com
                - text: a@b.c
            """);

        var candidates = sut.Candidates(FingerprintOptions.Default);

        candidates.Should().NotContain(c => c.Props.AccessibleName == "Pay", "a locator on the page does not reach into the frame");
        sut.Elements.Should().ContainSingle(e => e.Name == "Pay").Which.InFrame.Should().BeTrue();
        candidates.Should().ContainSingle(c => c.Props.AccessibleName == "Menu").Which.Props.Hidden.Should().BeTrue();
        var email = candidates.Should().ContainSingle(c => c.Props.AccessibleName == "Email").Subject;
        email.Props.Placeholder.Should().Be("you@example.com");
        email.Props.Value.Should().Be("a@b.c");
        email.Props.Text.Should().BeNull();
    }
}
