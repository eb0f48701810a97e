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

    [Theory]
    [InlineData("Order 1039", "Order 1038")]
    [InlineData("Buy now", "Buy new")]
    public void Words_NumbersOrShortWordsOneEditApart_DoNotPair(string a, string b)
    {
        var vocabulary = new PageVocabulary();

        var similarity = PropertySimilarity.Words(ElementWords.FromText(a)!, ElementWords.FromText(b), vocabulary, fuzzy: true);

        similarity.Should().BeApproximately(1.0 / 3, 1e-9, because: "only the first word is shared");
    }

    [Fact]
    public void Words_LongWordsOneEditApart_PairForPartOfAWord()
    {
        var vocabulary = new PageVocabulary();

        var similarity = PropertySimilarity.Words(ElementWords.FromText("Billing adress")!, ElementWords.FromText("Billing address"), vocabulary, fuzzy: true);

        similarity.Should().BeApproximately((1 + PropertySimilarity.FuzzyWordCredit) / 2, 1e-9);
    }
}
