using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.CSharpRewriterVerifier;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

/// <summary>
/// Instructions written by other tools than our analysis: an <c>old</c> that names one step of a chain, a selector in
/// the engine form the author used (<c>id=sign-in</c>), an XPath handed over as <c>css</c>.
/// </summary>
public sealed class CSharpRewriterForeignInstructionTests
{
    private const string File = "tests/TreeTests.cs";

    [Fact]
    public void Rewrite_OldNamesAMiddleStepOfAChain_EditsThatStepOnly()
    {
        var before = Wrap("""await page.GetByTestId("tree").GetByTestId("row").First.ClickAsync();""");
        var after = Wrap("""await page.GetByTestId("tree").GetByTestId([|"item"|]).First.ClickAsync();""");

        var result = Verify(Selector(File, 5, Spec(LocatorKind.TestId, "row"), Spec(LocatorKind.TestId, "item"), column: Column(before, "ClickAsync")), Case(File, before, after));

        result.Edits.Should().ContainSingle();
    }

    [Fact]
    public void Rewrite_ColumnAtTheSecondOfTwoEqualSteps_EditsTheSecond()
    {
        var before = Wrap("""await page.GetByTestId("row").GetByTestId("row").Nth(2).ClickAsync();""");
        var after = Wrap("""await page.GetByTestId("row").GetByTestId([|"cell"|]).Nth(2).ClickAsync();""");

        Verify(Selector(File, 5, Spec(LocatorKind.TestId, "row"), Spec(LocatorKind.TestId, "cell"), column: Column(before, """GetByTestId("row").Nth""")), Case(File, before, after));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rewrite_OldMatchesTwoStepsAndTheColumnDoesNotChoose_NeedsManualReview(bool withColumn)
    {
        var before = Wrap("""await page.GetByTestId("row").GetByTestId("row").First.ClickAsync();""");
        int? column = withColumn ? Column(before, "ClickAsync") : null;

        var result = Run(Selector(File, 5, Spec(LocatorKind.TestId, "row"), Spec(LocatorKind.TestId, "cell"), column: column), Unchanged(File, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("2 steps").And.Contain("column");
    }

    [Fact]
    public void Rewrite_StepOfAChain_NeverTouchesTheOtherSteps()
    {
        var before = Wrap("""await page.Locator("#row").GetByTestId("row").Filter(new() { HasText = "row" }).Nth(1).ClickAsync();""");
        var after = Wrap("""await page.Locator("#row").GetByTestId([|"line"|]).Filter(new() { HasText = "row" }).Nth(1).ClickAsync();""");

        var result = Verify(Selector(File, 5, Spec(LocatorKind.TestId, "row"), Spec(LocatorKind.TestId, "line")), Case(File, before, after));

        var step = before.IndexOf("""GetByTestId("row")""", StringComparison.Ordinal);
        var edit = result.Edits.Should().ContainSingle().Subject;
        edit.Start.Should().BeGreaterThan(step);
        (edit.Start + edit.Length).Should().BeLessThan(step + """GetByTestId("row")""".Length, "only the argument of the named step changes");
    }

    [Theory]
    [InlineData("""page.Locator("id=sign-in")""", """page.Locator([|"id=log-in"|])""", LocatorKind.Css, "#log-in")]
    [InlineData("""page.Locator("id=sign-in")""", """page.Locator([|"id=log-in"|])""", LocatorKind.Id, "log-in")]
    [InlineData("""page.Locator("data-testid=sign-in")""", """page.Locator([|"data-testid=log-in"|])""", LocatorKind.TestId, "log-in")]
    [InlineData("""page.Locator("text=Sign in")""", """page.Locator([|"text=Log in"|])""", LocatorKind.Text, "Log in")]
    [InlineData("""page.Locator("css=#sign-in")""", """page.Locator([|"css=#log-in"|])""", LocatorKind.Css, "#log-in")]
    [InlineData("""page.Locator("xpath=//a[@id='sign-in']")""", """page.Locator([|"xpath=//a[@id='log-in']"|])""", LocatorKind.XPath, "//a[@id='log-in']")]
    [InlineData("""page.IsVisibleAsync("id=sign-in")""", """page.IsVisibleAsync([|"id=log-in"|])""", LocatorKind.Css, "#log-in")]
    public void Rewrite_SelectorInAnEngineForm_KeepsTheAuthorsEngine(string beforeCall, string afterCall, LocatorKind by, string value)
    {
        var before = Wrap($"var visible = await {(beforeCall.Contains("IsVisible", StringComparison.Ordinal) ? beforeCall : beforeCall + ".IsVisibleAsync()")};");
        var after = Wrap($"var visible = await {(afterCall.Contains("IsVisible", StringComparison.Ordinal) ? afterCall : afterCall + ".IsVisibleAsync()")};");
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = beforeCall[(beforeCall.IndexOf('"') + 1)..beforeCall.LastIndexOf('"')] };

        Verify(Selector(File, 5, old, Spec(by, value)), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_EngineFormThatCannotSayTheNewLocator_WritesTheUsualForm()
    {
        var before = Wrap("""await page.Locator("id=sign-in").ClickAsync();""");
        var after = Wrap("""await page.[|GetByRole(AriaRole.Button, new() { Name = "Log in" })|].ClickAsync();""");

        Verify(Selector(File, 5, Spec(LocatorKind.Id, "sign-in"), Role("button", "Log in")), Case(File, before, after));
    }

    [Theory]
    [InlineData("""page.Locator("//button[@id='go']")""", """page.Locator([|"//button[@id='start']"|])""")]
    [InlineData("""page.Locator("xpath=//button[@id='go']")""", """page.Locator([|"xpath=//button[@id='start']"|])""")]
    [InlineData("""driver.FindElement(By.XPath("//button[@id='go']"))""", """driver.FindElement(By.XPath([|"//button[@id='start']"|]))""")]
    public void Rewrite_XPathGivenAsCss_IsReadAsXPath(string beforeCall, string afterCall)
    {
        var before = Wrap($"var go = {beforeCall};");
        var after = Wrap($"var go = {afterCall};");

        Verify(Selector(File, 5, Css("//button[@id='go']"), Css("//button[@id='start']")), Case(File, before, after));
    }

    private static string Wrap(string statement) => $$"""
        public sealed class T
        {
            public async Task Go(IPage page, IWebDriver driver)
            {
                {{statement}}
            }
        }
        """;
}
