using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using static Praxi.FixEngine.Tests.Healing.AriaPageTests;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class AriaQueryTests
{
    private static readonly AriaPage Page = PageOf("""
        - main [ref=e1]:
          - region "Shipping" [ref=e2]:
            - text: Street
            - textbox "Street" [ref=e3]
            - button "Continue" [ref=e4]
          - region "Payment" [ref=e5]:
            - textbox "Card number" [ref=e6]:
              - /placeholder: 4242 4242
            - button "Continue to review" [ref=e7]
            - button "Close" [aria-hidden] [ref=e8]
          - paragraph [ref=e9]:
            - text: "Status:"
            - strong [ref=e10]: ready
        """);

    [Fact]
    public void Query_RoleName_IsACaseInsensitiveSubstringUnlessExact()
    {
        Names(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "continue" }).Should().Equal("Continue", "Continue to review");
        Names(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Continue", Exact = true }).Should().Equal("Continue");
    }

    [Fact]
    public void Query_RoleOfAnAriaHiddenEntry_FindsNothing()
    {
        Names(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Close" }).Should().BeEmpty();
    }

    [Fact]
    public void Query_ChainUnderANamedRegion_FindsOnlyInsideIt()
    {
        var chain = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=region[name=\"Payment\"i] >> internal:role=button[name=\"Continue\"i]" };

        Names(chain).Should().Equal("Continue to review");
    }

    [Fact]
    public void Query_Text_FindsTheInnermostEntryOnly()
    {
        var sut = AriaQuery.Query(Page, new LocatorSpec { By = LocatorKind.Text, Value = "ready" });

        sut.Should().ContainSingle().Which.Role.Should().Be("strong");
        AriaQuery.Query(Page, new LocatorSpec { By = LocatorKind.Text, Value = "status: ready" }).Should().ContainSingle().Which.Role.Should().Be("paragraph");
    }

    [Fact]
    public void Query_LabelAndPlaceholder_ReadNamesAndTheWrittenPlaceholder()
    {
        Names(new LocatorSpec { By = LocatorKind.Label, Value = "Street" }).Should().Equal("Street");
        Names(new LocatorSpec { By = LocatorKind.Label, Value = "Continue" }).Should().BeEmpty("a button named by its own text has no label");
        Names(new LocatorSpec { By = LocatorKind.Placeholder, Value = "4242" }).Should().Equal("Card number");
    }

    [Fact]
    public void Query_LocatorsTheSnapshotCannotShow_AreUnanswerable()
    {
        AriaQuery.Query(Page, new LocatorSpec { By = LocatorKind.Css, Value = "#continue" }).Should().BeNull();
        AriaQuery.Query(Page, new LocatorSpec { By = LocatorKind.TestId, Value = "continue" }).Should().BeNull();
        AriaQuery.Query(Page, new LocatorSpec { By = LocatorKind.Selector, Value = "main >> internal:role=button" }).Should().BeNull();
    }

    private static IEnumerable<string?> Names(LocatorSpec spec) => AriaQuery.Query(Page, spec)!.Select(e => e.Name);
}
