using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

public sealed class JavaScriptRewriterHardWaitTests
{
    private const string Spec = "tests/save.spec.ts";

    [Fact]
    public void Rewrite_WaitBeforeLocatorAction_WaitsForTheLocator()
    {
        var before = """
            test('saves', async ({ page }) => {
              await page.waitForTimeout(2000);
              await page.getByRole('button', { name: 'Save' }).click();
            });
            """;
        var after = """
            test('saves', async ({ page }) => {
              await [|page.getByRole('button', { name: 'Save' }).waitFor()|];
              await page.getByRole('button', { name: 'Save' }).click();
            });
            """;

        JsRewriteVerifier.Verify(HardWait(Spec, 2), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_LinePointsAtTheAction_ReplacesTheWaitBeforeIt()
    {
        var before = """
            test('saves', async ({ page }) => {
              await page.waitForTimeout(2000);
              await page.click('#save');
            });
            """;
        var after = """
            test('saves', async ({ page }) => {
              await [|page.locator('#save').waitFor()|];
              await page.click('#save');
            });
            """;

        JsRewriteVerifier.Verify(HardWait(Spec, 3), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_WaitNotBeforeAnAction_NotFound()
    {
        var before = """
            test('saves', async ({ page }) => {
              await page.waitForTimeout(2000);
              expect(1).toBe(1);
            });
            """;

        var result = JsRewriteVerifier.Run(HardWait(Spec, 2), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NotFound);
    }
}
