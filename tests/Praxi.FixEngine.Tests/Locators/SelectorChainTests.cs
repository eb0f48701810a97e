using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Locators;

public sealed class SelectorChainTests
{
    [Fact]
    public void TryParseSelector_QuoteInsideAnUnquotedTextBody_SplitsTheChainAsPlaywrightDoes()
    {
        // Playwright's parseSelector: a quote after `text=` and some text does not open a string, so this is two parts.
        LocatorExpression.TryParseSelector("text=it's >> button", out var sut).Should().BeTrue();

        sut.Should().BeEquivalentTo(new LocatorSpec { By = LocatorKind.Selector, Value = "text=it's >> button" });
    }

    [Fact]
    public void Normalize_QuoteInsideAnUnquotedTextBody_KeepsBothParts()
    {
        BaselineKeys.Normalize("text=it's>>button").Should().Be("internal:text=\"it's\"i >> button");
    }

    [Theory]
    [InlineData("#a", new[] { "#a" })]
    [InlineData("form >> button", new[] { "form ", " button" })]
    [InlineData("form>>button", new[] { "form", "button" })]
    [InlineData("[data-note=\"a >> b\"] >> span", new[] { "[data-note=\"a >> b\"] ", " span" })]
    [InlineData("[data-note='a >> b']", new[] { "[data-note='a >> b']" })]
    [InlineData("internal:has=\"li >> a\" >> nth=0", new[] { "internal:has=\"li >> a\" ", " nth=0" })]
    [InlineData("text=it's >> button", new[] { "text=it's ", " button" })]
    [InlineData("text='it' >> button", new[] { "text='it' ", " button" })]
    [InlineData("text='it >> button'", new[] { "text='it >> button'" })]
    [InlineData("  text = it\"s >> button", new[] { "  text = it\"s ", " button" })]
    [InlineData("internal:text=it's >> button", new[] { "internal:text=it's >> button" })]
    [InlineData("text=a\nit's >> button", new[] { "text=a\nit's >> button" })]
    [InlineData("internal:text=/a\\>\\>b/ >> nth=1", new[] { "internal:text=/a\\>\\>b/ ", " nth=1" })]
    [InlineData("div:has(a >> b)", new[] { "div:has(a ", " b)" })]
    [InlineData("`a >> b` >> c", new[] { "`a >> b` ", " c" })]
    public void SplitRaw_PlaywrightsRules_GiveTheseParts(string selector, string[] parts)
    {
        SelectorChain.SplitRaw(selector).Should().Equal(parts);
    }

    [Fact]
    public void Split_TrimsAndKeepsEmptyParts()
    {
        SelectorChain.Split("a >>  >> b").Should().Equal("a", string.Empty, "b");
        SelectorChain.Join(["a", "b"]).Should().Be("a >> b");
    }
}
