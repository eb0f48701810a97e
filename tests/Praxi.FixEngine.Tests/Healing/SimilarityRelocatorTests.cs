using Praxi.FixEngine.Healing;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class SimilarityRelocatorTests
{
    private static ElementProps Element(string tag, string xpath, string? id = null, string? cls = null, string? text = null, string? href = null, string? name = null, string? neighbors = null) => new()
    {
        Tag = tag,
        XPath = xpath,
        IdXPath = xpath,
        Id = id,
        Class = cls,
        Text = text,
        Href = href,
        Name = name,
        NeighborText = neighbors,
    };

    private static readonly RelocationCandidate[] Page =
    [
        new("c1", Element("A", "/html[1]/body[1]/header[1]/nav[1]/a[1]", cls: "nav-link", text: "Home", href: "https://shop.example/")),
        new("c2", Element("BUTTON", "/html[1]/body[1]/header[1]/div[2]/form[1]/button[1]", id: "checkout-btn", cls: "btn btn-primary", text: "Go to checkout", neighbors: "cart total items")),
        new("c3", Element("INPUT", "/html[1]/body[1]/header[1]/div[2]/form[1]/input[1]", id: "search", name: "q", cls: "field")),
        new("c4", Element("A", "/html[1]/body[1]/footer[1]/a[1]", cls: "footer-link", text: "Privacy", href: "https://shop.example/legal/privacy")),
    ];

    [Fact]
    public void Relocate_RenamedIdAndMovedIntoWrapper_FindsTheElement()
    {
        var target = Element("BUTTON", "/html[1]/body[1]/header[1]/form[1]/button[1]", id: "checkout", cls: "btn btn-primary", text: "Go to checkout", neighbors: "cart total items");

        var result = SimilarityRelocator.Relocate(target, Page);

        result.Outcome.Should().Be(RelocationOutcome.Found);
        result.ChosenId.Should().Be("c2");
        result.Top[0].Score.Should().BeGreaterThan(result.Top[1].Score + SimilarityRelocator.Margin);
    }

    [Fact]
    public void Relocate_LinkWhoseHostAndTextChanged_FindsItByPathAndPlace()
    {
        var target = Element("A", "/html[1]/body[1]/footer[1]/a[1]", cls: "footer-link", text: "Privacy policy", href: "https://web.archive.org/web/2017/http://old.shop.example/legal/privacy");

        var result = SimilarityRelocator.Relocate(target, Page);

        result.ChosenId.Should().Be("c4");
    }

    [Fact]
    public void Relocate_ElementRemoved_AbstainsAsGone()
    {
        var target = Element("SELECT", "/html[1]/body[1]/main[1]/section[3]/select[1]", id: "currency", name: "currency", cls: "picker", neighbors: "choose your currency");

        var result = SimilarityRelocator.Relocate(target, Page);

        result.Outcome.Should().Be(RelocationOutcome.ElementGone);
        result.ChosenId.Should().BeNull();
        result.Abstained.Should().BeTrue();
        result.Top.Should().HaveCount(SimilarityRelocator.TopCount);
    }

    [Fact]
    public void Relocate_TwoIdenticalButtons_AbstainsAsAmbiguous()
    {
        var target = Element("BUTTON", "/html[1]/body[1]/main[1]/ul[1]/li[2]/button[1]", cls: "add", text: "Add to cart");
        RelocationCandidate[] candidates =
        [
            new("c1", Element("BUTTON", "/html[1]/body[1]/main[1]/div[1]/ul[1]/li[1]/button[1]", cls: "add", text: "Add to cart")),
            new("c2", Element("BUTTON", "/html[1]/body[1]/main[1]/div[1]/ul[1]/li[3]/button[1]", cls: "add", text: "Add to cart")),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.Outcome.Should().Be(RelocationOutcome.Ambiguous);
        result.ChosenId.Should().BeNull();
        result.Top.Select(t => t.Id).Should().BeEquivalentTo("c1", "c2");
    }

    [Fact]
    public void Relocate_NoCandidates_AbstainsAsGone()
    {
        var result = SimilarityRelocator.Relocate(Element("A", "/html[1]/body[1]/a[1]", text: "Home"), []);

        result.Outcome.Should().Be(RelocationOutcome.ElementGone);
        result.Top.Should().BeEmpty();
    }

    [Fact]
    public void ScoreAll_SameElement_ScoresOneAndIgnoresCase()
    {
        var target = Element("a", "/HTML[1]/BODY[1]/A[1]", id: "Home", text: "HOME page");

        var scores = SimilarityRelocator.ScoreAll(target, [new("c1", Element("A", "/html[1]/body[1]/a[1]", id: "home", text: "home Page"))]);

        scores["c1"].Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void ScoreAll_CandidateWithoutGeometry_IsNeitherHelpedNorHurtByIt()
    {
        var target = Element("A", "/html[1]/body[1]/a[1]", text: "Home") with { X = 10, Y = 10, Width = 40, Height = 20, Area = 800, Shape = 200, IsButton = false };
        var measured = Element("A", "/html[1]/body[1]/a[1]", text: "Home") with { X = 10, Y = 10, Width = 40, Height = 20, Area = 800, Shape = 200, IsButton = false };
        var unmeasured = Element("A", "/html[1]/body[1]/a[1]", text: "Home");

        var scores = SimilarityRelocator.ScoreAll(target, [new("m", measured), new("u", unmeasured)]);

        scores["m"].Should().BeApproximately(1.0, 1e-9);
        scores["u"].Should().BeApproximately(1.0, 1e-9);
    }
}
