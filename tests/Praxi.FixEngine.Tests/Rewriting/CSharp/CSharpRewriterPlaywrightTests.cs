using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.CSharpRewriterVerifier;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

public sealed class CSharpRewriterPlaywrightTests
{
    private const string File = "tests/LoginTests.cs";

    [Fact]
    public void Rewrite_LocatorCss_ReplacesOnlyTheLiteral()
    {
        const string before = """
            using Microsoft.Playwright;

            public sealed class LoginTests
            {
                private IPage _page = null!;

                public async Task SignIn()
                {
                    // keep "#login" in this comment
                    await _page.Locator("#login").ClickAsync(new() { Timeout = 1500 });
                }
            }
            """;
        const string after = """
            using Microsoft.Playwright;

            public sealed class LoginTests
            {
                private IPage _page = null!;

                public async Task SignIn()
                {
                    // keep "#login" in this comment
                    await _page.Locator([|"button.sign-in"|]).ClickAsync(new() { Timeout = 1500 });
                }
            }
            """;

        var result = Verify(Selector(File, Line(before, "Locator("), Css("#login"), Css("button.sign-in")), Case(File, before, after));

        result.Edits.Should().ContainSingle().Which.FollowedFrom.Should().BeNull();
    }

    [Fact]
    public void Rewrite_ChainedLocator_EditsTheLastStep()
    {
        const string before = """
            public sealed class Cart
            {
                public async Task Pay(IPage page)
                {
                    await page.Locator("form.checkout").Locator("button.pay").ClickAsync();
                }
            }
            """;
        const string after = """
            public sealed class Cart
            {
                public async Task Pay(IPage page)
                {
                    await page.Locator("form.checkout").Locator([|"button[type=submit]"|]).ClickAsync();
                }
            }
            """;

        Verify(
            Selector(File, Line(before, "Locator("), new() { By = LocatorKind.Selector, Value = "form.checkout >> button.pay" }, Css("button[type=submit]")),
            Case(File, before, after));
    }

