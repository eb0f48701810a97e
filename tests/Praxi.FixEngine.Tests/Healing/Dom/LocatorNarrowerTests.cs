using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Healing.Dom;

public sealed class LocatorNarrowerTests
{
    private const string Checkout = """
        <header><nav aria-label="Main"><a href="/">Shop</a></nav></header>
        <main>
          <form id="checkout" aria-label="Checkout">
            <label>Full name <input name="name"></label>
            <button id="in-form" type="submit">Place order</button>
          </form>
        </main>
        <footer class="sticky"><span>Total 42</span><button id="in-footer">Place   order</button></footer>
        """;

    private static readonly LocatorSpec PlaceOrder = new() { By = LocatorKind.Role, Role = "button", Name = "Place order", Exact = false };

    [Fact]
    public void Narrow_DuplicatedButtonInForm_ScopesByTheFormFirstAndNthLast()
    {
        var dom = DomLoader.Parse(Checkout);
        var target = dom.GetElementById("in-form")!;

        var sut = LocatorNarrower.Narrow(PlaceOrder, target, dom);

        sut[0].Should().Be(new GeneratedLocator(
            new LocatorSpec { By = LocatorKind.Selector, Value = "form#checkout >> internal:role=button[name=\"Place order\"i]" },
            "scope", false, "The test's locator, inside form#checkout."));
        sut.Select(r => r.Strategy).Should().StartWith("scope").And.EndWith("nth");
        sut[^1].Spec.Value.Should().Be("internal:role=button[name=\"Place order\"i] >> nth=0");
        sut[^1].Fragile.Should().BeTrue();
        sut.Take(sut.Count - 1).Should().OnlyContain(r => !r.Fragile);
        foreach (var result in sut)
        {
            SelectorEngine.Query(dom, result.Spec).Should().ContainSingle(because: result.Spec.Value).Which.Should().BeSameAs(target);
        }
    }

    [Fact]
    public void Narrow_DuplicatedButtonInStickyFooter_ScopesByTheContentinfoLandmark()
    {
        var dom = DomLoader.Parse(Checkout);
        var target = dom.GetElementById("in-footer")!;

        var sut = LocatorNarrower.Narrow(PlaceOrder, target, dom);

        sut[0].Spec.Value.Should().Be("internal:role=contentinfo >> internal:role=button[name=\"Place order\"i]");
        sut[^1].Spec.Value.Should().EndWith(">> nth=1");
        SelectorEngine.Query(dom, sut[0].Spec).Should().ContainSingle().Which.Should().BeSameAs(target);
    }

    [Fact]
    public void Narrow_ChainSpecs_RoundTripThroughTheLocatorParser()
    {
        var dom = DomLoader.Parse(Checkout);

        var sut = LocatorNarrower.Narrow(PlaceOrder, dom.GetElementById("in-form")!, dom);

        foreach (var chain in sut.Where(r => r.Spec.By == LocatorKind.Selector))
        {
            LocatorExpression.TryParseSelector(chain.Spec.Value, out var parsed).Should().BeTrue();
            parsed.Should().Be(chain.Spec);
        }
    }

    [Fact]
    public void Narrow_OtherNameOnlyContainsIt_PrefersTheExactName()
    {
        var dom = DomLoader.Parse("<button id=a>Place order</button><button id=b>Place order now</button>");

        var sut = LocatorNarrower.Narrow(PlaceOrder, dom.GetElementById("a")!, dom);

        sut[0].Should().Be(new GeneratedLocator(
            new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Place order", Exact = true },
            "exact", false, "The button named exactly \"Place order\"; the other matches have longer names."));
    }

    [Fact]
    public void Narrow_CardsWithoutIds_FiltersByText()
    {
        var dom = DomLoader.Parse("""
            <div class="card"><h3>Trail Mug</h3><button>Add</button></div>
            <div class="card"><h3>Camp Stool</h3><button>Add</button></div>
            """);
        var target = dom.QuerySelectorAll(".card")[1];

        var sut = LocatorNarrower.Narrow(new LocatorSpec { By = LocatorKind.Css, Value = ".card" }, target, dom);

        sut[0].Spec.Should().Be(new LocatorSpec { By = LocatorKind.Selector, Value = ".card >> internal:has-text=\"Camp Stool\"i" });
        sut[0].Strategy.Should().Be("filter");
        sut[^1].Strategy.Should().Be("nth");
    }

    [Fact]
    public void Narrow_TargetNotAmongTheMatches_ReturnsNothing()
    {
        var dom = DomLoader.Parse(Checkout);

        LocatorNarrower.Narrow(PlaceOrder, dom.QuerySelector("a")!, dom).Should().BeEmpty();
    }

    [Fact]
    public void Narrow_AlreadyUnique_ReturnsTheOldLocator()
    {
        var dom = DomLoader.Parse("<button id=a>Place order</button>");

        LocatorNarrower.Narrow(PlaceOrder, dom.GetElementById("a")!, dom).Should().ContainSingle().Which.Spec.Should().Be(PlaceOrder);
    }

    [Fact]
    public void Narrow_MalformedOldLocator_ThrowsAClearFixEngineException()
    {
        var dom = DomLoader.Parse("<button id=a>x</button>");

        var act = () => LocatorNarrower.Narrow(new LocatorSpec { By = LocatorKind.Selector, Value = "bogus=1" }, dom.GetElementById("a")!, dom);

        act.Should().Throw<FixEngineException>().WithMessage("*Unknown selector engine*");
    }
}
