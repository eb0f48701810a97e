using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Fingerprints;

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

    [Fact]
    public void ScoreAll_ClassSharedByEveryListItem_WeighsLessThanARareClass()
    {
        var target = Element("LI", "/html[1]/body[1]/ul[1]/li[5]", cls: "product-card sale");
        var candidates = Enumerable.Range(1, 30)
            .Select(i => new RelocationCandidate($"c{i}", Element("LI", $"/html[1]/body[1]/ul[1]/li[{i}]", cls: i == 7 ? "sale" : "product-card")))
            .ToArray();

        var scores = SimilarityRelocator.ScoreAll(target, candidates);

        scores["c7"].Should().BeGreaterThan(scores["c3"], because: "'sale' is on one item, 'product-card' on twenty-nine");
    }

    [Fact]
    public void Relocate_OnlyAnIdThatWasRenamed_FindsTheElementWhoseTextHasTheIdsWords()
    {
        var target = new ElementProps { Tag = "*", Id = "add-to-cart" };
        RelocationCandidate[] candidates =
        [
            new("c1", Element("BUTTON", "/html[1]/body[1]/main[1]/button[1]", id: "add-to-wishlist", text: "Add to wishlist")),
            new("c2", Element("BUTTON", "/html[1]/body[1]/main[1]/button[2]", id: "add-to-basket", text: "Add to cart")),
            new("c3", Element("A", "/html[1]/body[1]/header[1]/a[1]", id: "cart-link", text: "Cart")),
            new("c4", Element("BUTTON", "/html[1]/body[1]/main[1]/button[3]", id: "checkout", text: "Checkout")),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.Outcome.Should().Be(RelocationOutcome.Found);
        result.ChosenId.Should().Be("c2");
        result.Top[0].Score.Should().BeGreaterThan(2 * result.Top[1].Score, because: "the renamed button should win clearly, not narrowly");
    }

    [Fact]
    public void Relocate_OnlyATestIdThatIsGone_AbstainsAsGone()
    {
        var target = new ElementProps { Tag = "*", TestId = "cart-count" };
        RelocationCandidate[] candidates =
        [
            new("c1", Element("SPAN", "/html[1]/body[1]/header[1]/span[1]", text: "Total: 3 items") with { TestId = "cart-total" }),
            new("c2", Element("A", "/html[1]/body[1]/header[1]/a[1]", text: "Cart")),
            new("c3", Element("BUTTON", "/html[1]/body[1]/main[1]/button[1]", text: "Checkout") with { TestId = "checkout" }),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.Outcome.Should().Be(RelocationOutcome.ElementGone);
        result.ChosenId.Should().BeNull();
    }

    [Fact]
    public void ScoreAll_IdInAnotherSpelling_ScoresNearlyAsHighAsTheSameId()
    {
        var target = new ElementProps { Tag = "*", Id = "add-to-cart" };

        var scores = SimilarityRelocator.ScoreAll(target, [new("same", Element("BUTTON", "/b[1]", id: "add-to-cart")), new("camel", Element("BUTTON", "/b[2]", id: "addToCart")), new("other", Element("BUTTON", "/b[3]", id: "add_to_wishlist"))]);

        scores["same"].Should().BeApproximately(1.0, 1e-9, because: "an unknown tag ('*') is not scored");
        scores["camel"].Should().BeApproximately(PropertySimilarity.SameWordsOtherSpelling, 1e-9);
        scores["other"].Should().BeLessThan(PropertySimilarity.PartialNameCap);
    }

    [Theory]
    [InlineData("Choose colour", "Choose color", "Choose size")]
    [InlineData("Log in", "Login", "Log out")]
    [InlineData("Sign-in", "Sign in", "Sign up")]
    public void Relocate_TextWithASmallEdit_FindsTheEditedElement(string oldText, string newText, string otherText)
    {
        var target = Element("BUTTON", "/html[1]/body[1]/form[1]/button[1]", text: oldText);
        RelocationCandidate[] candidates =
        [
            new("other", Element("BUTTON", "/html[1]/body[1]/form[1]/button[1]", text: otherText)),
            new("edited", Element("BUTTON", "/html[1]/body[1]/form[1]/button[2]", text: newText)),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.ChosenId.Should().Be("edited");
    }

    [Fact]
    public void Relocate_RoleAndAccessibleNameOnly_FindsTheButtonNotTheLinkOrTheOtherButton()
    {
        var target = new ElementProps { Tag = "*", Role = "button", AccessibleName = "Sign in" };
        RelocationCandidate[] candidates =
        [
            new("link", Element("A", "/html[1]/body[1]/header[1]/a[1]", text: "Sign in") with { Role = "link", AccessibleName = "Sign in" }),
            new("signup", Element("BUTTON", "/html[1]/body[1]/main[1]/button[1]", text: "Sign up") with { Role = "button", AccessibleName = "Sign up" }),
            new("signin", Element("BUTTON", "/html[1]/body[1]/main[1]/button[2]", text: "Sign in") with { Role = "button", AccessibleName = "Sign in" }),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.Outcome.Should().Be(RelocationOutcome.Found);
        result.ChosenId.Should().Be("signin");
    }

    [Fact]
    public void Relocate_InputKnownByItsLabel_FindsTheInputWhoseLabelReadsTheSame()
    {
        var target = Element("INPUT", "/html[1]/body[1]/form[1]/input[1]") with { Label = "Email address", Type = "email" };
        RelocationCandidate[] candidates =
        [
            new("password", Element("INPUT", "/html[1]/body[1]/form[1]/div[2]/input[1]") with { Label = "Password", Type = "password" }),
            new("optin", Element("INPUT", "/html[1]/body[1]/form[1]/div[3]/input[1]") with { Label = "Email me offers", Type = "checkbox" }),
            new("email", Element("INPUT", "/html[1]/body[1]/form[1]/div[1]/input[1]") with { Label = "E-mail address", Type = "email" }),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.Outcome.Should().Be(RelocationOutcome.Found);
        result.ChosenId.Should().Be("email");
    }

    [Fact]
    public void Relocate_TestIdKeptButTextReworded_FindsTheElementByItsTestId()
    {
        var target = Element("BUTTON", "/html[1]/body[1]/main[1]/button[1]", text: "Checkout") with { TestId = "checkout" };
        RelocationCandidate[] candidates =
        [
            new("back", Element("BUTTON", "/html[1]/body[1]/main[1]/div[1]/button[1]", text: "Continue shopping") with { TestId = "continue" }),
            new("pay", Element("BUTTON", "/html[1]/body[1]/main[1]/div[1]/button[2]", text: "Proceed to payment") with { TestId = "checkout" }),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.Outcome.Should().Be(RelocationOutcome.Found);
        result.ChosenId.Should().Be("pay");
    }

    [Fact]
    public void Decide_TwoHalfMatchesAFixedMarginApart_AbstainsByTheRelativeMargin()
    {
        var result = SimilarityRelocator.Decide([new("a", 0.60), new("b", 0.53)]);

        result.Outcome.Should().Be(RelocationOutcome.Ambiguous, because: "0.07 clears the fixed margin but both miss almost half of the target");
    }

    [Theory]
    [InlineData(0.98, 0.92)]
    [InlineData(0.60, 0.45)]
    public void Decide_RunnerUpMissesClearlyMore_Answers(double best, double runnerUp)
    {
        var result = SimilarityRelocator.Decide([new("b", runnerUp), new("a", best)]);

        result.Outcome.Should().Be(RelocationOutcome.Found);
        result.ChosenId.Should().Be("a");
    }

    [Fact]
    public void Decide_HiddenAndVisibleEquallySimilar_ChoosesTheVisibleOne()
    {
        var result = SimilarityRelocator.Decide([new("hidden", 0.8, Hidden: true), new("visible", 0.8)]);

        result.Outcome.Should().Be(RelocationOutcome.Found);
        result.ChosenId.Should().Be("visible");
        result.Top.Should().Contain(new ScoredCandidate("hidden", 0.8, Hidden: true), because: "the hidden one is still reported");
    }

    [Fact]
    public void Decide_HiddenClearlyBetterButAVisibleOnePlausible_Abstains()
    {
        var result = SimilarityRelocator.Decide([new("visible", 0.6), new("hidden", 0.95, Hidden: true)]);

        result.Outcome.Should().Be(RelocationOutcome.Ambiguous);
        result.Top[0].Should().Be(new ScoredCandidate("hidden", 0.95, Hidden: true));
    }

    [Fact]
    public void Decide_OnlyAHiddenElementIsPlausible_ReturnsItAsFoundHidden()
    {
        var result = SimilarityRelocator.Decide([new("visible", 0.3), new("hidden", 0.9, Hidden: true)]);

        result.Outcome.Should().Be(RelocationOutcome.FoundHidden);
        result.ChosenId.Should().Be("hidden");
    }

    [Fact]
    public void Decide_TwoHiddenLookAlikesAndNothingVisible_Abstains()
    {
        var result = SimilarityRelocator.Decide([new("h1", 0.9, Hidden: true), new("h2", 0.88, Hidden: true), new("visible", 0.2)]);

        result.Outcome.Should().Be(RelocationOutcome.Ambiguous);
    }

    [Fact]
    public void Relocate_HiddenCopyOfTheTarget_HealsToTheVisibleOne()
    {
        var target = Element("A", "/html[1]/body[1]/nav[1]/a[2]", cls: "nav-link", text: "Pricing", href: "https://shop.example/pricing");
        RelocationCandidate[] candidates =
        [
            new("mobile", Element("A", "/html[1]/body[1]/nav[3]/a[2]", cls: "nav-link", text: "Pricing", href: "https://shop.example/pricing") with { Hidden = true }),
            new("desktop", Element("A", "/html[1]/body[1]/nav[2]/a[2]", cls: "nav-link", text: "Pricing", href: "https://shop.example/pricing")),
            new("home", Element("A", "/html[1]/body[1]/nav[2]/a[1]", cls: "nav-link", text: "Home", href: "https://shop.example/")),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.ChosenId.Should().Be("desktop", because: "the hidden copy matches as well, and a healer must not heal to an invisible element");
        result.Top.Should().Contain(t => t.Id == "mobile" && t.Hidden);
    }

    [Fact]
    public void Relocate_RemovedLinkWhoseNextSiblingMovedIntoItsPlace_AbstainsAsGone()
    {
        var target = Element("A", "/html[1]/body[1]/nav[1]/a[2]", cls: "nav-link", text: "Products", href: "https://shop.example/products", neighbors: "Home Admin");
        RelocationCandidate[] candidates =
        [
            new("home", Element("A", "/html[1]/body[1]/nav[1]/a[1]", cls: "nav-link", text: "Home", href: "https://shop.example/", neighbors: "Admin")),
            new("admin", Element("A", "/html[1]/body[1]/nav[1]/a[2]", cls: "nav-link", text: "Admin", href: "https://shop.example/admin", neighbors: "Home")),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.Outcome.Should().Be(RelocationOutcome.ElementGone, because: "the link in its place has the same look and path but another name");
        result.Top[0].Id.Should().Be("admin");
        result.Top[0].Score.Should().BeGreaterThan(SimilarityRelocator.Threshold);
    }

    [Fact]
    public void Decide_WinnerKeepsAlmostNothingOfTheName_AbstainsAsGone()
    {
        var result = SimilarityRelocator.Decide([new("a", 0.8, Identity: 0.1), new("b", 0.3, Identity: 0)]);

        result.Outcome.Should().Be(RelocationOutcome.ElementGone);
    }

    [Fact]
    public void Decide_TargetWithNothingThatNamesIt_IsJudgedByItsScoreAlone()
    {
        var result = SimilarityRelocator.Decide([new("a", 0.8, Identity: null), new("b", 0.3, Identity: null)]);

        result.Outcome.Should().Be(RelocationOutcome.Found);
        result.ChosenId.Should().Be("a");
    }

    [Fact]
    public void Relocate_LinkWhoseTextChangedButNotItsTarget_KeepsEnoughOfItsName()
    {
        var target = Element("A", "/html[1]/body[1]/footer[1]/a[2]", cls: "footer-link", text: "Privacy", href: "https://shop.example/legal/privacy");
        RelocationCandidate[] candidates =
        [
            new("terms", Element("A", "/html[1]/body[1]/footer[1]/a[1]", cls: "footer-link", text: "Terms", href: "https://shop.example/legal/terms")),
            new("privacy", Element("A", "/html[1]/body[1]/footer[1]/a[2]", cls: "footer-link", text: "Your data", href: "https://shop.example/legal/privacy")),
        ];

        var result = SimilarityRelocator.Relocate(target, candidates);

        result.ChosenId.Should().Be("privacy");
        result.Top[0].Identity.Should().BeGreaterThan(SimilarityRelocator.IdentityFloor);
    }
}
