using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;
using static Praxi.FixEngine.Tests.Healing.HealArtifacts;

namespace Praxi.FixEngine.Tests.Healing;

/// <summary>
/// The healer on failures whose only evidence is Playwright's error-context.md (docs/healing.md#aria-snapshot-evidence):
/// runs that kept test-results/ without traces or DOM dumps, written by hand, and the committed sample with its traces
/// and dumps taken away.
/// </summary>
public sealed class SelectorHealerAriaTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private const string Checkout = "checkout";
    private const string PlacesAnOrder = "places an order";

    private const string CheckoutPage = """
        - generic [ref=e1]:
          - banner [ref=e2]:
            - link "Shop" [ref=e3] [cursor=pointer]:
              - /url: /
          - main [ref=e4]:
            - heading "Checkout" [level=1] [ref=e5]
            - region "Shipping" [ref=e6]:
              - text: Street
              - textbox "Street" [ref=e7]
              - text: City
              - textbox "City" [ref=e8]:
                - /placeholder: e.g. Lisbon
            - button "Cancel order" [ref=e9] [cursor=pointer]
            - button "Place order" [ref=e10] [cursor=pointer]
          - contentinfo [ref=e11]:
            - paragraph [ref=e12]: Shop · a sample store
        """;

    [Fact]
    public void Heal_IdRenamedOnAButtonWhoseNameHasItsWords_HealsToTheButtonByRoleAndName()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "locator('#place-order')", CheckoutPage)
            .Build();

        var (report, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Place order", Exact = false });
        o.Strategy.Should().Be("role");
        o.Evidence!.Snapshot.Should().Be("aria snapshot", "a reviewer sees the heal came from the weaker evidence");
        o.Evidence.Source.Should().Be(Folder(Checkout, PlacesAnOrder) + "/error-context.md");
        o.Evidence.Fingerprint.Should().Be("locator");
        o.Reason.Should().Contain("ARIA snapshot").And.Contain("weaker evidence");
        o.Candidates[0].Element.Should().Be("button \"Place order\"");
        o.Candidates[0].Path.Should().Be("/generic[1]/main[1]/button[2]", "the candidate's path is its nesting in the snapshot");
        o.Confidence.Should().BeGreaterThan(0.5).And.BeLessThanOrEqualTo(0.75, "an ARIA-only heal stays a step under a DOM heal's 0.85");
        sut.Instructions.Single().New.Should().Be(o.New);
        report.Classification.Failures.Should().ContainSingle().Which.Attachments.Should().ContainSingle().Which.Should().EndWith("error-context.md");
    }

    [Fact]
    public void Heal_TestIdWhoseWordsNameAButton_HealsToThatButton()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "getByTestId('cancel-order')", CheckoutPage)
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Cancel order", Exact = false });
    }

    [Fact]
    public void Heal_IdEndingInAKindWord_HealsToTheEntryOfThatRole()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "locator('#checkout-btn')", """
                - main [ref=e1]:
                  - heading "Checkout" [level=1] [ref=e2]
                  - paragraph [ref=e3]: 2 items in your cart
                  - button "Checkout" [ref=e4]
                """)
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Checkout", Exact = false }, "'btn' says button, which tells it from the heading");
        o.Candidates.Select(c => c.Element).Should().StartWith(["button \"Checkout\"", "heading \"Checkout\""]);
    }

    [Fact]
    public void Heal_TwoEntriesEquallySimilar_AbstainsAmbiguousListingBoth()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "locator('#place-order')", """
                - main [ref=e1]:
                  - region "Express" [ref=e2]:
                    - button "Place order" [ref=e3]
                  - region "Standard" [ref=e4]:
                    - button "Place order" [ref=e5]
                """)
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Ambiguous);
        o.New.Should().BeNull();
        o.Confidence.Should().Be(0);
        o.Evidence!.Snapshot.Should().Be("aria snapshot");
        o.Candidates.Take(2).Select(c => c.Path).Should().Equal("/main[1]/region[1]/button[1]", "/main[1]/region[2]/button[1]");
        o.Candidates[0].Score.Should().Be(o.Candidates[1].Score);
        o.Reason.Should().StartWith("2 entries of the ARIA snapshot");
        sut.Instructions.Single().New.Should().BeNull();
    }

    [Fact]
    public void Heal_NothingOnThePageHasTheLocatorsWords_AbstainsElementGone()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "locator('#apply-coupon')", CheckoutPage)
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.ElementGone);
        o.New.Should().BeNull();
        o.Reason.Should().Contain("the element looks removed").And.Contain("ARIA snapshot");
    }

    [Fact]
    public void Heal_RoleLocatorStillInTheSnapshot_AbstainsStillMatches()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "getByRole('button', { name: 'Place order' })", CheckoutPage)
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.StillMatches, "the snapshot can answer a role locator, and it finds the button");
        o.Reason.Should().Contain("matches 1 element(s)");
    }

    [Fact]
    public void Heal_StrictModeViolationWithOnlyAnAriaSnapshot_AbstainsUnsupported()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .StrictModeViolation(Checkout, PlacesAnOrder, "getByRole('button', { name: 'order' })")
            .ErrorContext(Checkout, PlacesAnOrder, "getByRole('button', { name: 'order' })", CheckoutPage)
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Kind.Should().Be(FixKind.NarrowSelector);
        o.Status.Should().Be(HealStatus.Unsupported);
        o.Reason.Should().Contain("needs the page's DOM");
    }

    [Fact]
    public void Heal_LocatorThatNamesOnlyATagAndAClass_AbstainsNoEvidence()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "locator('button.primary')", CheckoutPage)
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.NoEvidence);
        o.Reason.Should().Contain("names nothing an ARIA snapshot shows");
    }

    [Fact]
    public void Heal_DomDumpBesideTheErrorContext_HealsFromTheDom()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "locator('#place-order')", CheckoutPage)
            .Dom(Checkout, PlacesAnOrder, """<main><h1>Checkout</h1><button id="cancel">Cancel order</button><button id="place-order-now">Place order</button></main>""")
            .Build();

        var (_, sut) = Heal(artifacts);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.Evidence!.Snapshot.Should().Be("dom dump");
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.Css, Value = "#place-order-now" }, "a DOM has the new id, which an ARIA snapshot does not show");
        o.Reason.Should().NotContain("ARIA");
    }

    [Fact]
    public void Heal_NameNotUniqueButTheBaselineTellsTheSection_ChainsUnderTheNamedRegion()
    {
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext(Checkout, PlacesAnOrder, "locator('#shipping-next')", """
                - main [ref=e1]:
                  - region "Shipping" [ref=e2]:
                    - text: Street
                    - textbox "Street" [ref=e3]
                    - button "Continue" [ref=e4]
                  - region "Payment" [ref=e5]:
                    - text: Card number
                    - textbox "Card number" [ref=e6]
                    - button "Continue" [ref=e7]
                """)
            .Build();
        var report = new FailureAnalyzer().Analyze(artifacts);
        var spec = report.FixAgentInstructions.Single().Old!;
        var recorded = new ElementProps { Tag = "BUTTON", Id = "shipping-next", Role = "button", AccessibleName = "Continue", Text = "Continue", NeighborText = "Street", XPath = "/html[1]/body[1]/main[1]/section[1]/button[1]" };
        var baseline = BaselineStore.Empty.Merge([new BaselineEntry(report.Classification.Failures.Single().Test, BaselineKeys.Of(spec), recorded, new BaselineSource("trace", "green/trace.zip", "c1"), DateTimeOffset.UnixEpoch)]);

        var sut = new SelectorHealer().Heal(report, artifacts, baseline);

        var o = sut.Outcomes.Should().ContainSingle().Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.Evidence!.Fingerprint.Should().Be("baseline");
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=region[name=\"Shipping\"i] >> internal:role=button[name=\"Continue\"i]" });
        o.Confidence.Should().BeLessThanOrEqualTo(0.87, "the baseline's 0.97 ceiling less the ARIA step");
        LocatorExpression.TryParseSelector(o.New!.Value, out var parsed).Should().BeTrue();
        parsed.Should().Be(o.New);
    }

    [Fact]
    public void Heal_RenamedSelectorSampleWithoutTracesOrDumps_HealsTheButtonFromTheErrorContextAlone()
    {
        // The sample's Playwright run as a CI with trace: 'off' keeps it: the runner's reports and test-results/ with
        // error-context.md and screenshots, no trace.zip and no dom.html.
        var artifacts = PlaywrightRunWithoutTraces(_temp.Subfolder());

        var (report, sut) = Heal(artifacts);

        report.Classification.ErrorType.Should().Be(ErrorType.SelectorNotFound);
        var o = sut.Outcomes.Should().ContainSingle("the four failed tests stopped at one call in the page object").Subject;
        o.Status.Should().Be(HealStatus.Healed, o.Reason);
        o.Old.Should().Be(new LocatorSpec { By = LocatorKind.Css, Value = "#add-to-cart" });
        o.New.Should().Be(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Add to cart", Exact = false });
        o.Evidence!.Snapshot.Should().Be("aria snapshot");
        o.Evidence.Source.Should().EndWith("/error-context.md");
        o.Candidates[0].Element.Should().Be("button \"Add to cart\"");
        o.Confidence.Should().Be(0.75, "the locator fingerprint's 0.85 less the ARIA step");
        o.Reason.Should().Contain("score 0.72", "the id's words are the button's name, read across properties (0.9 × 0.8)");
    }

    [Fact]
    public void Heal_RenamedSelectorTestResultsAloneWithoutTraces_HasNoInstructionToHeal()
    {
        // Without the runner's reports and traces, nothing says where the failing call is: the error-context's test
        // source shows the page object, whose file it does not name, so the analysis plans no edit to heal.
        var artifacts = _temp.Subfolder();
        CopyWithoutTracesOrDumps(Path.Combine(HealSamples.Artifacts("renamed-selector"), "test-results"), Path.Combine(artifacts, "test-results"));

        var (report, sut) = Heal(artifacts);

        report.Classification.Failures.Should().HaveCount(4).And.OnlyContain(f => f.Locator == "locator('#add-to-cart')" && f.File == null);
        sut.Outcomes.Should().BeEmpty();
    }

    /// <summary>The renamed-selector sample's Playwright reports and test-results/, without traces or DOM dumps.</summary>
    internal static string PlaywrightRunWithoutTraces(string folder)
    {
        var sample = HealSamples.Artifacts("renamed-selector");
        foreach (var report in (string[])["playwright.log", "results.json"])
        {
            File.Copy(Path.Combine(sample, report), Path.Combine(folder, report));
        }

        CopyWithoutTracesOrDumps(Path.Combine(sample, "test-results"), Path.Combine(folder, "test-results"));
        return folder;
    }

    private static void CopyWithoutTracesOrDumps(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) is "trace.zip" or "dom.html")
            {
                continue;
            }

            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private static (AnalysisReport Report, HealReport Heal) Heal(string artifacts)
    {
        var report = new FailureAnalyzer().Analyze(artifacts);
        return (report, new SelectorHealer().Heal(report, artifacts, BaselineStore.Empty));
    }
}
