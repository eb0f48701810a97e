using System.Globalization;
using System.Text;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Bench.Rewrite;

/// <summary>
/// Seeded generators of end-to-end test code for <c>praxi-bench rewrite</c>: a C# Playwright/xunit file with page objects
/// and Selenium calls, a TypeScript Playwright spec with page objects and parameter properties, and a repository of
/// both. Same seed and size, same bytes. Each file ends with a planted <c>Locator("#bench-target-N")</c> call.
/// </summary>
internal static class TestSuiteGenerator
{
    public const int DefaultSeed = 4;

    private static readonly string[] Words = ["Save", "Checkout", "Sign in", "Add to cart", "Continue", "Delete", "Search", "Apply coupon", "Pay now", "Next"];

    private static readonly string[] Roles = ["button", "link", "textbox", "checkbox", "tab", "menuitem"];

    private static readonly int[] Timeouts = [1000, 2000, 5000, 10_000, 15_000, 30_000];

    /// <summary>A C# Playwright/xunit test file of about <paramref name="lines"/> lines.</summary>
    public static GeneratedSpec CSharp(string path, int lines, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        sb.Append("using Microsoft.Playwright;\nusing Microsoft.Playwright.Xunit;\nusing OpenQA.Selenium;\nusing Xunit;\n\nnamespace Shop.E2E.Generated;\n\n");
        var module = 0;
        const int TailLines = 12;
        while (LineCount(sb) + TailLines < lines)
        {
            CSharpModule(sb, module++, random);
        }

        var target = $"#bench-target-{seed}";
        sb.Append(CultureInfo.InvariantCulture, $"public sealed class BenchTargetTests : PageTest\n{{\n    [Fact]\n    public async Task Planted()\n    {{\n        await Page.GotoAsync(\"/target\");\n");
        var targetLine = LineCount(sb) + 1;
        sb.Append(CultureInfo.InvariantCulture, $"        await Page.Locator(\"{target}\").ClickAsync();\n        await Expect(Page.GetByTestId(\"done\")).ToBeVisibleAsync();\n    }}\n}}\n");
        return Spec(path, sb, targetLine, target);
    }

    /// <summary>A TypeScript Playwright spec of about <paramref name="lines"/> lines.</summary>
    public static GeneratedSpec TypeScript(string path, int lines, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        sb.Append("import { test, expect, type Page, type Locator } from '@playwright/test';\n\n");
        var module = 0;
        const int TailLines = 8;
        while (LineCount(sb) + TailLines < lines)
        {
            TypeScriptModule(sb, module++, random);
        }

        var target = $"#bench-target-{seed}";
        sb.Append("test('planted', async ({ page }) => {\n  await page.goto('/target');\n");
        var targetLine = LineCount(sb) + 1;
        sb.Append(CultureInfo.InvariantCulture, $"  await page.locator('{target}').click();\n  await expect(page.getByTestId('done')).toBeVisible();\n}});\n");
        return Spec(path, sb, targetLine, target);
    }

    /// <summary>
    /// Writes a repository of <paramref name="files"/> test files (half C#, half TypeScript, 100–300 lines each) under
    /// <paramref name="root"/>; returns their repository-relative paths.
    /// </summary>
    public static IReadOnlyList<GeneratedSpec> Repository(string root, int files, int seed)
    {
        var random = new Random(seed);
        var specs = new List<GeneratedSpec>(files);
        for (var i = 0; i < files; i++)
        {
            var lines = random.Next(100, 301);
            var area = i % 20;
            var spec = i % 2 == 0
                ? CSharp($"tests/Shop.E2E/Area{area:00}/Flow{i:0000}Tests.cs", lines, seed + i)
                : TypeScript($"e2e/area{area:00}/flow{i:0000}.spec.ts", lines, seed + i);
            var full = Path.Combine(root, spec.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, spec.Text, new UTF8Encoding(false));
            specs.Add(spec);
        }

        return specs;
    }

    private static GeneratedSpec Spec(string path, StringBuilder sb, int targetLine, string target)
    {
        var text = sb.ToString();
        return new GeneratedSpec(
            path,
            text,
            LineCount(sb),
            targetLine,
            new LocatorSpec { By = LocatorKind.Css, Value = target },
            new LocatorSpec { By = LocatorKind.Css, Value = target + "-healed" });
    }

