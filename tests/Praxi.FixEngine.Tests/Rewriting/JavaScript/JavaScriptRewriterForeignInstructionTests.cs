using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>
/// Instructions written by other tools than our analysis: an <c>old</c> that names one step of a chain, a selector in
/// the engine form the author used (<c>id=sign-in</c>), an XPath handed over as <c>css</c>.
/// </summary>
public sealed class JavaScriptRewriterForeignInstructionTests
{
    private const string Spec = "e2e/tree.spec.ts";

    [Fact]
    public void Rewrite_OldNamesAMiddleStepOfAChain_EditsThatStepOnly()
    {
        var before = Wrap("await page.getByTestId('tree').getByTestId('row').first().click();");
        var after = Wrap("await page.getByTestId('tree').getByTestId([|'item'|]).first().click();");

        var result = JsRewriteVerifier.Verify(Selector(Spec, 2, Column(before, "click"), TestId("row"), TestId("item")), new RewriteFile(Spec, before, after));

        result.Edits.Should().ContainSingle();
    }

    [Fact]
    public void Rewrite_ColumnAtTheSecondOfTwoEqualSteps_EditsTheSecond()
    {
        var before = Wrap("await page.getByTestId('row').getByTestId('row').nth(2).click();");
        var after = Wrap("await page.getByTestId('row').getByTestId([|'cell'|]).nth(2).click();");
        var column = Column(before, "getByTestId('row').nth");

        JsRewriteVerifier.Verify(Selector(Spec, 2, column, TestId("row"), TestId("cell")), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_OldMatchesTwoStepsAndTheColumnDoesNotChoose_NeedsManualReview()
    {
        var before = Wrap("await page.getByTestId('row').getByTestId('row').first().click();");

        var result = JsRewriteVerifier.Run(Selector(Spec, 2, Column(before, "click"), TestId("row"), TestId("cell")), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("2 steps").And.Contain("column");
    }

    [Fact]
    public void Rewrite_StepOfAChain_NeverTouchesTheOtherSteps()
    {
        var before = Wrap("await page.locator('#row').getByTestId('row').filter({ hasText: 'row' }).nth(1).click();");

        var rewritten = JsRewriteVerifier.Verify(
            Selector(Spec, 2, null, TestId("row"), TestId("line")),
            new RewriteFile(Spec, before, Wrap("await page.locator('#row').getByTestId([|'line'|]).filter({ hasText: 'row' }).nth(1).click();")));

        var step = before.IndexOf("getByTestId('row')", StringComparison.Ordinal);
        var edit = rewritten.Edits.Should().ContainSingle().Subject;
        edit.Start.Should().BeGreaterThan(step);
        (edit.Start + edit.Length).Should().BeLessThan(step + "getByTestId('row')".Length, "only the argument of the named step changes");
    }

    [Theory]
    [InlineData("page.locator('id=sign-in')", "page.locator([|'id=log-in'|])", LocatorKind.Css, "#log-in")]
    [InlineData("page.locator('id=sign-in')", "page.locator([|'id=log-in'|])", LocatorKind.Id, "log-in")]
    [InlineData("page.locator('data-testid=sign-in')", "page.locator([|'data-testid=log-in'|])", LocatorKind.TestId, "log-in")]
    [InlineData("page.locator('text=Sign in')", "page.locator([|'text=Log in'|])", LocatorKind.Text, "Log in")]
    [InlineData("page.locator('css=#sign-in')", "page.locator([|'css=#log-in'|])", LocatorKind.Css, "#log-in")]
    [InlineData("page.locator('xpath=//a[@id=\"sign-in\"]')", "page.locator([|'xpath=//a[@id=\"log-in\"]'|])", LocatorKind.XPath, "//a[@id=\"log-in\"]")]
    [InlineData("page.click('id=sign-in')", "page.click([|'id=log-in'|])", LocatorKind.Css, "#log-in")]
    public void Rewrite_SelectorInAnEngineForm_KeepsTheAuthorsEngine(string beforeCall, string afterCall, LocatorKind by, string value)
    {
        var before = Wrap($"await {beforeCall}.isVisible();");
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = beforeCall[(beforeCall.IndexOf('\'') + 1)..beforeCall.LastIndexOf('\'')] };

        JsRewriteVerifier.Verify(Selector(Spec, 2, null, old, By(by, value)), new RewriteFile(Spec, before, Wrap($"await {afterCall}.isVisible();")));
    }

    [Fact]
    public void Rewrite_EngineFormThatCannotSayTheNewLocator_WritesTheUsualForm()
    {
        var before = Wrap("await page.locator('id=sign-in').click();");
        var after = Wrap("await page.[|getByRole('button', { name: 'Log in' })|].click();");

        JsRewriteVerifier.Verify(Selector(Spec, 2, null, By(LocatorKind.Id, "sign-in"), Role("button", "Log in")), new RewriteFile(Spec, before, after));
    }

    [Theory]
    [InlineData("page.locator('//button[@id=\"go\"]')", "page.locator([|'//button[@id=\"start\"]'|])")]
    [InlineData("page.locator('xpath=//button[@id=\"go\"]')", "page.locator([|'xpath=//button[@id=\"start\"]'|])")]
    public void Rewrite_XPathGivenAsCss_IsReadAsXPath(string beforeCall, string afterCall)
    {
        var before = Wrap($"await {beforeCall}.click();");

        JsRewriteVerifier.Verify(
            Selector(Spec, 2, null, Css("//button[@id=\"go\"]"), Css("//button[@id=\"start\"]")),
            new RewriteFile(Spec, before, Wrap($"await {afterCall}.click();")));
    }

    private static string Wrap(string statement) => $$"""
        test('tree', async ({ page }) => {
          {{statement}}
        });
        """;

    private static int Column(string source, string fragment)
    {
        var index = source.IndexOf(fragment, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0);
        return index - source[..index].LastIndexOf('\n');
    }
}
