using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>Selectors that are not literals at the failing call: followed to their definition and edited there, once.</summary>
public sealed class JavaScriptRewriterFollowTests
{
    private const string LoginPage = """
        import type { Locator, Page } from '@playwright/test';

        export class LoginPage {
          readonly email: Locator;
          readonly submit = this.page.getByRole('button', { name: 'Sign in' });

          constructor(private readonly page: Page) {
            this.email = page.locator('#email');
          }

          async login(user: string) {
            await this.email.fill(user);
            await this.submit.click();
          }
        }
        """;

    [Fact]
    public void Rewrite_ClassFieldOfImportedPageObject_EditsTheFieldAndListsOtherUsages()
    {
        var spec = """
            import { test } from '@playwright/test';
            import { LoginPage } from '../pages/login-page';

            test('signs in', async ({ page }) => {
              const loginPage = new LoginPage(page);
              await loginPage.submit.click();
            });
            """;
        var other = """
            import { test, expect } from '@playwright/test';
            import { LoginPage } from '../pages/login-page';

            test('shows the button', async ({ page }) => {
              const login = new LoginPage(page);
              await expect(login.submit).toBeVisible();
            });
            """;
        var after = LoginPage.Replace("{ name: 'Sign in' }", "{ name: [|'Log in'|] }", StringComparison.Ordinal);

        var result = JsRewriteVerifier.Verify(
            Selector("tests/login.spec.ts", 6, 26, Role("button", "Sign in"), Role("button", "Log in")),
            new RewriteFile("tests/login.spec.ts", spec),
            new RewriteFile("tests/other.spec.ts", other),
            new RewriteFile("pages/login-page.ts", LoginPage, after));

        var edit = result.Edits.Should().ContainSingle().Subject;
        edit.File.Should().Be("pages/login-page.ts");
        edit.FollowedFrom.Should().Be("tests/login.spec.ts:6");
        edit.OtherUsages.Should().Equal("pages/login-page.ts:13", "tests/other.spec.ts:6");
    }

    [Fact]
    public void Rewrite_ConstructorAssignment_EditsTheAssignment()
    {
        var spec = """
            import { test } from '@playwright/test';
            import { LoginPage } from '../pages/login-page.js';

            test('types the email', async ({ page }) => {
              const loginPage = new LoginPage(page);
              await loginPage.email.fill('a@b.c');
            });
            """;
        var after = LoginPage.Replace("page.locator('#email')", "page.[|getByLabel('Email')|]", StringComparison.Ordinal);

        JsRewriteVerifier.Verify(
            Selector("tests/login.spec.ts", 6, 25, Css("#email"), By(LocatorKind.Label, "Email")),
            new RewriteFile("tests/login.spec.ts", spec),
            new RewriteFile("pages/login-page.ts", LoginPage, after));
    }

    [Fact]
    public void Rewrite_InsideThePageObject_ThisMemberIsFollowed()
    {
        var after = LoginPage.Replace("{ name: 'Sign in' }", "{ name: [|'Log in'|] }", StringComparison.Ordinal);

        JsRewriteVerifier.Verify(
            Selector("pages/login-page.ts", 13, 23, Role("button", "Sign in"), Role("button", "Log in")),
            new RewriteFile("pages/login-page.ts", LoginPage, after));
    }

    [Fact]
    public void Rewrite_FixtureParameter_FollowsToTheClassOfThatName()
    {
        var fixtures = """
            import { test as base } from '@playwright/test';
            import { LoginPage } from './pages/login-page';

            export const test = base.extend<{ loginPage: LoginPage }>({
              loginPage: async ({ page }, use) => { await use(new LoginPage(page)); },
            });
            """;
        var spec = """
            import { test } from './fixtures';

            test('signs in', async ({ loginPage }) => {
              await loginPage.submit.click();
            });
            """;
        var after = LoginPage.Replace("{ name: 'Sign in' }", "{ name: [|'Log in'|] }", StringComparison.Ordinal);

        JsRewriteVerifier.Verify(
            Selector("e2e/login.spec.ts", 4, 26, Role("button", "Sign in"), Role("button", "Log in")),
            new RewriteFile("e2e/fixtures.ts", fixtures),
            new RewriteFile("e2e/login.spec.ts", spec),
            new RewriteFile("e2e/pages/login-page.ts", LoginPage, after));
    }

    [Fact]
    public void Rewrite_ReExportedThroughAnIndex_FollowsTheBarrel()
    {
        var selectors = """
            export const SAVE = '[data-test=save]';
            """;
        var index = """
            export * from './selectors';
            """;
        var spec = """
            import { SAVE } from './support';

            test('saves', async ({ page }) => {
              await page.locator(SAVE).click();
            });
            """;

        var result = JsRewriteVerifier.Verify(
            Selector("e2e/save.spec.ts", 4, 28, Css("[data-test=save]"), Css("[data-test=store]")),
            new RewriteFile("e2e/save.spec.ts", spec),
            new RewriteFile("e2e/support/index.ts", index),
            new RewriteFile("e2e/support/selectors.ts", selectors, "export const SAVE = [|'[data-test=store]'|];"));

        result.Edits.Should().ContainSingle().Which.OtherUsages.Should().BeNull();
    }

