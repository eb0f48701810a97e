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
}
