using AngleSharp.Dom;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Healing.Fingerprints;
using static Praxi.FixEngine.Tests.Healing.HealArtifacts;

namespace Praxi.FixEngine.Tests.Healing;

/// <summary>
/// The healer on small runs written by hand: each abstention reason, the one-candidate heal, evidence that is
/// damaged or missing, shadow roots and frames, and the fingerprint sources (baseline, an earlier call, the test's
/// previous steps).
/// </summary>
public sealed class SelectorHealerEvidenceTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private const string Editor = "editor";
    private const string SavesADraft = "saves a draft";

    [Fact]
    public void Heal_OldLocatorStillMatchesAHiddenElement_AbstainsStillMatchesWithoutNew()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound(Editor, SavesADraft, "locator('#save')")
            .Dom(Editor, SavesADraft, """<form><button id="save" style="display:none">Save</button><button id="save-copy">Save a copy</button></form>""")
            .Build();

        var (report, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.StillMatches);
        o.New.Should().BeNull();
        o.Confidence.Should().Be(0);
        o.Reason.Should().Contain("matches 1 element(s) (0 visible)");
        sut.Instructions.Should().Equal(report.FixAgentInstructions);
    }

    [Fact]
    public void Heal_NoDomForTheFailure_AbstainsNoEvidence()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound(Editor, SavesADraft, "locator('#save')")
            .Write(Folder(Editor, SavesADraft) + "/screenshot.txt", "not a page")
            .Dom("other", "does something else", "<button id='save-draft'>Save</button>")
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.NoEvidence);
        o.New.Should().BeNull();
        o.Evidence.Should().BeNull();
        o.Candidates.Should().BeEmpty();
        o.Reason.Should().Contain("saves a draft", "the reason names the test whose evidence is missing");
    }

    [Fact]
    public void Heal_InstructionOfNoFailedTest_AbstainsNoEvidence()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound(Editor, SavesADraft, "locator('#save')")
            .Dom(Editor, SavesADraft, "<button id='save-draft'>Save</button>")
            .Build();
        var report = new FailureAnalyzer().Analyze(artifacts);
        var orphan = report with { FixAgentInstructions = [.. report.FixAgentInstructions.Select(i => i with { Test = "another test", Line = 99 })] };

        var sut = new SelectorHealer().Heal(orphan, artifacts, BaselineStore.Empty);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.NoEvidence);
        o.Reason.Should().Contain("no failed test");
    }

    [Fact]
    public void Heal_TwoEquallySimilarCandidates_AbstainsAmbiguousListingBoth()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound(Editor, SavesADraft, "locator('#save')")
            .Dom(Editor, SavesADraft, """<main><h1>Draft</h1><form><button id="save-draft">Save</button><button id="save-final">Save</button></form></main>""")
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Ambiguous);
        o.New.Should().BeNull();
        o.Confidence.Should().Be(0);
        o.Evidence!.Fingerprint.Should().Be("locator");
        o.Candidates.Take(2).Select(c => c.Element).Should().BeEquivalentTo(
            "<button id=\"save-draft\">Save", "<button id=\"save-final\">Save");
        o.Candidates[0].Score.Should().Be(o.Candidates[1].Score);
        o.Reason.Should().StartWith("2 candidates are about equally similar", "the third candidate scores nothing like them");
        sut.Instructions.Single().New.Should().BeNull();
    }

    [Fact]
    public void Heal_TestIdRespelledOnTheOnlyLookalike_HealsToTheNewTestId()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound(Editor, SavesADraft, "getByTestId('submit-btn')")
            .Dom(Editor, SavesADraft, """<form><label>Title <input name="title"></label><button type="button" data-testid="cancel-btn">Cancel</button><button type="submit" data-testid="submitBtn">Save</button></form>""")
            .Build();

        var (report, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.TestId, Value = "submitBtn" }, "getByTestId stays getByTestId");
        o.Strategy.Should().Be("test_id");
        o.Fragile.Should().BeFalse();
        SelectorEngine.Query(DomFor(artifacts), o.New!).Should().ContainSingle().Which.TextContent.Should().Be("Save");
        var healed = sut.Instructions.Single();
        healed.New.Should().Be(o.New);
        healed.Confidence.Should().BeLessThan(report.FixAgentInstructions.Single().Confidence);
    }

    [Fact]
    public void Heal_TestIdWithAnAbbreviationSpelledOut_AbstainsFromTheLocatorButHealsWithABaseline()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound(Editor, SavesADraft, "getByTestId('submit-btn')")
            .Dom(Editor, SavesADraft, """<form><label>Title <input name="title"></label><button type="button">Cancel</button><button type="submit" data-testid="submit-button">Save</button></form>""")
            .Build();
        var green = DomLoader.Parse("""<form><label>Title <input name="title"></label><button type="button">Cancel</button><button type="submit" data-testid="submit-btn">Save</button></form>""");
        var spec = new LocatorSpec { By = LocatorKind.TestId, Value = "submit-btn" };
        var recorded = ElementFingerprints.FromElement(SelectorEngine.Query(green, spec).Single());
        var baseline = BaselineStore.Empty.Merge([new BaselineEntry("editor.spec.ts › saves a draft", BaselineKeys.Of(spec), recorded, new BaselineSource("trace", "green/trace.zip", "c1"), DateTimeOffset.UnixEpoch)]);

        var (report, withoutBaseline) = Heal(artifacts);
        var sut = new SelectorHealer().Heal(report, artifacts, baseline);

        // 'btn' and 'button' share no letters' worth of evidence for the relocator: from the locator alone the
        // button keeps a third of its name, which is what a sibling named by the same scheme keeps too.
        var alone = withoutBaseline.Outcomes.Should().ContainSingle().Subject;
        alone.Status.Should().Be(HealStatus.ElementGone);
        alone.Candidates[0].Element.Should().Contain("submit-button", "the one lookalike is still the best candidate");
        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.Evidence!.Fingerprint.Should().Be("baseline");
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.TestId, Value = "submit-button" });
        o.Evidence.Matched.Should().Contain("text").And.Contain("role").And.NotContain("test_id");
    }

    [Fact]
    public void Heal_DamagedTraceBesideAGoodDomDump_UsesTheDomDump()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound(Editor, SavesADraft, "locator('#save-draft')")
            .Write(Folder(Editor, SavesADraft) + "/trace.zip", "PK\u0003\u0004 this is not a zip")
            .Dom(Editor, SavesADraft, """<form><textarea name="body"></textarea><button id="save-as-draft" data-testid="save-draft">Save draft</button><button id="publish">Publish</button></form>""")
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.Evidence!.Snapshot.Should().Be("dom dump");
        o.Evidence.Source.Should().Be(Folder(Editor, SavesADraft) + "/dom.html");
        SelectorEngine.Query(DomFor(artifacts), o.New!).Should().ContainSingle().Which.Id.Should().Be("save-as-draft");
    }

    [Fact]
    public void Heal_ElementInsideAnOpenShadowRoot_HealsToALocatorThatPiercesIt()
    {
        var page = Page(
            Node("SHOP-CART", null, Node("template", new() { ["__playwright_shadow_root_"] = "open" }, Node("P", null, "2 items"), Node("BUTTON", new() { ["id"] = "buyNow" }, "Buy now"))),
            Node("BUTTON", new() { ["id"] = "help" }, "Help"));
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound("cart", "buys", "locator('#buy-now')")
            .Trace("cart", "buys", new TraceCallFixture("c1", "click", "#buy-now", "Timeout 5000ms exceeded.", ("frame@main", true, "after", page)))
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.Evidence!.Snapshot.Should().Be("trace c1 after");
        o.Candidates[0].Path.Should().Be("/html[1]/body[1]/shop-cart[1]/button[1]", "the path runs through the shadow host");
        var dom = HealSamples.FailurePage(artifacts, o);
        var element = SelectorEngine.Query(dom, o.New!).Should().ContainSingle().Subject;
        element.Id.Should().Be("buyNow");
        ComposedTree.IsInShadowTree(element).Should().BeTrue();
        o.Reason.Should().NotContain("(;", "an empty list of matched properties is left out");
    }

    [Fact]
    public void Heal_LocatorInsideAnIframe_AbstainsUnsupportedInsteadOfHealingToTheTopDocument()
    {
        // The top document has a look-alike of the frame's field; the frame has the real one under a new id.
        var top = Page(Node("IFRAME", new() { ["src"] = "/snapshot/frame@child" }), Node("INPUT", new() { ["id"] = "cardNumber", ["name"] = "search" }));
        var child = Page(Node("LABEL", new() { ["for"] = "cardno" }, "Card number"), Node("INPUT", new() { ["id"] = "cardno", ["name"] = "card-number" }));
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound("pay", "pays", "locator('iframe').contentFrame().locator('#card-number')", "fill")
            .Trace("pay", "pays", new TraceCallFixture("c1", "fill", "iframe >> internal:control=enter-frame >> #card-number", "Timeout 5000ms exceeded.", ("frame@main", true, "after", top), ("frame@child", false, "after", child)))
            .Build();

        var (report, sut) = Heal(artifacts);

        report.FixAgentInstructions.Should().ContainSingle().Which.Old!.Value.Should().Contain("internal:control=enter-frame");
        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Unsupported);
        o.New.Should().BeNull();
        o.Reason.Should().Contain("iframe");
    }

    [Fact]
    public void Heal_EarlierPassingCallWithTheSameLocator_TakesTheFingerprintFromTheTrace()
    {
        var before = Page(Node("FORM", null, Node("BUTTON", new() { ["id"] = "next", ["class"] = "step", ["__playwright_target__"] = "" }, "Next step")));
        var after = Page(Node("FORM", null, Node("BUTTON", new() { ["id"] = "back", ["class"] = "step" }, "Back"), Node("BUTTON", new() { ["id"] = "continue", ["class"] = "step" }, "Next step")));
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound("wizard", "walks through", "locator('#next')")
            .Trace(
                "wizard",
                "walks through",
                new TraceCallFixture("c1", "click", "#next", null, ("frame@main", true, "action", before)),
                new TraceCallFixture("c2", "click", "#next", "Timeout 5000ms exceeded.", ("frame@main", true, "after", after)))
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.Evidence!.Fingerprint.Should().Be("trace");
        o.Evidence.Matched.Should().Contain("text");
        SelectorEngine.Query(HealSamples.FailurePage(artifacts, o), o.New!).Should().ContainSingle().Which.Id.Should().Be("continue");
    }

    [Fact]
    public void Heal_StrictModeViolationWithoutBaseline_PicksTheMatchBesideTheFieldsTheTestJustFilled()
    {
        var page = Page(
            Node("ASIDE", null, Node("DIV", null, Node("SECTION", null, Node("BUTTON", new() { ["id"] = "quick" }, "Save")))),
            Node("MAIN", null, Node("FORM", null, Node("INPUT", new() { ["name"] = "title" }), Node("TEXTAREA", new() { ["name"] = "body" }), Node("BUTTON", new() { ["id"] = "real" }, "Save"))));
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .StrictModeViolation(Editor, SavesADraft, "getByRole('button', { name: 'Save' })")
            .Trace(
                Editor,
                SavesADraft,
                new TraceCallFixture("c1", "fill", "input[name=\"title\"]", null, ("frame@main", true, "action", page)),
                new TraceCallFixture("c2", "fill", "textarea[name=\"body\"]", null, ("frame@main", true, "action", page)),
                new TraceCallFixture("c3", "click", "internal:role=button[name=\"Save\"i]", "strict mode violation", ("frame@main", true, "after", page)))
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Kind.Should().Be(FixKind.NarrowSelector);
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.Reason.Should().Contain("previous steps");
        SelectorEngine.Query(HealSamples.FailurePage(artifacts, o), o.New!).Should().ContainSingle().Which.Id.Should().Be("real");
    }

    [Fact]
    public async Task HealAsync_MissingBaselineFile_HealsAsWithoutOne()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .NotFound(Editor, SavesADraft, "locator('#save-draft')")
            .Dom(Editor, SavesADraft, """<form><button id="saveDraft">Save</button></form>""")
            .Build();
        var report = new FailureAnalyzer().Analyze(artifacts);

        var sut = await new SelectorHealer().HealAsync(report, artifacts, Path.Combine(artifacts, "no-such-baseline.json"));

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.Css, Value = "#saveDraft" });
        o.Evidence!.Fingerprint.Should().Be("locator");
    }

    [Fact]
    public async Task HealAsync_MalformedBaseline_ThrowsAOneLineFixEngineException()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder()).NotFound(Editor, SavesADraft, "locator('#save')").Build();
        var baseline = Path.Combine(artifacts, "baseline.json");
        File.WriteAllText(baseline, "{ \"format\": \"praxi-baseline/1\", \"entries\": [");
        var report = new FailureAnalyzer().Analyze(artifacts);

        var act = () => new SelectorHealer().HealAsync(report, artifacts, baseline);

        (await act.Should().ThrowAsync<FixEngineException>()).Which.Message.Should().Contain("not valid JSON").And.Contain(baseline).And.NotContain("\n");
    }

    private static (AnalysisReport Report, HealReport Heal) Heal(string artifacts)
    {
        var report = new FailureAnalyzer().Analyze(artifacts);
        return (report, new SelectorHealer().Heal(report, artifacts, BaselineStore.Empty));
    }

    private static IDocument DomFor(string artifacts) => DomLoader.Load(Path.Combine(artifacts, Folder(Editor, SavesADraft), "dom.html"));
}