    [Fact]
    public void Rewrite_ObjectLiteralOfSelectors_EditsTheProperty()
    {
        var before = """
            const sel = {
              save: '#save',
              cancel: '#cancel',
            } as const;

            test('saves', async ({ page }) => {
              await page.click(sel.save);
            });
            """;
        var after = """
            const sel = {
              save: [|'#store'|],
              cancel: '#cancel',
            } as const;

            test('saves', async ({ page }) => {
              await page.click(sel.save);
            });
            """;

        JsRewriteVerifier.Verify(Selector("e2e/sel.spec.ts", 7, 14, Css("#save"), Css("#store")), new RewriteFile("e2e/sel.spec.ts", before, after));
    }

    [Fact]
    public void Rewrite_LocatorConst_EditsItsInitializer()
    {
        var before = """
            test('saves', async ({ page }) => {
              const save = page.getByTestId('save');
              await save.click();
            });
            """;
        var after = """
            test('saves', async ({ page }) => {
              const save = page.getByTestId([|'store'|]);
              await save.click();
            });
            """;

        var result = JsRewriteVerifier.Verify(Selector("e2e/a.spec.ts", 3, 14, TestId("save"), TestId("store")), new RewriteFile("e2e/a.spec.ts", before, after));

        result.Edits.Should().ContainSingle().Which.FollowedFrom.Should().Be("e2e/a.spec.ts:3");
    }

    [Fact]
    public void Rewrite_GetterAndBaseClass_AreFollowed()
    {
        var pages = """
            import { Page } from '@playwright/test';

            class BasePage {
              constructor(protected page: Page) {}
              get header() { return this.page.locator('header.top'); }
            }

            export class HomePage extends BasePage {}
            """;
        var spec = """
            import { HomePage } from './pages';

            test('home', async ({ page }) => {
              const home = new HomePage(page);
              await expect(home.header).toBeVisible();
            });
            """;
        var after = pages.Replace("'header.top'", "[|'header.main'|]", StringComparison.Ordinal);

        JsRewriteVerifier.Verify(
            Selector("e2e/home.spec.ts", 5, 29, Css("header.top"), Css("header.main")),
            new RewriteFile("e2e/home.spec.ts", spec),
            new RewriteFile("e2e/pages.ts", pages, after));
    }

    [Fact]
    public void Rewrite_ParameterWithOneCaller_EditsTheCallSite()
    {
        var before = """
            async function press(page: Page, selector: string) {
              await page.click(selector);
            }

            test('saves', async ({ page }) => {
              await press(page, '#save');
            });
            """;
        var after = """
            async function press(page: Page, selector: string) {
              await page.click(selector);
            }

            test('saves', async ({ page }) => {
              await press(page, [|'#store'|]);
            });
            """;

        JsRewriteVerifier.Verify(Selector("e2e/p.spec.ts", 2, 14, Css("#save"), Css("#store")), new RewriteFile("e2e/p.spec.ts", before, after));
    }

    [Fact]
    public void Rewrite_ParameterWithDisagreeingCallers_NeedsManualReview()
    {
        var before = """
            async function press(page: Page, selector: string) {
              await page.click(selector);
            }

            test('saves', async ({ page }) => {
              await press(page, '#save');
              await press(page, '#cancel');
            });
            """;

        var result = JsRewriteVerifier.Run(Selector("e2e/p.spec.ts", 2, 14, Css("#save"), Css("#store")), new RewriteFile("e2e/p.spec.ts", before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("callers pass different values");
    }

    [Fact]
    public void Rewrite_ValueFromAPackage_NeedsManualReview()
    {
        var before = """
            import { SAVE } from '@acme/selectors';

            test('saves', async ({ page }) => {
              await page.locator(SAVE).click();
            });
            """;

        var result = JsRewriteVerifier.Run(Selector("e2e/s.spec.ts", 4, 28, Css("#save"), Css("#store")), new RewriteFile("e2e/s.spec.ts", before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("@acme/selectors");
    }

    [Fact]
    public void Rewrite_FormChangeOfAFollowedConst_NeedsManualReview()
    {
        var before = """
            const SAVE_NAME = 'Save';

            test('saves', async ({ page }) => {
              await page.getByRole('button', { name: SAVE_NAME }).click();
            });
            """;

        var result = JsRewriteVerifier.Run(Selector("e2e/s.spec.ts", 4, 56, Role("button", "Save"), TestId("save")), new RewriteFile("e2e/s.spec.ts", before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("e2e/s.spec.ts:1");
    }

    [Fact]
    public void Rewrite_NameFromConst_EditsTheConst()
    {
        var before = """
            const SAVE_NAME = "Save";

            test('saves', async ({ page }) => {
              await page.getByRole('button', { name: SAVE_NAME }).click();
            });
            """;
        var after = """
            const SAVE_NAME = [|"Save changes"|];

            test('saves', async ({ page }) => {
              await page.getByRole('button', { name: SAVE_NAME }).click();
            });
            """;

        JsRewriteVerifier.Verify(Selector("e2e/s.spec.ts", 4, 56, Role("button", "Save"), Role("button", "Save changes")), new RewriteFile("e2e/s.spec.ts", before, after));
    }
}
