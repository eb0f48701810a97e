using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.CSharpRewriterVerifier;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

public sealed class CSharpRewriterSeleniumTests
{
    private const string File = "Tests/CheckoutTests.cs";

    [Theory]
    [InlineData("Id", LocatorKind.Id, "coupon", "promo")]
    [InlineData("CssSelector", LocatorKind.Css, "button.confirm", "button.primary")]
    [InlineData("XPath", LocatorKind.XPath, "//button[text()='Pay now']", "//button[text()='Pay']")]
    [InlineData("Name", LocatorKind.Name, "card", "card-number")]
    [InlineData("ClassName", LocatorKind.Class, "btn", "btn-primary")]
    [InlineData("LinkText", LocatorKind.LinkText, "Sign in", "Log in")]
    [InlineData("TagName", LocatorKind.Css, "form", "main")]
    public void Rewrite_ByMethods_ChangeOnlyTheLiteral(string method, LocatorKind by, string old, string @new)
    {
        var before = Wrap($"driver.FindElement(By.{method}(\"{old}\")).Click();");
        var after = Wrap($"driver.FindElement(By.{method}([|\"{@new}\"|])).Click();");

        Verify(Selector(File, 7, Spec(by, old, by == LocatorKind.LinkText ? true : null), Spec(by, @new, by == LocatorKind.LinkText ? true : null)), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_PartialLinkTextInFindElements_ChangesTheLiteral()
    {
        var before = Wrap("""var links = driver.FindElements(By.PartialLinkText("Sign"));""");
        var after = Wrap("""var links = driver.FindElements(By.PartialLinkText([|"Log"|]));""");

        Verify(Selector(File, 7, Spec(LocatorKind.LinkText, "Sign", exact: false), Spec(LocatorKind.LinkText, "Log", exact: false)), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_ByIdReportedAsCss_MatchesSeleniumsOwnTranslation()
    {
        var before = Wrap("""driver.FindElement(By.Id("coupon")).SendKeys("SAVE10");""");
        var after = Wrap("""driver.FindElement(By.Id([|"promo-code"|])).SendKeys("SAVE10");""");

        // Selenium sends By.Id("coupon") as the CSS selector #coupon, which is what its error prints.
        Verify(Selector(File, 7, Css("#coupon"), Css("#promo-code")), Case(File, before, after));
    }

    [Theory]
    [InlineData("add-to-cart", @"#add\-to\-cart")]
    [InlineData("cart_total", @"#cart\_total")]
    public void Rewrite_ByIdReportedAsEscapedCss_MatchesTheUnescapedId(string id, string reported)
    {
        var before = Wrap($"driver.FindElement(By.Id(\"{id}\")).Click();");
        var after = Wrap("driver.FindElement(By.Id([|\"add-to-basket\"|])).Click();");

        // Selenium escapes every non-alphanumeric character of the id in the CSS selector it sends and prints.
        Verify(Selector(File, 7, Css(reported), Css("#add-to-basket")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_EscapeThatChangesMeaning_IsNotTakenForTheId()
    {
        var source = Wrap("""driver.FindElement(By.Id("a.b")).Click();""");

        // #a\.b is the id "a.b", but #a.b (the escape dropped) is id a with class b: only needless escapes are ignored.
        var result = Run(Selector(File, 7, Css("#a.b"), Css("#c")), Unchanged(File, source));

        result.Status.Should().Be(RewriteStatus.NotFound);
    }

    [Fact]
    public void Rewrite_ByIdToTestId_ChangesFormToCssSelector()
    {
        var before = Wrap("""driver.FindElement(By.Id("coupon")).SendKeys("SAVE10");""");
        var after = Wrap("""driver.FindElement(By.[|CssSelector("[data-testid='coupon-code']")|]).SendKeys("SAVE10");""");

        Verify(Selector(File, 7, Css("#coupon"), Spec(LocatorKind.TestId, "coupon-code")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_ByIdToTestIdPreferringXPath_ChangesFormToXPath()
    {
        var before = Wrap("""driver.FindElement(By.Id("coupon")).SendKeys("SAVE10");""");
        var after = Wrap("""driver.FindElement(By.[|XPath("//*[@data-qa='coupon-code']")|]).SendKeys("SAVE10");""");
        var preferences = new SelectorPreferences(["test_id", "xpath", "css"], ["data-qa"]);

        VerifyWith(preferences, Selector(File, 7, Spec(LocatorKind.Id, "coupon"), Spec(LocatorKind.TestId, "coupon-code")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_ByCssToText_ChangesFormToXPath()
    {
        var before = Wrap("""driver.FindElement(By.CssSelector("button.confirm")).Click();""");
        var after = Wrap("""driver.FindElement(By.[|XPath("//*[normalize-space()='Confirm order']")|]).Click();""");

        Verify(Selector(File, 7, Css("button.confirm"), Spec(LocatorKind.Text, "Confirm order", exact: true)), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_SeleniumRoleButton_NeedsManualReview()
    {
        var before = Wrap("""driver.FindElement(By.CssSelector("button.confirm")).Click();""");

        var result = Run(Selector(File, 7, Css("button.confirm"), Role("button", "Confirm")), Unchanged(File, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("role");
    }

    [Fact]
    public void Rewrite_ExpressionBodiedPageObject_EditsTheByLiteral()
    {
        const string before = """
            using OpenQA.Selenium;

            internal sealed class CheckoutPage(IWebDriver driver)
            {
                public void Pay() => driver.FindElement(By.XPath("//button[text()='Pay now']")).Click();
            }
            """;
        const string after = """
            using OpenQA.Selenium;

            internal sealed class CheckoutPage(IWebDriver driver)
            {
                public void Pay() => driver.FindElement(By.XPath([|"//button[text()='Pay']"|])).Click();
            }
            """;

        Verify(Selector("Tests/CheckoutPage.cs", 5, Spec(LocatorKind.XPath, "//button[text()='Pay now']"), Spec(LocatorKind.XPath, "//button[text()='Pay']")), Case("Tests/CheckoutPage.cs", before, after));
    }

    private static string Wrap(string statement) => $$"""
        using OpenQA.Selenium;

        public sealed class CheckoutTests
        {
            public void Run(IWebDriver driver)
            {
                {{statement}}
            }
        }
        """;
}
