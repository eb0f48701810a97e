using AngleSharp.Dom;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Evaluation;

namespace Praxi.FixEngine.Tests.Healing.Evaluation;

public sealed class RelocationMutatorTests
{
    private const string Page = """
        <html><body>
          <header><nav><ul><li><a href="/a" class="nav-link">Alpha</a></li><li><a href="/b" class="nav-link">Beta</a></li></ul></nav></header>
          <main>
            <form><label for="email-input">Email</label><input id="email-input" name="email" data-testid="signup-email"></form>
            <button id="add-to-cart" class="btn btn-primary">Add to cart</button>
          </main>
          <footer><p>Footer text</p></footer>
        </body></html>
        """;

    [Fact]
    public void TryApply_IdRenamed_RenamesIdNameAndTestIdAndKeepsTheLabelPointingAtIt()
    {
        var (doc, input) = Load("input");

        var applied = RelocationMutator.TryApply(RelocationMutation.IdRenamed, input, new Random(1));

        applied.Should().BeTrue();
        input.Id.Should().NotBe("email-input").And.ContainEquivalentOf("email");
        input.GetAttribute("name").Should().NotBe("email");
        input.GetAttribute("data-testid").Should().NotBe("signup-email").And.ContainEquivalentOf("signup");
        doc.QuerySelector("label")!.GetAttribute("for").Should().Be(input.Id);
    }

    [Fact]
    public void Rename_KebabName_BecomesCamelCaseWithAWordAdded()
    {
        var renamed = RelocationMutator.Rename("add-to-cart", new Random(3));

        renamed.Should().NotContain("-").And.Contain("ToCart");
        renamed.Length.Should().BeGreaterThan("addToCart".Length);
    }

    [Fact]
    public void TryApply_ClassRenamed_ReplacesEveryClass()
    {
        var (_, button) = Load("button");

        RelocationMutator.TryApply(RelocationMutation.ClassRenamed, button, new Random(1)).Should().BeTrue();

        button.ClassList.Should().HaveCount(2).And.NotContain("btn").And.NotContain("btn-primary");
    }

    [Fact]
    public void TryApply_WrapperAdded_PutsTheElementInANewDivAtItsPlace()
    {
        var (doc, button) = Load("button");

        RelocationMutator.TryApply(RelocationMutation.WrapperAdded, button, new Random(1)).Should().BeTrue();

        button.ParentElement!.LocalName.Should().Be("div");
        button.ParentElement.ParentElement.Should().BeSameAs(doc.QuerySelector("main"));
    }

    [Fact]
    public void TryApply_SiblingInserted_AddsACopyWithOtherWordsAndNoIdBeforeIt()
    {
        var (_, button) = Load("button");

        RelocationMutator.TryApply(RelocationMutation.SiblingInserted, button, new Random(1)).Should().BeTrue();

        var sibling = button.PreviousElementSibling!;
        sibling.LocalName.Should().Be("button");
        sibling.Id.Should().BeNullOrEmpty();
        sibling.ClassName.Should().Be("btn btn-primary");
        sibling.TextContent.Should().NotBe("Add to cart");
    }

    [Fact]
    public void TryApply_TextReworded_ReplacesTheLongestWord()
    {
        var (_, button) = Load("button");

        RelocationMutator.TryApply(RelocationMutation.TextReworded, button, new Random(1)).Should().BeTrue();

        button.TextContent.Should().StartWith("Add to ").And.NotBe("Add to cart");
    }

    [Fact]
    public void TryApply_TextRewordedOnAnElementWithoutText_DoesNotApply()
    {
        var (_, input) = Load("input");

        RelocationMutator.TryApply(RelocationMutation.TextReworded, input, new Random(1)).Should().BeFalse();
    }

    [Fact]
    public void TryApply_MovedListEntry_GoesToAnotherListOnly()
    {
        var html = Page.Replace("<footer>", "<aside><ul><li>Other list</li></ul></aside><footer>", StringComparison.Ordinal);
        var doc = DomLoader.Parse(html);
        var entry = doc.QuerySelector("li")!;

        RelocationMutator.TryApply(RelocationMutation.Moved, entry, new Random(1)).Should().BeTrue();

        entry.ParentElement!.ParentElement!.LocalName.Should().Be("aside");
    }

    [Fact]
    public void TryApply_Moved_LeavesItsParent()
    {
        var (doc, button) = Load("button");
        var parent = button.ParentElement;

        RelocationMutator.TryApply(RelocationMutation.Moved, button, new Random(2)).Should().BeTrue();

        button.ParentElement.Should().NotBeSameAs(parent);
        doc.Contains(button).Should().BeTrue();
    }

    [Fact]
    public void TryApply_Removed_TakesTheElementOutOfThePage()
    {
        var (doc, button) = Load("button");

        RelocationMutator.TryApply(RelocationMutation.Removed, button, new Random(1)).Should().BeTrue();

        doc.QuerySelector("button").Should().BeNull();
    }

    private static (IDocument Doc, IElement Element) Load(string selector)
    {
        var doc = DomLoader.Parse(Page);
        return (doc, doc.QuerySelector(selector)!);
    }
}