    private static int LineCount(StringBuilder sb)
    {
        var n = 0;
        foreach (var chunk in sb.GetChunks())
        {
            n += chunk.Span.Count('\n');
        }

        return n;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Ms(Random random) => Timeouts[random.Next(Timeouts.Length)].ToString(CultureInfo.InvariantCulture);

    private static void CSharpModule(StringBuilder sb, int i, Random random)
    {
        var inv = CultureInfo.InvariantCulture;
        var word = Pick(random, Words);
        var role = Pick(random, Roles);
        var aria = char.ToUpperInvariant(role[0]) + role[1..];
        sb.Append(inv, $$"""
            public sealed class CheckoutPage{{i}}
            {
                private readonly IPage _page;

                public CheckoutPage{{i}}(IPage page) => _page = page;

                public ILocator Panel => _page.Locator("#panel-{{i}}");

                public ILocator Primary => _page.GetByRole(AriaRole.{{aria}}, new() { Name = "{{word}} {{i}}" });

                public ILocator Cart => _page.GetByTestId("cart-{{i}}");

                public async Task SubmitAsync()
                {
                    await _page.Locator("form#checkout-{{i}} button[type=submit]").ClickAsync(new() { Timeout = {{Ms(random)}} });
                    await Cart.WaitForAsync(new() { Timeout = {{Ms(random)}} });
                }
            }

            public sealed class Checkout{{i}}Tests : PageTest
            {
                [Fact]
                public async Task Saves_{{i}}()
                {
                    var checkout = new CheckoutPage{{i}}(Page);
                    await Page.GotoAsync("/checkout/{{i}}");
                    await Page.GetByRole(AriaRole.Link, new() { Name = "Cart {{i}}" }).ClickAsync();
                    await Page.GetByTestId("qty-{{i}}").FillAsync("{{random.Next(1, 9)}}");
                    await Page.GetByLabel("Coupon {{i}}").FillAsync("SPRING");
                    await Expect(Page.Locator(".total-{{i}}")).ToBeVisibleAsync(new() { Timeout = {{Ms(random)}} });
                    await checkout.SubmitAsync();
                }

            """);
        if (random.Next(3) == 0)
        {
            sb.Append(inv, $$"""
                    [Fact]
                    public void Legacy_{{i}}()
                    {
                        using var driver = Drivers.Chrome();
                        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds({{random.Next(5, 30)}}));
                        driver.FindElement(By.Id("user-{{i}}")).SendKeys("ann");
                        driver.FindElement(By.CssSelector("#login-{{i}}")).Click();
                    }

                """);
        }

        sb.Append(inv, $$"""
                // {{word}}: the {{role}} must be reachable from the cart page.
                [Fact]
                public async Task Opens_{{i}}()
                {
                    await Page.GotoAsync("/cart/{{i}}");
                    await Page.GetByText("{{word}}").First.ClickAsync();
                    await Expect(Page.GetByPlaceholder("Search {{i}}")).ToBeEditableAsync();
                }
            }


            """);
    }

    private static void TypeScriptModule(StringBuilder sb, int i, Random random)
    {
        var inv = CultureInfo.InvariantCulture;
        var word = Pick(random, Words);
        var role = Pick(random, Roles);
        sb.Append(inv, $$"""
            class CheckoutPage{{i}} {
              readonly cart: Locator;

              constructor(private readonly page: Page, private readonly panel = '#panel-{{i}}') {
                this.cart = page.getByTestId('cart-{{i}}');
              }

              primary(): Locator {
                return this.page.getByRole('{{role}}', { name: '{{word}} {{i}}' });
              }

              async submit(): Promise<void> {
                await this.page.locator('form#checkout-{{i}} button[type=submit]').click({ timeout: {{Ms(random)}} });
                await this.cart.waitFor({ timeout: {{Ms(random)}} });
              }
            }

            test.describe('checkout {{i}}', () => {
              test('saves {{i}}', async ({ page }) => {
                const checkout = new CheckoutPage{{i}}(page);
                await page.goto('/checkout/{{i}}');
                await page.getByRole('link', { name: 'Cart {{i}}' }).click();
                await page.getByTestId('qty-{{i}}').fill('{{random.Next(1, 9)}}');
                await page.getByLabel("Coupon {{i}}").fill(`SPRING`);
                await expect(page.locator('.total-{{i}}')).toBeVisible({ timeout: {{Ms(random)}} });
                await checkout.submit();
              });

            """);
        if (random.Next(3) == 0)
        {
            sb.Append(inv, $$"""
                  test('waits {{i}}', async ({ page }) => {
                    test.setTimeout({{random.Next(30, 90) * 1000}});
                    await page.click('#legacy-{{i}}');
                    await expect(page.getByText(/{{word}} \d+/)).toHaveCount({{random.Next(1, 5)}});
                  });

                """);
        }

        sb.Append(inv, $$"""
              // {{word}}: the {{role}} must be reachable from the cart page.
              test('opens {{i}}', async ({ page }) => {
                await page.goto(`/cart/{{i}}`);
                await page.getByText('{{word}}').first().click();
                await expect(page.getByPlaceholder('Search {{i}}') as Locator).toBeEditable();
              });
            });


            """);
    }
}