    [Fact]
    public void Rewrite_GetByRoleName_ChangesTheName()
    {
        const string before = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
                }
            }
            """;
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = [|"Sign in"|] }).ClickAsync();
                }
            }
            """;

        Verify(Selector(File, 5, Role("button", "Log in"), Role("button", "Sign in")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_GetByRoleWithOptionsType_ChangesRoleNameAndExact()
    {
        const string before = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Home", Exact = false }).ClickAsync();
                }
            }
            """;
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.GetByRole(AriaRole.[|Link|], new PageGetByRoleOptions { Name = [|"Start"|], Exact = [|true|] }).ClickAsync();
                }
            }
            """;

        Verify(Selector(File, 5, Role("button", "Home"), Role("link", "Start", exact: true)), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_GetByRoleWithoutName_AddsTheNameOption()
    {
        const string before = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.GetByRole(AriaRole.Navigation).ClickAsync();
                }
            }
            """;
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.GetByRole(AriaRole.Navigation[|, new() { Name = "Main" }|]).ClickAsync();
                }
            }
            """;

        Verify(Selector(File, 5, Role("navigation", null), Role("navigation", "Main")), Case(File, before, after));
    }

    [Theory]
    [InlineData("GetByTestId", LocatorKind.TestId)]
    [InlineData("GetByText", LocatorKind.Text)]
    [InlineData("GetByLabel", LocatorKind.Label)]
    [InlineData("GetByPlaceholder", LocatorKind.Placeholder)]
    [InlineData("GetByTitle", LocatorKind.Title)]
    [InlineData("GetByAltText", LocatorKind.AltText)]
    public void Rewrite_GetByMethods_ChangeOnlyTheLiteral(string method, LocatorKind by)
    {
        var before = $$"""
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await Expect(page.{{method}}("old value")).ToBeVisibleAsync();
                }
            }
            """;
        var after = $$"""
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await Expect(page.{{method}}([|"new value"|])).ToBeVisibleAsync();
                }
            }
            """;

        Verify(Selector(File, 5, Spec(by, "old value"), Spec(by, "new value")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_GetByTextExact_AddsTheExactOption()
    {
        const string before = """
            public sealed class T
            {
                public async Task Go(IPage page) => await page.GetByText("Status").ClickAsync();
            }
            """;
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page) => await page.GetByText([|"Status:"|][|, new() { Exact = true }|]).ClickAsync();
            }
            """;

        Verify(Selector(File, 3, Spec(LocatorKind.Text, "Status"), Spec(LocatorKind.Text, "Status:", exact: true)), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_LocatorToTestId_ChangesFormToGetByTestId()
    {
        const string before = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.Locator("#login-btn").ClickAsync();
                }
            }
            """;
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.[|GetByTestId("sign-in")|].ClickAsync();
                }
            }
            """;

        Verify(Selector(File, 5, Css("#login-btn"), Spec(LocatorKind.TestId, "sign-in"), column: 20), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_GetByRoleToCss_ChangesFormToLocator()
    {
        const string before = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                }
            }
            """;
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.[|Locator("form button.save")|].ClickAsync();
                }
            }
            """;

        Verify(Selector(File, 5, Role("button", "Save"), Css("form button.save")), Case(File, before, after));
    }

    [Theory]
    [InlineData("""await page.ClickAsync("#old");""", """await page.ClickAsync([|"#new"|]);""")]
    [InlineData("""await page.FillAsync("#old", "a@b.c");""", """await page.FillAsync([|"#new"|], "a@b.c");""")]
    [InlineData("""await page.WaitForSelectorAsync("#old");""", """await page.WaitForSelectorAsync([|"#new"|]);""")]
    [InlineData("""var shown = await page.IsVisibleAsync("#old");""", """var shown = await page.IsVisibleAsync([|"#new"|]);""")]
    [InlineData("""await page.CheckAsync("#old", new() { Timeout = 500 });""", """await page.CheckAsync([|"#new"|], new() { Timeout = 500 });""")]
    public void Rewrite_PageLevelActions_ChangeTheSelectorArgument(string beforeLine, string afterLine)
    {
        var before = Wrap(beforeLine);
        var after = Wrap(afterLine);

        Verify(Selector(File, 5, Css("#old"), Css("#new")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_PageLevelActionToTestId_KeepsThePageLevelForm()
    {
        var before = Wrap("""await page.ClickAsync("#old");""");
        var after = Wrap("""await page.ClickAsync([|"[data-testid='save']"|]);""");

        Verify(Selector(File, 5, Css("#old"), Spec(LocatorKind.TestId, "save")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_LocatorFillValueEqualToOld_IsNotTakenForASelector()
    {
        var before = Wrap("""await page.Locator("#email").FillAsync("#email");""");
        var after = Wrap("""await page.Locator([|"#mail"|]).FillAsync("#email");""");

        Verify(Selector(File, 5, Css("#email"), Css("#mail")), Case(File, before, after));
    }

    [Theory]
    [InlineData("""@"//div[@class=""x""]" """, """[|@"//span[@class=""y""]"|] """)]
    [InlineData("\"\"\"//div[@class=\"x\"]\"\"\" ", "[|\"\"\"//span[@class=\"y\"]\"\"\"|] ")]
    [InlineData("\"//div[@class=\\\"x\\\"]\" ", "[|\"//span[@class=\\\"y\\\"]\"|] ")]
    public void Rewrite_LiteralKinds_KeepTheAuthorsLiteralKind(string beforeLiteral, string afterLiteral)
    {
        var before = Wrap($"await page.Locator({beforeLiteral}).ClickAsync();");
        var after = Wrap($"await page.Locator({afterLiteral}).ClickAsync();");

        Verify(Selector(File, 5, Spec(LocatorKind.XPath, "//div[@class=\"x\"]"), Spec(LocatorKind.XPath, "//span[@class=\"y\"]")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_MultiLineRawLiteral_KeepsItsIndentation()
    {
        const string before = """"
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.Locator("""
                        #old
                        """).ClickAsync();
                }
            }
            """";
        const string after = """"
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.Locator([|"""
                        #new
                        """|]).ClickAsync();
                }
            }
            """";

        Verify(Selector(File, 5, Css("#old"), Css("#new")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_MultiLineStatement_FindsTheLocatorFromTheStatementsFirstLine()
    {
        const string before = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await Expect(page
                        .Locator("h1.title"))
                        .ToHaveTextAsync("Welcome");
                }
            }
            """;
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await Expect(page
                        .Locator([|"h1.heading"|]))
                        .ToHaveTextAsync("Welcome");
                }
            }
            """;

        Verify(Selector(File, 5, Css("h1.title"), Css("h1.heading")), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_TwoMatchingLocatorsOnALine_TakesTheOneAtTheColumn()
    {
        var before = Wrap("""await page.Locator("li").First.ClickAsync(); await page.Locator("li").Last.ClickAsync();""");
        var after = Wrap("""await page.Locator("li").First.ClickAsync(); await page.Locator([|"li.item"|]).Last.ClickAsync();""");

        Verify(Selector(File, 5, Css("li"), Css("li.item"), column: Column(before, "Last.ClickAsync")), Case(File, before, after));
    }

    [Theory]
    [InlineData("""await page.FrameLocator("#pay").Locator("#card").FillAsync("4242");""", """await page.FrameLocator("#pay").Locator([|"#card-number"|]).FillAsync("4242");""", "#pay >> internal:control=enter-frame >> #card")]
    [InlineData("""await page.Locator("li").Filter(new() { HasText = "Milk" }).Locator("button").ClickAsync();""", """await page.Locator("li").Filter(new() { HasText = "Milk" }).Locator([|"button.remove"|]).ClickAsync();""", "li >> internal:has-text=\"Milk\"i >> button")]
    [InlineData("""await page.Locator("ul > li").Nth(2).Locator("a").ClickAsync();""", """await page.Locator("ul > li").Nth(2).Locator([|"a.title"|]).ClickAsync();""", "ul > li >> nth=2 >> a")]
    public void Rewrite_ScopedChains_MatchTheWholeChainAndEditTheLastStep(string beforeLine, string afterLine, string chain)
    {
        var old = new Praxi.FixEngine.Contracts.LocatorSpec { By = LocatorKind.Selector, Value = chain };
        var last = beforeLine.Contains("#card", StringComparison.Ordinal) ? "#card-number" : beforeLine.Contains("Milk", StringComparison.Ordinal) ? "button.remove" : "a.title";

        Verify(Selector(File, 5, old, Css(last)), Case(File, Wrap(beforeLine), Wrap(afterLine)));
    }

    [Fact]
    public void Rewrite_ChainInstructionWithNewChain_EditsOnlyTheChangedLastStep()
    {
        var before = Wrap("""await page.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();""");
        var after = Wrap("""await page.Locator("form").GetByRole(AriaRole.Button, new() { Name = [|"Send"|] }).ClickAsync();""");
        var old = new Praxi.FixEngine.Contracts.LocatorSpec { By = LocatorKind.Selector, Value = "form >> internal:role=button[name=\"Go\"i]" };
        var @new = new Praxi.FixEngine.Contracts.LocatorSpec { By = LocatorKind.Selector, Value = "form >> internal:role=button[name=\"Send\"i]" };

        Verify(Selector(File, 5, old, @new), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_ChainInstructionChangingTheScope_NeedsManualReview()
    {
        var before = Wrap("""await page.Locator("form").Locator("button").ClickAsync();""");
        var old = new Praxi.FixEngine.Contracts.LocatorSpec { By = LocatorKind.Selector, Value = "form >> button" };
        var @new = new Praxi.FixEngine.Contracts.LocatorSpec { By = LocatorKind.Selector, Value = "main >> button" };

        var result = Run(Selector(File, 5, old, @new), Unchanged(File, before));

        result.Status.Should().Be(Praxi.FixEngine.Rewriting.RewriteStatus.NeedsManualReview);
    }

    private static string Wrap(string statement) => $$"""
        public sealed class T
        {
            public async Task Go(IPage page)
            {
                {{statement}}
            }
        }
        """;

    [Theory]
    [InlineData("nth=0", ".First")]
    [InlineData("nth=-1", ".Last")]
    [InlineData("nth=2", ".Nth(2)")]
    [InlineData("internal:has-text=\"Total\"i", ".Filter(new() { HasText = \"Total\" })")]
    public void Rewrite_NarrowingOfTheSameRoleLocator_AppendsTheCall(string narrowing, string call)
    {
        const string before = """
            public sealed class CheckoutPage(IPage page)
            {
                public ILocator PlaceOrder => page.GetByRole(AriaRole.Button, new() { Name = "Place order" });
            }
            """;
        var after = before.Replace("\"Place order\" })", "\"Place order\" })[|" + call + "|]", StringComparison.Ordinal);
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=button[name=\"Place order\"i] >> " + narrowing };

        Verify(Selector(File, 3, Role("button", "Place order"), @new, kind: FixKind.NarrowSelector), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_ChainThatScopesTheOldLocator_PutsTheScopeBeforeIt()
    {
        const string source = """
            public sealed class CheckoutPage(IPage page)
            {
                public ILocator PlaceOrder => page.GetByRole(AriaRole.Button, new() { Name = "Place order" });
            }
            """;
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "form#checkout >> internal:role=button[name=\"Place order\"i]" };

        Verify(
            Selector(File, 3, Role("button", "Place order"), @new, kind: FixKind.NarrowSelector),
            Case(File, source, source.Replace("page.GetByRole", "page[|.Locator(\"form#checkout\")|].GetByRole", StringComparison.Ordinal)));
    }

    [Fact]
    public void Rewrite_ChainThatChangesTheOldLocatorAndAddsAScope_GoesToManualReview()
    {
        const string source = """
            public sealed class CheckoutPage(IPage page)
            {
                public ILocator PlaceOrder => page.GetByRole(AriaRole.Button, new() { Name = "Place order" });
            }
            """;
        var @new = new LocatorSpec { By = LocatorKind.Selector, Value = "form#checkout >> internal:role=button[name=\"Pay\"i]" };

        var result = Run(Selector(File, 3, Role("button", "Place order"), @new), Unchanged(File, source));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("is a chain");
    }
}
