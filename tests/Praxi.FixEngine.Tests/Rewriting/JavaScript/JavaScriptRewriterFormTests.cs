using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>Every locator form of a spec, healed within its form.</summary>
public sealed class JavaScriptRewriterFormTests
{
    private const string Spec = "e2e/forms.spec.ts";

    private static RewriteFile File(string statement, string expected) => new(Spec, Wrap(statement), Wrap(expected));

    private static string Wrap(string statement) => $$"""
        import { test, expect } from '@playwright/test';

        test('form', async ({ page }) => {
          {{statement}}
        });

        """;

    [Theory]
    [InlineData("getByText", LocatorKind.Text)]
    [InlineData("getByLabel", LocatorKind.Label)]
    [InlineData("getByPlaceholder", LocatorKind.Placeholder)]
    [InlineData("getByTitle", LocatorKind.Title)]
    [InlineData("getByAltText", LocatorKind.AltText)]
    public void Rewrite_GetByTextLike_ReplacesTheText(string method, LocatorKind by)
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, By(by, "Old value"), By(by, "New value")),
            File($"await page.{method}('Old value').click();", $"await page.{method}([|'New value'|]).click();"));
    }

    [Fact]
    public void Rewrite_GetByTextExact_AddsExact()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, By(LocatorKind.Text, "Total"), By(LocatorKind.Text, "Total", exact: true), FixKind.NarrowSelector),
            File("await page.getByText('Total').click();", "await page.getByText('Total'[|, { exact: true }|]).click();"));
    }

    [Fact]
    public void Rewrite_GetByRoleExact_AddsExactToTheOptions()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Role("button", "Save"), Role("button", "Save", exact: true), FixKind.NarrowSelector),
            File("await page.getByRole('button', { name: 'Save' }).click();", "await page.getByRole('button', [|{ name: 'Save', exact: true }|]).click();"));
    }

    [Fact]
    public void Rewrite_GetByRoleExactName_ChangesTheNameKeepsExact()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Role("button", "Save", exact: true), Role("button", "Save draft", exact: true)),
            File("await page.getByRole('button', { name: 'Save', exact: true }).click();", "await page.getByRole('button', { name: [|'Save draft'|], exact: true }).click();"));
    }

    [Fact]
    public void Rewrite_NewLeavesExactOpen_KeepsTheAuthorsExact()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Role("button", "Save", exact: true), Role("button", "Save draft")),
            File("await page.getByRole('button', { name: 'Save', exact: true }).click();", "await page.getByRole('button', { name: [|'Save draft'|], exact: true }).click();"));
    }

    [Fact]
    public void Rewrite_NotExactAnyMore_RemovesExact()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, By(LocatorKind.Text, "Total", exact: true), By(LocatorKind.Text, "Total", exact: false)),
            File("await page.getByText('Total', { exact: true }).click();", "await page.getByText('Total'[||]).click();"));
    }

    [Fact]
    public void Rewrite_GetByRoleRegexName_BecomesTheNewNameAsARegex()
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=button[name=/save/i]" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, old, Role("button", "Store")),
            File("await page.getByRole('button', { name: /save/i }).click();", "await page.getByRole('button', { name: [|/Store/i|] }).click();"));
    }

    [Fact]
    public void Rewrite_GetByRoleToNewRegex_WritesTheRegex()
    {
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=button[name=/store/i]" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Role("button", "Save"), @new),
            File("await page.getByRole('button', { name: 'Save' }).click();", "await page.getByRole('button', { name: [|/store/i|] }).click();"));
    }

    [Fact]
    public void Rewrite_GetByRoleRoleChanges_EditsTheRole()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Role("button", "Home"), Role("link", "Home")),
            File("await page.getByRole('button', { name: 'Home' }).click();", "await page.getByRole([|'link'|], { name: 'Home' }).click();"));
    }

    [Fact]
    public void Rewrite_GetByRoleToTestId_ChangesTheForm()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Role("button", "Save"), TestId("save")),
            File("await page.getByRole('button', { name: 'Save' }).click();", "await page.[|getByTestId('save')|].click();"));
    }

    [Fact]
    public void Rewrite_CssToARoleChain_WritesTheChainedGetByRoles()
    {
        // What a heal from an ARIA snapshot writes when the name alone is not unique: the role under a named region.
        var chain = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=region[name=\"Shipping\"i] >> internal:role=button[name=\"Continue\"i]" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Css("#shipping-next"), chain),
            File("await page.locator('#shipping-next').click();", "await page.[|getByRole('region', { name: 'Shipping' }).getByRole('button', { name: 'Continue' })|].click();"));
    }

    [Fact]
    public void Rewrite_CssTestIdAttribute_BecomesGetByTestIdOnAGetByRole()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Role("button", "Save"), Css("[data-testid=\"save\"]")),
            File("await page.getByRole('button', { name: 'Save' }).click();", "await page.[|getByTestId('save')|].click();"));
    }

    [Fact]
    public void Rewrite_ChainLeaf_EditsOnlyTheLeaf()
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "form#checkout >> internal:role=button[name=\"Pay\"i]" };
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "form#checkout >> internal:role=button[name=\"Pay now\"i]" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, old, @new),
            File("await page.locator('form#checkout').getByRole('button', { name: 'Pay' }).click();",
                "await page.locator('form#checkout').getByRole('button', { name: [|'Pay now'|] }).click();"));
    }

    [Fact]
    public void Rewrite_ChainLeafReportedAlone_MatchesTheEndOfTheChain()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Role("button", "Pay"), Role("button", "Pay now")),
            File("await page.locator('form').getByRole('button', { name: 'Pay' }).click();",
                "await page.locator('form').getByRole('button', { name: [|'Pay now'|] }).click();"));
    }

    [Fact]
    public void Rewrite_NarrowWithFirst_AppendsFirst()
    {
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = ".todo-item >> nth=0" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Css(".todo-item"), @new, FixKind.NarrowSelector),
            File("await page.locator('.todo-item').click();", "await page.locator('.todo-item')[|.first()|].click();"));
    }

    [Fact]
    public void Rewrite_NthIndex_ChangesTheCall()
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "li >> nth=2" };
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "li >> nth=3" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, old, @new),
            File("await page.locator('li').nth(2).click();", "await page.locator('li').[|nth(3)|].click();"));
    }

    [Fact]
    public void Rewrite_FilterHasText_EditsTheText()
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "li >> internal:has-text=\"Milk\"i" };
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "li >> internal:has-text=\"Oat milk\"i" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, old, @new),
            File("await page.locator('li').filter({ hasText: 'Milk' }).click();", "await page.locator('li').filter({ hasText: [|'Oat milk'|] }).click();"));
    }

    [Theory]
    [InlineData("await page.click('#save');", "await page.click([|'#store'|]);")]
    [InlineData("await page.fill('#email', 'a@b.c');", "await page.fill([|'#store'|], 'a@b.c');")]
    [InlineData("const text = await page.textContent('#total');", "const text = await page.textContent([|'#store'|]);")]
    [InlineData("expect(await page.isVisible('#toast')).toBe(true);", "expect(await page.isVisible([|'#store'|])).toBe(true);")]
    [InlineData("await page.waitForSelector('#spinner', { state: 'detached' });", "await page.waitForSelector([|'#store'|], { state: 'detached' });")]
    public void Rewrite_PageLevelSelector_ReplacesTheString(string before, string after)
    {
        var old = Css(RewriterVerifier.Strip(before).Split('\'')[1]);
        JsRewriteVerifier.Verify(Selector(Spec, 4, 15, old, Css("#store")), File(before, after));
    }

    [Fact]
    public void Rewrite_PageLevelToTestId_KeepsTheStringForm()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Css("#save"), TestId("save")),
            File("await page.click('#save');", "await page.click([|'[data-testid=\"save\"]'|]);"));
    }

    [Fact]
    public void Rewrite_FrameLocatorLeaf_EditsTheLabel()
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "iframe#stripe >> internal:control=enter-frame >> internal:label=\"Card number\"i" };
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "iframe#stripe >> internal:control=enter-frame >> internal:label=\"Card\"i" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, old, @new),
            File("await page.frameLocator('iframe#stripe').getByLabel('Card number').fill('4242');", "await page.frameLocator('iframe#stripe').getByLabel([|'Card'|]).fill('4242');"));
    }

    [Fact]
    public void Rewrite_FrameLocatorFrame_EditsTheFrameSelector()
    {
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "iframe#stripe >> internal:control=enter-frame >> internal:label=\"Card number\"i" };
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "iframe[name=\"card\"] >> internal:control=enter-frame >> internal:label=\"Card number\"i" };
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, old, @new),
            File("await page.frameLocator('iframe#stripe').getByLabel('Card number').fill('4242');", "await page.frameLocator([|'iframe[name=\"card\"]'|]).getByLabel('Card number').fill('4242');"));
    }

    [Fact]
    public void Rewrite_TemplateWithoutSubstitutions_KeepsBackticks()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Css("#save"), Css("button[data-action=\"save\"]")),
            File("await page.locator(`#save`).click();", "await page.locator([|`button[data-action=\"save\"]`|]).click();"));
    }

    [Fact]
    public void Rewrite_DoubleQuotes_EscapesQuotesInTheValue()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, Css("#save"), Css("button[title=\"Save\"]")),
            File("await page.locator(\"#save\").click();", "await page.locator([|\"button[title=\\\"Save\\\"]\"|]).click();"));
    }

    [Fact]
    public void Rewrite_SingleQuotes_EscapesApostrophes()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 15, By(LocatorKind.Text, "Save"), By(LocatorKind.Text, "Don't save")),
            File("await page.getByText('Save').click();", "await page.getByText([|'Don\\'t save'|]).click();"));
    }

    [Fact]
    public void Rewrite_ExpectOnALocator_EditsTheLocator()
    {
        JsRewriteVerifier.Verify(
            Selector(Spec, 4, 42, By(LocatorKind.Text, "Saved"), By(LocatorKind.Text, "Changes saved")),
            File("await expect(page.getByText('Saved')).toBeVisible();", "await expect(page.getByText([|'Changes saved'|])).toBeVisible();"));
    }

    [Fact]
    public void Rewrite_MultiLineChain_FindsTheChainFromTheActionLine()
    {
        var before = """
            test('pays', async ({ page }) => {
              await page
                .getByRole('button', { name: 'Pay' })
                .click();
            });
            """;
        var after = """
            test('pays', async ({ page }) => {
              await page
                .getByRole('button', { name: [|'Pay now'|] })
                .click();
            });
            """;

        JsRewriteVerifier.Verify(Selector(Spec, 4, 8, Role("button", "Pay"), Role("button", "Pay now")), new RewriteFile(Spec, before, after));
    }

    [Fact]
    public void Rewrite_PlainJavaScript_OutputStillParses()
    {
        var before = """
            const { test } = require('@playwright/test');

            test('signs in', async ({ page }) => {
              await page.locator('#login').click();
            });
            """;
        var after = """
            const { test } = require('@playwright/test');

            test('signs in', async ({ page }) => {
              await page.[|getByRole('button', { name: 'Sign in' })|].click();
            });
            """;

        JsRewriteVerifier.Verify(Selector("e2e/login.spec.js", 4, 31, Css("#login"), Role("button", "Sign in")), new RewriteFile("e2e/login.spec.js", before, after));
    }

    [Fact]
    public void Rewrite_TemplateWithSubstitution_NeedsManualReview()
    {
        var before = Wrap("await page.locator(`#item-${id}`).click();");

        var result = JsRewriteVerifier.Run(Selector(Spec, 4, 15, Css("#item-42"), TestId("item-42")), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("template literal");
    }

    [Fact]
    public void Rewrite_ConcatenationWithAVariable_NeedsManualReview()
    {
        var before = Wrap("await page.locator('#item-' + id).click();");

        var result = JsRewriteVerifier.Run(Selector(Spec, 4, 15, Css("#item-42"), TestId("item-42")), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("concatenation");
    }

    [Fact]
    public void Rewrite_FileWithoutTheLocator_NoEdits()
    {
        var before = Wrap("await page.goto('/');");

        var result = JsRewriteVerifier.Run(Selector(Spec, 4, 15, Css("#save"), Css("#store")), new RewriteFile(Spec, before));

        result.Status.Should().Be(RewriteStatus.NotFound);
        result.Edits.Should().BeEmpty();
    }
}
