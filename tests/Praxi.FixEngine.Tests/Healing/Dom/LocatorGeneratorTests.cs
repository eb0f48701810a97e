using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Healing.Dom;

public sealed class LocatorGeneratorTests
{
    private static (IDocument Dom, IElement Target) Page(string html, string target = "#t")
    {
        var dom = DomLoader.Parse(html);
        return (dom, dom.QuerySelector(target) ?? throw new InvalidOperationException("no " + target));
    }

    private static void EveryResultResolvesToTheTargetAlone(IDocument dom, IElement target, IReadOnlyList<GeneratedLocator> results, DomQueryContext? context = null)
    {
        results.Should().NotBeEmpty();
        foreach (var result in results)
        {
            SelectorEngine.Query(dom, result.Spec, context).Should().ContainSingle(because: result.Why).Which.Should().BeSameAs(target);
        }
    }

    [Fact]
    public void Generate_TestIdPresent_FollowsThePreferenceOrder()
    {
        var (dom, target) = Page("""
            <button id=t data-testid=checkout class="btn primary">Checkout</button><button class="btn">Cancel</button>
            """);

        var sut = LocatorGenerator.Generate(target, dom, SelectorPreferences.Default);

        sut.Select(r => r.Strategy).Should().Equal("test_id", "role", "text", "id", "css", "xpath");
        sut[0].Spec.Should().Be(new LocatorSpec { By = LocatorKind.TestId, Value = "checkout" });
        sut[1].Spec.Should().Be(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Checkout", Exact = false });
        sut.Should().OnlyContain(r => !r.Fragile);
        EveryResultResolvesToTheTargetAlone(dom, target, sut);
    }

    [Fact]
    public void Generate_NameContainedInAnotherName_UsesExactOnlyThen()
    {
        var (dom, save) = Page("<button id=t>Save</button><button id=all>Save all</button>");

        var forSave = LocatorGenerator.Generate(save, dom, SelectorPreferences.Default);
        var forSaveAll = LocatorGenerator.Generate(dom.GetElementById("all")!, dom, SelectorPreferences.Default);

        forSave.First(r => r.Strategy == "role").Spec.Exact.Should().BeTrue();
        forSaveAll.First(r => r.Strategy == "role").Spec.Exact.Should().BeFalse();
        EveryResultResolvesToTheTargetAlone(dom, save, forSave);
    }

    [Fact]
    public void Generate_AuthorUsedRole_KeepsRoleWithTheTargetsNameAndExactness()
    {
        var (dom, target) = Page("<form><button id=t data-testid=login>Log in</button></form><a href=/help>Help</a>");
        var old = new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Sign in", Exact = true };

        var sut = LocatorGenerator.Generate(target, dom, SelectorPreferences.Default, old);

        sut[0].Spec.Should().Be(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Log in", Exact = true });
        sut[0].Why.Should().StartWith("Same form as the test");
        sut[1].Strategy.Should().Be("test_id");
        sut.Count(r => r.Spec.By == LocatorKind.Role).Should().Be(2, "the preference order adds the non-exact role locator too");
    }

    [Theory]
    [InlineData(LocatorKind.Id, LocatorKind.Id)]
    [InlineData(LocatorKind.Css, LocatorKind.Css)]
    [InlineData(LocatorKind.XPath, LocatorKind.XPath)]
    [InlineData(LocatorKind.Text, LocatorKind.Text)]
    [InlineData(LocatorKind.Name, LocatorKind.Name)]
    public void Generate_AuthorForm_ComesFirst(LocatorKind by, LocatorKind expected)
    {
        var (dom, target) = Page("<input id=t name=email data-testid=email-field placeholder='you@example.com'><button>Go</button>");
        if (by == LocatorKind.Text)
        {
            (dom, target) = Page("<p id=t data-testid=status>Status ready</p><p>Other</p>");
        }

        var sut = LocatorGenerator.Generate(target, dom, SelectorPreferences.Default, new LocatorSpec { By = by, Value = "old" });

        sut[0].Spec.By.Should().Be(expected);
        EveryResultResolvesToTheTargetAlone(dom, target, sut);
    }

    [Fact]
    public void Generate_GeneratedIdsAndClasses_AreNeverUsed()
    {
        var (dom, target) = Page("""
            <div id=ember123 class="css-1x2y3z sc-bdVaJa"><span class="a1b2c3d4 Button_root__3kPq1">x</span></div>
            <div id=ember124 class="css-9q8w7e"><span class="f0e1d2c3">x</span></div>
            """, "span");

        var sut = LocatorGenerator.Generate(target, dom, SelectorPreferences.Default, new LocatorSpec { By = LocatorKind.Id, Value = "ember99" });

        sut.Should().NotBeEmpty();
        sut.Select(r => r.Spec.Value ?? string.Empty).Should().NotContain(v => v.Contains("ember") || v.Contains("css-") || v.Contains("a1b2") || v.Contains("3kPq1"));
        sut.Should().OnlyContain(r => r.Strategy == "xpath" && r.Fragile);
        EveryResultResolvesToTheTargetAlone(dom, target, sut);
    }

    [Fact]
    public void Generate_HiddenDuplicate_CountsForCssButNotForRole()
    {
        var (dom, target) = Page("<button id=t class=secondary>Cancel</button><button hidden class=secondary>Cancel</button>");

        var sut = LocatorGenerator.Generate(target, dom, SelectorPreferences.Default);

        sut.Should().Contain(r => r.Spec.By == LocatorKind.Role && r.Spec.Name == "Cancel");
        sut.Should().NotContain(r => r.Spec.Value == "button.secondary");
        sut.Should().NotContain(r => r.Strategy == "text");
        EveryResultResolvesToTheTargetAlone(dom, target, sut);
    }

    [Fact]
    public void Generate_LongTextAndEmptyName_AreRejected()
    {
        var longText = string.Join(' ', Enumerable.Repeat("words", 20));
        var (dom, target) = Page($"<p id=t class=intro>{longText}</p><div role=button id=b></div>", "#t");

        var sut = LocatorGenerator.Generate(target, dom, SelectorPreferences.Default);

        sut.Should().NotContain(r => r.Strategy == "text" || r.Strategy == "role");
        sut[0].Spec.Should().Be(new LocatorSpec { By = LocatorKind.Id, Value = "t" });
    }

    [Fact]
    public void Generate_LabelAndPlaceholderPreferences_AreHonoured()
    {
        var (dom, target) = Page("<label for=t>Email address</label><input id=t placeholder='you@example.com'><input placeholder='Name'>");
        var preferences = new SelectorPreferences(["placeholder", "label"], ["data-testid"]);

        var sut = LocatorGenerator.Generate(target, dom, preferences);

        sut.Select(r => r.Spec).Should().Equal(
            new LocatorSpec { By = LocatorKind.Placeholder, Value = "you@example.com", Exact = false },
            new LocatorSpec { By = LocatorKind.Label, Value = "Email address", Exact = false });
    }

    [Fact]
    public void Generate_CustomTestIdAttribute_UsesIt()
    {
        var (dom, target) = Page("<button id=t data-qa=pay>Pay</button><button data-qa=back>Back</button>");
        var preferences = new SelectorPreferences(["test_id"], ["data-qa"]);

        var sut = LocatorGenerator.Generate(target, dom, preferences);

        sut.Should().ContainSingle().Which.Spec.Should().Be(new LocatorSpec { By = LocatorKind.TestId, Value = "pay" });
        EveryResultResolvesToTheTargetAlone(dom, target, sut, new DomQueryContext { TestIdAttribute = "data-qa" });
    }

    [Fact]
    public void Generate_NoOwnHandle_UsesAStableAncestorInCss()
    {
        var (dom, target) = Page("<div id=cart><span id=t class=count>1</span></div><div><span class=count>1</span></div>");
        target.RemoveAttribute("id");

        var sut = LocatorGenerator.Generate(target, dom, new SelectorPreferences(["css", "xpath"], ["data-testid"]));

        sut[0].Spec.Should().Be(new LocatorSpec { By = LocatorKind.Css, Value = "#cart span.count" });
        sut[1].Spec.Value.Should().Be("//*[@id='cart']/span[1]");
        sut[1].Fragile.Should().BeTrue();
    }

    [Fact]
    public void Generate_TargetOutsideTheScope_ThrowsAClearFixEngineException()
    {
        var (_, target) = Page("<button id=t>x</button>");
        var other = DomLoader.Parse("<p>other</p>");

        var act = () => LocatorGenerator.Generate(target, other, SelectorPreferences.Default);

        act.Should().Throw<FixEngineException>().WithMessage("*not inside the page*");
    }

    [Theory]
    [InlineData("checkout", true)]
    [InlineData("add-to-basket", true)]
    [InlineData("btn-primary", true)]
    [InlineData("col-md-6", true)]
    [InlineData("submitButton", true)]
    [InlineData("h1", true)]
    [InlineData("ember123", false)]
    [InlineData("css-1x2y3z", false)]
    [InlineData("sc-bdVaJa", false)]
    [InlineData("Button_root__3kPq1", false)]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", false)]
    [InlineData("a1b2c3d4", false)]
    [InlineData("order-20481", false)]
    [InlineData(":r5:", false)]
    [InlineData("", false)]
    [InlineData("two words", false)]
    public void IsStableToken_Value_RejectsGeneratedOnes(string value, bool expected) =>
        StableValues.IsStableToken(value).Should().Be(expected);
}
