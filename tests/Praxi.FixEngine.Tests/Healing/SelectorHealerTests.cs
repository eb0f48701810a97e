using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Tests.Healing;

/// <summary>
/// The healer on the committed sample runs, with the baseline recorded from the green run: each outcome's new
/// locator is evaluated on the failure-time page it was found in, and must name the element the scenario moved,
/// renamed or duplicated — not merely be present.
/// </summary>
public sealed class SelectorHealerTests
{
    [Fact]
    public void Heal_RenamedSelector_EveryReplaceFindsTheRenamedButtonInTheAuthorsForm()
    {
        var analysis = HealSamples.Analysis("renamed-selector");

        var sut = HealSamples.Heal("renamed-selector");

        var replaces = analysis.FixAgentInstructions.Count(i => i.Kind == FixKind.ReplaceSelector);
        replaces.Should().BeGreaterThanOrEqualTo(3, "the TypeScript, .NET and Selenium suites each broke on #add-to-cart");
        sut.Outcomes.Should().HaveCount(replaces).And.OnlyContain(o => o.Kind == FixKind.ReplaceSelector);
        foreach (var o in sut.Outcomes)
        {
            o.Status.Should().Be(HealStatus.Healed, o.Reason);
            var element = Resolve("renamed-selector", o);
            element.Id.Should().Be("add-to-basket");
            element.GetAttribute("data-testid").Should().Be("add-to-cart");
            element.LocalName.Should().Be("button");
            o.Candidates[0].Path.Should().Be(ElementFingerprints.FromElement(element).XPath, "the chosen element is listed first");
            IsIdForm(o.New!, "add-to-basket").Should().BeTrue($"{o.Old.Value} is an id locator, and {o.New} should stay one");
            o.Fragile.Should().BeFalse();
            o.Confidence.Should().BeInRange(0.5, 1);
        }

        // Playwright's '#add-to-cart' is CSS and stays CSS (By.Id in Selenium reaches the healer as '#add\-to\-cart').
        sut.Outcomes.Where(o => o.Old.Value == "#add-to-cart").Should().HaveCountGreaterThanOrEqualTo(2)
            .And.OnlyContain(o => o.New!.By == LocatorKind.Css && o.New.Value == "#add-to-basket" && o.Strategy == "css");
        sut.Outcomes.Should().Contain(o => o.Old.Value == "#add\\-to\\-cart", "the Selenium test's By.Id");
    }

    [Fact]
    public void Heal_RenamedSelector_PlaywrightOutcomesUseTheRecordedFingerprintAndGainConfidenceFromIt()
    {
        var with = HealSamples.Heal("renamed-selector");
        var without = HealSamples.Heal("renamed-selector", withBaseline: false);

        var traced = with.Outcomes.Where(o => o.Evidence!.Source.EndsWith("trace.zip", StringComparison.Ordinal)).ToList();
        traced.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(o => o.Evidence!.Fingerprint == "baseline");
        without.Outcomes.Should().OnlyContain(o => o.Evidence!.Fingerprint == "locator");
        foreach (var o in traced)
        {
            var other = without.Outcomes.Single(x => x.Instruction == o.Instruction);
            o.Confidence.Should().BeGreaterThan(other.Confidence, "a fingerprint of the element itself is stronger evidence than its locator");
            o.Evidence!.Matched.Should().Contain("test_id").And.Contain("text");
        }
    }

