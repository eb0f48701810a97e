using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.JavaScript.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>TypeScript that no .NET JavaScript parser accepts, around the edited call.</summary>
public sealed class JavaScriptRewriterTypeScriptTests
{
    private const string Before = """
        import type { Locator, Page } from '@playwright/test';
        import { test, expect } from '@playwright/test';

        enum Tab { Home = 'home', Cart = 'cart' }
        type Sel<T extends string> = `[data-tab="${T}"]`;
        interface Options { readonly retries?: number }

        const tabs = { home: '#home', cart: '#cart' } satisfies Record<string, string>;
        const pick = <T,>(xs: T[]): T | undefined => xs.at(0);

        abstract class Base<T = unknown> {
          protected constructor(protected readonly page: Page) {}
          abstract open(): Promise<void>;
        }

        export class Cart extends Base {
          declare readonly hint: string;
          readonly checkout: Locator = this.page.getByRole('button', { name: 'Checkout' }) as Locator;
          private count = 0 as number;

          constructor(page: Page) { super(page); }

          async open(): Promise<void> {
            const ratio = this.count / 2 / (tabs.home.length || 1);
            await this.page!.goto(`/cart?r=${ratio}`);
          }
        }

        test('checks out', async ({ page }) => {
          const cart = new Cart(page);
          await cart.open();
          const re = /\/cart\?r=\d+/;
          await expect(page).toHaveURL(re);
          await cart.checkout.click();
          pick<Options>([{ retries: 1 }])!;
        });
        """;

    [Fact]
    public void Rewrite_TypeScriptAroundTheCall_EditsOnlyTheName()
    {
        var after = Before.Replace("{ name: 'Checkout' }", "{ name: [|'Check out'|] }", StringComparison.Ordinal);

        JsRewriteVerifier.Verify(Selector("e2e/cart.spec.ts", 34, 23, Role("button", "Checkout"), Role("button", "Check out")), new RewriteFile("e2e/cart.spec.ts", Before, after));
    }

    [Fact]
    public void Rewrite_ObjectLiteralWithSatisfies_EditsTheProperty()
    {
        var text = Before.Replace("await cart.checkout.click();", "await page.locator(tabs.cart).click();", StringComparison.Ordinal);
        var after = text.Replace("cart: '#cart'", "cart: [|'#basket'|]", StringComparison.Ordinal);

        JsRewriteVerifier.Verify(Selector("e2e/cart.spec.ts", 34, 34, Css("#cart"), Css("#basket")), new RewriteFile("e2e/cart.spec.ts", text, after));
    }

    [Fact]
    public void Rewrite_JsxInATsxFile_NeedsManualReviewInsteadOfGuessing()
    {
        var before = """
            import { test, expect } from '@playwright/experimental-ct-react';

            test('renders', async ({ mount }) => {
              const component = await mount(<Button>Don't save</Button>);
              await component.getByText('Save').click();
            });
            """;

        var result = JsRewriteVerifier.Run(Selector("src/button.spec.tsx", 5, 35, By(LocatorKind.Text, "Save"), By(LocatorKind.Text, "Store")), new RewriteFile("src/button.spec.tsx", before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("cannot tokenize");
    }

    [Theory]
    [InlineData("a.ts", true)]
    [InlineData("a.tsx", true)]
    [InlineData("a.mts", true)]
    [InlineData("a.cts", true)]
    [InlineData("a.js", true)]
    [InlineData("a.jsx", true)]
    [InlineData("a.mjs", true)]
    [InlineData("a.cjs", true)]
    [InlineData("a.cs", false)]
    [InlineData("a.d.json", false)]
    public void Handles_ByExtension(string path, bool expected)
    {
        var sut = new Praxi.FixEngine.Rewriting.JavaScript.JavaScriptRewriter();

        sut.Handles(path).Should().Be(expected);
    }
}
