using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>
/// A heal that scopes the author's locator (a strict-mode violation healed by the landmark around the element):
/// the scope's calls go before the first call, where the locator is defined, in Playwright's public API.
/// </summary>
public sealed class JavaScriptRewriterScopeTests
{
    private const string Spec = "e2e/nav.spec.ts";

    private static readonly LocatorSpec InBanner = new() { By = LocatorKind.Selector, Value = "internal:role=banner >> .main-nav" };

    private static string Wrap(string body) => $$"""
        import { test, expect } from '@playwright/test';

        test('nav', async ({ page }) => {
        {{body}}
        });

        """;

    [Fact]
    public void Rewrite_ChainOnThePage_PrependsTheScopeCall()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 14, Css(".main-nav"), InBanner),
            new RewriteFile(Spec, Wrap("  await page.locator('.main-nav').click();"), Wrap("  await page.[|getByRole('banner').|]locator('.main-nav').click();")));
    }

    [Fact]
    public void Rewrite_ScopeWithAName_WritesTheNameInTheAuthorsQuotes()
    {
        var scoped = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=navigation[name=\"Main\"i] >> internal:role=link[name=\"Home\"i]" };

        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 14, Role("link", "Home"), scoped),
            new RewriteFile(Spec, Wrap("  await page.getByRole(\"link\", { name: \"Home\" }).click();"),
                Wrap("  await page.[|getByRole(\"navigation\", { name: \"Main\" }).|]getByRole(\"link\", { name: \"Home\" }).click();")));
    }

    [Fact]
    public void Rewrite_StoredLocatorVariable_PrependsWhereTheConstIsDefined()
    {
        var before = Wrap("""
              const nav = page.locator('.main-nav');
              await nav.click();
            """);
        var after = Wrap("""
              const nav = page.[|getByRole('banner').|]locator('.main-nav');
              await nav.click();
            """);

        var result = JsRewriteVerifier.Verify(Selector(Spec, 5, 13, Css(".main-nav"), InBanner), new RewriteFile(Spec, before, after));

        result.Edits.Should().ContainSingle().Which.FollowedFrom.Should().Be($"{Spec}:5");
    }

    [Fact]
    public void Rewrite_PageObjectProperty_PrependsInThePageObject()
    {
        const string Header = """
            import type { Page } from '@playwright/test';

            export class Header {
              readonly nav = this.page.locator('.main-nav');

              constructor(private readonly page: Page) {}
            }
            """;
        var spec = """
            import { test } from '@playwright/test';
            import { Header } from '../pages/header';

            test('nav', async ({ page }) => {
              const header = new Header(page);
              await header.nav.click();
            });
            """;

        var result = JsRewriteVerifier.Verify(
            Selector("tests/nav.spec.ts", 6, 20, Css(".main-nav"), InBanner),
            new RewriteFile("tests/nav.spec.ts", spec),
            new RewriteFile("pages/header.ts", Header, Header.Replace("this.page.locator(", "this.page.[|getByRole('banner').|]locator(", StringComparison.Ordinal)));

        result.Edits.Should().ContainSingle().Which.File.Should().Be("pages/header.ts");
    }

    [Fact]
    public void Rewrite_PageActionWithASelectorString_BecomesTheScopedLocatorsAction()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 14, Css(".main-nav"), InBanner),
            new RewriteFile(Spec, Wrap("  await page.click('.main-nav');"), Wrap("  await page.[|getByRole('banner').locator('.main-nav').click()|];")));
    }

    [Fact]
    public void Rewrite_PageActionWithAValueAndOptions_KeepsThemOnTheLocatorsAction()
    {
        var scoped = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=search >> #q" };

        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 14, Css("#q"), scoped),
            new RewriteFile(Spec, Wrap("  await page.fill('#q', 'mug', { timeout: 5000 });"),
                Wrap("  await page.[|getByRole('search').locator('#q').fill('mug', { timeout: 5000 })|];")));
    }

    [Fact]
    public void Rewrite_WaitForSelector_HasNoLocatorFormAndIsLeftForReview()
    {
        var result = JsRewriteVerifier.Run(
            Selector(Spec, 4, 14, Css(".main-nav"), InBanner),
            new RewriteFile(Spec, Wrap("  await page.waitForSelector('.main-nav');")));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("waitForSelector").And.Contain("scope");
    }

    [Theory]
    [InlineData("/sign in/i", "Log in", "/Log in/i")]
    [InlineData("/sign in/iu", "Log in (now) 1.5/2 [beta]?", @"/Log in \(now\) 1\.5\/2 \[beta\]\?/iu")]
    [InlineData("/^Sign in$/", "Log in", "/Log in/")]
    public void Rewrite_RegexRoleName_StaysARegexWithTheAuthorsFlags(string authorRegex, string newName, string expected)
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = $"internal:role=link[name={authorRegex}]" };

        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 14, old, Role("link", newName)),
            new RewriteFile(Spec, Wrap($"  await page.getByRole('link', {{ name: {authorRegex} }}).click();"),
                Wrap($"  await page.getByRole('link', {{ name: [|{expected}|] }}).click();")));
    }

    [Fact]
    public void Rewrite_RegexText_StaysARegex()
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:text=/sign in/i" };

        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 14, old, By(LocatorKind.Text, "Log in")),
            new RewriteFile(Spec, Wrap("  await page.getByText(/sign in/i).click();"), Wrap("  await page.getByText([|/Log in/i|]).click();")));
    }

    [Fact]
    public void Rewrite_RegexNameHealedExact_AnchorsTheRegexInsteadOfAddingExact()
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=link[name=/sign in/i]" };

        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 14, old, Role("link", "Log in", exact: true)),
            new RewriteFile(Spec, Wrap("  await page.getByRole('link', { name: /sign in/i }).click();"),
                Wrap("  await page.getByRole('link', { name: [|/^Log in$/i|] }).click();")));
    }
}