    [Fact]
    public void Heal_ChangedText_RoleLocatorKeepsItsStrategyWithTheNewName()
    {
        var sut = HealSamples.Heal("changed-text");

        var roles = sut.Outcomes.Where(o => o.Old.By == LocatorKind.Role).ToList();
        roles.Should().HaveCountGreaterThanOrEqualTo(2, "the TypeScript and .NET login pages use getByRole");
        foreach (var o in roles)
        {
            o.Old.Name.Should().Be("Sign in");
            o.Status.Should().Be(HealStatus.Healed, o.Reason);
            o.Strategy.Should().Be("role");
            o.New!.By.Should().Be(LocatorKind.Role);
            o.New.Role.Should().Be("button");
            o.New.Name.Should().Be("Log in");
            o.New.Exact.Should().NotBe(true, "the author's getByRole matched loosely");
        }

        sut.Outcomes.Should().OnlyContain(o => o.Status == HealStatus.Healed);
        foreach (var o in sut.Outcomes)
        {
            var element = Resolve("changed-text", o);
            element.LocalName.Should().Be("button");
            element.Id.Should().Be("sign-in", "the scenario changed the button's text and kept its id");
        }
    }

    [Fact]
    public void Heal_MovedElement_LongCssPathHealsToThePriceInsideThePurchasePanel()
    {
        var sut = HealSamples.Heal("moved-element");

        sut.Outcomes.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var o in sut.Outcomes)
        {
            o.Old.Value.Should().Be("main > section.product-detail > div.price-box > span.price");
            o.Status.Should().Be(HealStatus.Healed, o.Reason);
            o.New!.By.Should().Be(LocatorKind.Css, "the author wrote CSS");
            var page = HealSamples.FailurePage(HealSamples.Artifacts("moved-element"), o);
            SelectorEngine.Query(page, o.Old).Should().BeEmpty("the old path matches nothing on the failure page");
            var element = Single(page, o.New);
            element.LocalName.Should().Be("span");
            element.ClassList.Should().Contain("price");
            Ancestors(element).Should().Contain(a => a.LocalName == "div" && a.ClassList.Contains("purchase-panel"));
        }
    }

    [Fact]
    public void Heal_DuplicatedElement_NarrowsToTheFormsButtonNotTheStickySummarys()
    {
        var sut = HealSamples.Heal("duplicated-element");

        sut.Outcomes.Should().HaveCountGreaterThanOrEqualTo(3).And.OnlyContain(o => o.Kind == FixKind.NarrowSelector);
        foreach (var o in sut.Outcomes)
        {
            o.Status.Should().Be(HealStatus.Healed, o.Reason);
            var page = HealSamples.FailurePage(HealSamples.Artifacts("duplicated-element"), o);
            SelectorEngine.Query(page, o.Old).Should().HaveCount(2, "the old locator is the strict-mode violation");
            var element = Single(page, o.New!);
            element.LocalName.Should().Be("button");
            AriaSemantics.Normalize(element.TextContent).Should().Be("Place order");
            Ancestors(element).Should().NotContain(a => a.ClassList.Contains("sticky-summary"));
            o.Fragile.Should().Be(o.Strategy == "nth");
            o.Evidence!.Fingerprint.Should().Be("baseline");
        }
    }

    [Fact]
    public void Heal_RemovedElement_AbstainsAsGoneAndLeavesTheInstructionsAlone()
    {
        var analysis = HealSamples.Analysis("removed-element");

        var sut = HealSamples.Heal("removed-element");

        sut.Outcomes.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var o in sut.Outcomes)
        {
            o.Status.Should().Be(HealStatus.ElementGone, o.Reason);
            o.New.Should().BeNull();
            o.Strategy.Should().BeNull();
            o.Confidence.Should().Be(0);
            o.Reason.Should().Contain("removed");
            o.Candidates.Should().BeInDescendingOrder(c => c.Score);
            o.Candidates.Should().OnlyContain(c => c.Score < SimilarityRelocator.Threshold && !c.Element.Contains("cart-count"));
            sut.Instructions[o.Instruction].New.Should().BeNull();
        }

        sut.Instructions.Should().Equal(analysis.FixAgentInstructions);
        sut.RunId.Should().Be(analysis.RunId);
        sut.SchemaVersion.Should().Be(1);
    }

    [Fact]
    public void Heal_DuplicatedElementWithoutBaseline_AbstainsAmbiguousBetweenTheTwoButtons()
    {
        var sut = HealSamples.Heal("duplicated-element", withBaseline: false);

        sut.Outcomes.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var o in sut.Outcomes)
        {
            o.Status.Should().Be(HealStatus.Ambiguous, "both buttons are in the same form and the locator cannot tell them apart");
            o.New.Should().BeNull();
            o.Confidence.Should().Be(0);
            o.Evidence!.Fingerprint.Should().Be("locator");
            var page = HealSamples.FailurePage(HealSamples.Artifacts("duplicated-element"), o);
            var paths = SelectorEngine.Query(page, o.Old).Select(e => ElementFingerprints.FromElement(e).XPath).ToList();
            o.Candidates.Select(c => c.Path).Should().BeEquivalentTo(paths);
        }

        sut.Instructions.Should().Equal(HealSamples.Analysis("duplicated-element").FixAgentInstructions);
    }

    [Fact]
    public void Heal_RenamedSelectorWithoutBaseline_StillHealsFromTheLocatorAlone()
    {
        var sut = HealSamples.Heal("renamed-selector", withBaseline: false);

        sut.Outcomes.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var o in sut.Outcomes)
        {
            o.Status.Should().Be(HealStatus.Healed, o.Reason);
            Resolve("renamed-selector", o).Id.Should().Be("add-to-basket");
            o.Evidence!.Fingerprint.Should().Be("locator");
        }
    }

    [Fact]
    public void Heal_MixedInstructions_PassesOthersThroughAndLowersTheConfidenceOfHealedOnes()
    {
        var analysis = HealSamples.Analysis("renamed-selector");
        var selector = analysis.FixAgentInstructions.First(i => i.Kind == FixKind.ReplaceSelector && i.Old!.Value == "#add-to-cart");
        var timeout = new FixInstruction { Kind = FixKind.RaiseTimeout, File = "tests/cart.spec.ts", Line = 3, Column = 5, OldMs = 5000, NewMs = 10000, Confidence = 0.7, Evidence = "slow" };
        var noLocator = selector with { Old = null };
        var report = analysis with { FixAgentInstructions = [timeout, selector, noLocator] };

        var sut = new SelectorHealer().Heal(report, HealSamples.Artifacts("renamed-selector"), HealSamples.Baseline);

        sut.Outcomes.Should().ContainSingle().Which.Instruction.Should().Be(1);
        sut.Instructions.Should().HaveCount(3);
        sut.Instructions[0].Should().BeSameAs(timeout);
        sut.Instructions[2].Should().BeSameAs(noLocator, "a selector instruction without 'old' has nothing to heal");
        var outcome = sut.Outcomes[0];
        var healed = sut.Instructions[1];
        healed.New.Should().Be(outcome.New).And.NotBeNull();
        healed.Confidence.Should().Be(Math.Round(selector.Confidence * outcome.Confidence, 3)).And.BeLessThan(selector.Confidence);
        healed.Evidence.Should().StartWith(selector.Evidence).And.Contain("healed: ");
        (healed with { New = null, Confidence = selector.Confidence, Evidence = selector.Evidence }).Should().Be(selector, "only new, confidence and evidence change");
    }

    private static IElement Resolve(string scenario, HealOutcome outcome)
    {
        outcome.New.Should().NotBeNull(outcome.Reason);
        return Single(HealSamples.FailurePage(HealSamples.Artifacts(scenario), outcome), outcome.New!);
    }

    private static IElement Single(IDocument page, LocatorSpec spec) =>
        SelectorEngine.Query(page, spec).Should().ContainSingle($"{spec} must name one element on the failure page").Subject;

    private static IEnumerable<IElement> Ancestors(IElement element)
    {
        for (var e = ComposedTree.Parent(element); e is not null; e = ComposedTree.Parent(e))
        {
            yield return e;
        }
    }

    private static bool IsIdForm(LocatorSpec spec, string id) =>
        (spec.By == LocatorKind.Css && spec.Value == "#" + id) || (spec.By == LocatorKind.Id && spec.Value == id);
}
