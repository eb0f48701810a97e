using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Locators;
using static Praxi.FixEngine.Tests.Healing.AriaPageTests;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class AriaLocatorGeneratorTests
{
    private static readonly AriaPage Page = PageOf("""
        - main [ref=e1]:
          - generic [ref=e2]:
            - text: Email address
            - textbox "Email address" [ref=e3]:
              - /placeholder: you@example.com
            - textbox "Search" [ref=e4]
          - button "Save" [ref=e5]
          - button "Save draft" [ref=e6]
          - paragraph [ref=e7]: Saved 2 minutes ago
        """);

    private static AriaElement Entry(string role, string? name) => Page.Elements.Single(e => e.Role == role && e.Name == name);

    [Fact]
    public void Generate_NameOthersContain_IsExact()
    {
        var sut = AriaLocatorGenerator.Generate(Page, Entry("button", "Save"), SelectorPreferences.Default);

        sut[0].Spec.Should().Be(new LocatorSpec { By = LocatorKind.Role, Role = "button", Name = "Save", Exact = true });
        sut.Should().OnlyContain(g => g.Spec.By != LocatorKind.Css && g.Spec.By != LocatorKind.Id && g.Spec.By != LocatorKind.TestId);
    }

    [Fact]
    public void Generate_FieldWithItsLabelTextBesideIt_OffersRoleLabelAndPlaceholder()
    {
        var sut = AriaLocatorGenerator.Generate(Page, Entry("textbox", "Email address"), SelectorPreferences.Default);

        sut.Select(g => g.Strategy).Should().Equal("role", "label", "placeholder");
        sut[1].Spec.Should().Be(new LocatorSpec { By = LocatorKind.Label, Value = "Email address", Exact = false });
        sut[2].Spec.Should().Be(new LocatorSpec { By = LocatorKind.Placeholder, Value = "you@example.com", Exact = false });
    }

    [Fact]
    public void Generate_FieldNamedWithoutVisibleText_OffersNoLabel()
    {
        var sut = AriaLocatorGenerator.Generate(Page, Entry("textbox", "Search"), SelectorPreferences.Default);

        sut.Select(g => g.Strategy).Should().Equal("role");
    }

    [Fact]
    public void Generate_AuthorsTextLocator_StaysText()
    {
        var paragraph = Page.Elements.Single(e => e.Role == "paragraph");

        var sut = AriaLocatorGenerator.Generate(Page, paragraph, SelectorPreferences.Default, new LocatorSpec { By = LocatorKind.Text, Value = "Saved just now" });

        sut.Should().ContainSingle().Which.Spec.Should().Be(new LocatorSpec { By = LocatorKind.Text, Value = "Saved 2 minutes ago", Exact = false });
        sut[0].Strategy.Should().Be("text");
        sut[0].Why.Should().StartWith("Same form as the test");
    }
}
