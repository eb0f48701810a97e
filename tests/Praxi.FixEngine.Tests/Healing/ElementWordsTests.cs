using Praxi.FixEngine.Healing;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class ElementWordsTests
{
    [Theory]
    [InlineData("addToCart", "add to cart")]
    [InlineData("add-to_cart", "add to cart")]
    [InlineData("HTMLParser2", "html parser 2")]
    [InlineData("btn btn-primary", "btn primary")]
    [InlineData("item42Link", "item 42 link")]
    public void FromName_SplitsCaseSeparatorsAndDigits(string name, string expected)
    {
        var sut = ElementWords.FromName(name);

        sut!.Words.Should().Equal(expected.Split(' '));
    }

    [Fact]
    public void FromText_LowerCasesAndRunsWordsTogether()
    {
        var sut = ElementWords.FromText("  Log in, now! Log ");

        sut!.Words.Should().Equal("log", "in", "now");
        sut.Joined.Should().Be("loginnowlog");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("—")]
    [InlineData(null)]
    public void FromText_NoWords_IsNull(string? text) => ElementWords.FromText(text).Should().BeNull();

    [Theory]
    [InlineData("colour", "color", true)]
    [InlineData("color", "colour", true)]
    [InlineData("cart", "card", true)]
    [InlineData("cat", "cart", true)]
    [InlineData("same", "same", true)]
    [InlineData("cart", "basket", false)]
    [InlineData("signin", "signup", false)]
    public void WithinOneEdit_OneInsertionDeletionOrReplacement(string a, string b, bool expected) =>
        PropertySimilarity.WithinOneEdit(a, b).Should().Be(expected);
}
