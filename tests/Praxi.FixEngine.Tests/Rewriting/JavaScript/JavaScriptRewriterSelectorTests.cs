using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

public sealed class JavaScriptRewriterSelectorTests
{
    private const string Spec = "e2e/login.spec.ts";

    [Fact]
    public void Rewrite_LocatorCss_ReplacesTheStringLiteral()
    {
        var before = """
            import { test } from '@playwright/test';

            test('signs in', async ({ page }) => {
              await page.locator('#login-btn').click();
            });
            """;
        var after = """
            import { test } from '@playwright/test';

            test('signs in', async ({ page }) => {
              await page.locator([|'#sign-in'|]).click();
            });
            """;

        var result = JsRewriteVerifier.Verify(Selector(Spec, 4, 37, Css("#login-btn"), Css("#sign-in")), new RewriteFile(Spec, before, after));

        result.Edits.Should().ContainSingle().Which.FollowedFrom.Should().BeNull();
    }

    [Fact]
    public void Rewrite_LocatorCssToTestId_ChangesTheCall()
    {
        var before = """
            test('signs in', async ({ page }) => {
              await page.locator("#login-btn").click();
            });
            """;
        var after = """
            test('signs in', async ({ page }) => {
              await page.[|getByTestId("sign-in")|].click();
            });
            """;

        JsRewriteVerifier.Verify(Selector(Spec, 2, 37, Css("#login-btn"), TestId("sign-in")), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_GetByRoleName_ChangesOnlyTheName()
    {
        var before = """
            test('saves', async ({ page }) => {
              await page.getByRole('button', { name: 'Save' }).click();
            });
            """;
        var after = """
            test('saves', async ({ page }) => {
              await page.getByRole('button', { name: [|'Save changes'|] }).click();
            });
            """;

        JsRewriteVerifier.Verify(Selector(Spec, 2, 53, Role("button", "Save"), Role("button", "Save changes")), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_GetByTestId_ReplacesTheId()
    {
        var before = """
            test('checks out', async ({ page }) => {
              await page.getByTestId('checkout').click();
            });
            """;
        var after = """
            test('checks out', async ({ page }) => {
              await page.getByTestId([|'checkout-button'|]).click();
            });
            """;

        JsRewriteVerifier.Verify(Selector(Spec, 2, 38, TestId("checkout"), TestId("checkout-button")), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_SameFileConst_EditsTheDeclarationOnce()
    {
        var before = """
            const LOGIN = '#login-btn';

            test('signs in', async ({ page }) => {
              await page.locator(LOGIN).click();
            });

            test('signs in again', async ({ page }) => {
              await page.click(LOGIN);
            });
            """;
        var after = """
            const LOGIN = [|'#sign-in'|];

            test('signs in', async ({ page }) => {
              await page.locator(LOGIN).click();
            });

            test('signs in again', async ({ page }) => {
              await page.click(LOGIN);
            });
            """;

        var result = JsRewriteVerifier.Verify(Selector(Spec, 4, 29, Css("#login-btn"), Css("#sign-in")), new RewriteFile(Spec, before, after));

        var edit = result.Edits.Should().ContainSingle().Subject;
        edit.FollowedFrom.Should().Be($"{Spec}:4");
        edit.OtherUsages.Should().Equal($"{Spec}:8");
    }

    [Fact]
    public void Rewrite_ConstructorParameterPropertyWithDefault_EditsTheDefault()
    {
        var page = """
            import type { Page, Locator } from '@playwright/test';

            export class CheckoutPage {
              constructor(private readonly page: Page, readonly pay: Locator = page.getByTestId('pay')) {}
            }
            """;
        var pageAfter = """
            import type { Page, Locator } from '@playwright/test';

            export class CheckoutPage {
              constructor(private readonly page: Page, readonly pay: Locator = page.getByTestId([|'pay-now'|])) {}
            }
            """;
        var spec = """
            import { test } from '@playwright/test';
            import { CheckoutPage } from './pages/checkout-page';

            test('pays', async ({ page }) => {
              const checkout = new CheckoutPage(page);
              await checkout.pay.click();
            });
            """;

        var result = JsRewriteVerifier.Verify(
            Selector("e2e/pay.spec.ts", 6, 22, TestId("pay"), TestId("pay-now")),
            new RewriteFile("e2e/pay.spec.ts", spec),
            new RewriteFile("e2e/pages/checkout-page.ts", page, pageAfter));

        result.Edits.Should().ContainSingle().Which.FollowedFrom.Should().Be("e2e/pay.spec.ts:6");
    }

    [Fact]
    public void Rewrite_AlreadyNew_NoChange()
    {
        var before = """
            test('signs in', async ({ page }) => {
              await page.getByTestId('sign-in').click();
            });
            """;

        var result = JsRewriteVerifier.Run(Selector(Spec, 2, 37, Css("#login-btn"), TestId("sign-in")), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NoChange);
    }

    [Fact]
    public void Rewrite_OldNotAtTheLine_NotFound()
    {
        var before = """
            test('signs in', async ({ page }) => {
              await page.locator('#other').click();
            });
            """;

        var result = JsRewriteVerifier.Run(Selector(Spec, 2, 31, Css("#login-btn"), Css("#sign-in")), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NotFound);
        result.Reason.Should().Contain("#other");
    }
}
