using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Rewriting.CSharp;
using Praxi.FixEngine.Rewriting.JavaScript;

namespace Praxi.FixEngine.Tests.Fixing;

public sealed partial class FixAgentTests
{
    [Fact]
    public void Plan_ScopedAndRegexHealsInBothLanguages_GivesOnePatchGitAccepts()
    {
        const string spec = """
            import { test } from '@playwright/test';

            test('nav', async ({ page }) => {
              const nav = page.locator('.main-nav');
              await nav.click();
              await page.getByRole('link', { name: /sign in/i }).click();
            });

            """;
        const string test = """
            using System.Text.RegularExpressions;
            using Microsoft.Playwright;

            public sealed class NavTests
            {
                private IPage Page = null!;

                public async Task Opens()
                {
                    await Page.ClickAsync(".main-nav");
                    await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("sign in", RegexOptions.IgnoreCase) }).ClickAsync();
                }
            }

            """;
        using var repo = TestRepo.Create().With("e2e/nav.spec.ts", spec).With("e2e/NavTests.cs", test).Commit();
        var sut = new FixAgent(null, [new CSharpRewriter(), new JavaScriptRewriter()]);
        var mainNav = new LocatorSpec { By = LocatorKind.Css, Value = ".main-nav" };
        var inBanner = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=banner >> .main-nav" };
        var signIn = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=link[name=/sign in/i]" };
        var logIn = new LocatorSpec { By = LocatorKind.Role, Role = "link", Name = "Log in" };
        FixInstruction Heal(string file, int line, LocatorSpec old, LocatorSpec @new) => new()
        {
            Kind = FixKind.ReplaceSelector,
            File = file,
            Line = line,
            Old = old,
            New = @new,
            Confidence = 0.9,
            Evidence = "heal",
        };

        var result = sut.Plan(Input(Heal("e2e/nav.spec.ts", 5, mainNav, inBanner), Heal("e2e/nav.spec.ts", 6, signIn, logIn), Heal("e2e/NavTests.cs", 10, mainNav, inBanner), Heal("e2e/NavTests.cs", 11, signIn, logIn)), repo.Root);

        result.Metadata.NeedsManualReview.Should().BeFalse(string.Join("; ", result.Metadata.ManualReview.Select(r => r.Reason)));
        result.Patch.Should().Contain("+  const nav = page.getByRole('banner').locator('.main-nav');")
            .And.Contain("+  await page.getByRole('link', { name: /Log in/i }).click();")
            .And.Contain("+        await Page.GetByRole(AriaRole.Banner).Locator(\".main-nav\").ClickAsync();")
            .And.Contain("+        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(\"Log in\", RegexOptions.IgnoreCase) }).ClickAsync();")
            .And.NotContain("internal:");
        repo.Apply(result.Patch, check: true).Code.Should().Be(0, result.Patch);
    }
}
