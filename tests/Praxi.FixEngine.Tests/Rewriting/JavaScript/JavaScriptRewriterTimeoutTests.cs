using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

public sealed class JavaScriptRewriterTimeoutTests
{
    private const string Spec = "tests/cart.spec.ts";

    [Fact]
    public void Rewrite_ActionTimeoutOption_RaisesTheNumber()
    {
        var before = """
            test('adds', async ({ page }) => {
              await page.getByRole('button', { name: 'Add' }).click({ timeout: 5000 });
            });
            """;
        var after = """
            test('adds', async ({ page }) => {
              await page.getByRole('button', { name: 'Add' }).click({ timeout: [|15000|] });
            });
            """;

        JsRewriteVerifier.Verify(Timeout(Spec, 2, 52, 5000, 15000), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_ExpectTimeoutWithSeparators_KeepsTheSeparatorStyle()
    {
        var before = """
            test('shows', async ({ page }) => {
              await expect(page.getByText('Added')).toBeVisible({ timeout: 5_000 });
            });
            """;
        var after = """
            test('shows', async ({ page }) => {
              await expect(page.getByText('Added')).toBeVisible({ timeout: [|15_000|] });
            });
            """;

        JsRewriteVerifier.Verify(Timeout(Spec, 2, 41, 5000, 15000), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_MultiLineOptions_FindsTheTimeoutOfTheFailingCall()
    {
        var before = """
            test('shows', async ({ page }) => {
              await page.locator('#total').waitFor({ timeout: 1000 });
              await expect(page.locator('#cart')).toHaveText('1 item', {
                timeout: 2000,
              });
            });
            """;
        var after = """
            test('shows', async ({ page }) => {
              await page.locator('#total').waitFor({ timeout: 1000 });
              await expect(page.locator('#cart')).toHaveText('1 item', {
                timeout: [|10000|],
              });
            });
            """;

        JsRewriteVerifier.Verify(Timeout(Spec, 3, 39, 2000, 10000), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_TestSetTimeout_RaisesIt()
    {
        var before = """
            test('imports a big file', async ({ page }) => {
              test.setTimeout(60_000);
              await page.goto('/import');
            });
            """;
        var after = """
            test('imports a big file', async ({ page }) => {
              test.setTimeout([|120_000|]);
              await page.goto('/import');
            });
            """;

        JsRewriteVerifier.Verify(Timeout(Spec, 2, 8, 60000, 120000), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_TestLineWithSetTimeoutInTheBody_RaisesIt()
    {
        var before = """
            test('imports a big file', async ({ page }) => {
              test.setTimeout(60_000);
              await page.goto('/import');
            });
            """;
        var after = """
            test('imports a big file', async ({ page }) => {
              test.setTimeout([|120_000|]);
              await page.goto('/import');
            });
            """;

        JsRewriteVerifier.Verify(Timeout(Spec, 1, 1, 60000, 120000), new RewriteFile(Spec, before, after));
    }

    [Theory]
    [InlineData("page.setDefaultTimeout")]
    [InlineData("page.setDefaultNavigationTimeout")]
    [InlineData("page.waitForTimeout")]
    [InlineData("context.setDefaultTimeout")]
    public void Rewrite_TimeoutCalls_RaiseTheArgument(string call)
    {
        var before = $$"""
            test.beforeEach(async ({ page, context }) => {
              await {{call}}(3000);
            });
            """;
        var after = $$"""
            test.beforeEach(async ({ page, context }) => {
              await {{call}}([|6000|]);
            });
            """;

        JsRewriteVerifier.Verify(Timeout(Spec, 2, 9, 3000, 6000), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_TimeoutFromConst_EditsTheConst()
    {
        var before = """
            const SLOW = 4000;

            test('adds', async ({ page }) => {
              await page.click('#add', { timeout: SLOW });
            });
            """;
        var after = """
            const SLOW = [|8000|];

            test('adds', async ({ page }) => {
              await page.click('#add', { timeout: SLOW });
            });
            """;

        var result = JsRewriteVerifier.Verify(Timeout(Spec, 4, 14, 4000, 8000), new RewriteFile(Spec, before, after));

        result.Edits.Should().ContainSingle().Which.FollowedFrom.Should().Be($"{Spec}:4");
    }

    [Fact]
    public void Rewrite_ComputedTimeout_NeedsManualReview()
    {
        var before = """
            test('adds', async ({ page }) => {
              await page.click('#add', { timeout: 5 * 1000 });
            });
            """;

        var result = JsRewriteVerifier.Run(Timeout(Spec, 2, 14, 5000, 8000), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("5 * 1000");
    }

    [Fact]
    public void Rewrite_NoExplicitTimeout_NotFound()
    {
        var before = """
            test('adds', async ({ page }) => {
              await page.click('#add');
            });
            """;

        var result = JsRewriteVerifier.Run(Timeout(Spec, 2, 14, 5000, 8000), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NotFound);
    }

    private const string Config = """
        import { defineConfig } from '@playwright/test';

        export default defineConfig({
          timeout: 30_000,
          expect: { timeout: 5000 },
          use: {
            actionTimeout: 10_000,
            navigationTimeout: 15000,
          },
          webServer: { command: 'npm start', timeout: 120_000 },
        });
        """;

    [Theory]
    [InlineData("timeout", 30000, 60000, "timeout: 30_000,", "timeout: [|60_000|],")]
    [InlineData("expect.timeout", 5000, 10000, "expect: { timeout: 5000 },", "expect: { timeout: [|10000|] },")]
    [InlineData("actionTimeout", 10000, 20000, "actionTimeout: 10_000,", "actionTimeout: [|20_000|],")]
    [InlineData("use.navigationTimeout", 15000, 30000, "navigationTimeout: 15000,", "navigationTimeout: [|30000|],")]
    public void Rewrite_ConfigKey_RaisesThatKey(string key, int oldMs, int newMs, string oldText, string newText)
    {
        var after = Config.Replace(oldText, newText, StringComparison.Ordinal);

        JsRewriteVerifier.Verify(Timeout("playwright.config.ts", null, null, oldMs, newMs, $"config_key={key}"), new RewriteFile("playwright.config.ts", Config, after));
    }

    [Theory]
    [InlineData(7, "actionTimeout: 5_000,", "actionTimeout: [|6_000|],")]
    [InlineData(8, "navigationTimeout: 5_000,", "navigationTimeout: [|6_000|],")]
    [InlineData(4, "expect: { timeout: 5_000 },", "expect: { timeout: [|6_000|] },")]
    public void Rewrite_ConfigLineWhereOtherKeysHoldTheSameValue_EditsOnlyThatLine(int line, string oldText, string newText)
    {
        const string config = """
            import { defineConfig } from '@playwright/test';
            export default defineConfig({
              timeout: 20_000,
              expect: { timeout: 5_000 },
              use: {
                baseURL: 'http://127.0.0.1:5000',
                actionTimeout: 5_000,
                navigationTimeout: 5_000,
              },
            });
            """;
        var after = config.Replace(oldText, newText, StringComparison.Ordinal);

        JsRewriteVerifier.Verify(Timeout("playwright.config.ts", line, null, 5000, 6000), new RewriteFile("playwright.config.ts", config, after));
    }

    [Fact]
    public void Rewrite_ConfigWithoutKey_FindsTheKeyByItsValue()
    {
        var after = Config.Replace("navigationTimeout: 15000", "navigationTimeout: [|45000|]", StringComparison.Ordinal);

        JsRewriteVerifier.Verify(Timeout("playwright.config.ts", null, null, 15000, 45000), new RewriteFile("playwright.config.ts", Config, after));
    }

    [Fact]
    public void Rewrite_ConfigKeyAbsent_NotFound()
    {
        var config = """
            export default { use: { baseURL: 'http://localhost:3000' } };
            """;

        var result = JsRewriteVerifier.Run(Timeout("playwright.config.js", null, null, 5000, 10000, "config_key=expect.timeout"), new RewriteFile("playwright.config.js", config));

        result.Status.Should().Be(RewriteStatus.NotFound);
    }
}
