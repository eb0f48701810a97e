using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.CSharpRewriterVerifier;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

public sealed class CSharpRewriterFollowTests
{
    private const string Test = "e2e/LoginTests.cs";

    private const string Selectors = """
        namespace E2E;

        public static class Selectors
        {
            public const string LoginButton = "#login";
            public static readonly string Email = "#email";
        }
        """;

    [Fact]
    public void Rewrite_ConstInAnotherFile_EditsTheDefinitionOnceAndListsOtherUsages()
    {
        const string test = """
            namespace E2E;

            public sealed class LoginTests
            {
                public async Task SignIn(IPage page)
                {
                    await page.Locator(Selectors.LoginButton).ClickAsync();
                }

                public async Task SeesButton(IPage page)
                {
                    await Expect(page.Locator(Selectors.LoginButton)).ToBeVisibleAsync();
                }
            }
            """;
        const string after = """
            namespace E2E;

            public static class Selectors
            {
                public const string LoginButton = [|"#sign-in"|];
                public static readonly string Email = "#email";
            }
            """;

        var result = Verify(Selector(Test, 7, Css("#login"), Css("#sign-in")), Unchanged(Test, test), Case("e2e/Selectors.cs", Selectors, after));

        var edit = result.Edits.Should().ContainSingle().Subject;
        edit.File.Should().Be("e2e/Selectors.cs");
        edit.Line.Should().Be(5);
        edit.FollowedFrom.Should().Be("e2e/LoginTests.cs:7");
        edit.OtherUsages.Should().Equal("e2e/LoginTests.cs:12");
    }

    [Fact]
    public void Rewrite_StaticReadonlyField_EditsTheInitializer()
    {
        const string test = """
            namespace E2E;

            public sealed class LoginTests
            {
                public async Task Fill(IPage page) => await page.FillAsync(Selectors.Email, "a@b.c");
            }
            """;
        const string after = """
            namespace E2E;

            public static class Selectors
            {
                public const string LoginButton = "#login";
                public static readonly string Email = [|"input[name=email]"|];
            }
            """;

        var result = Verify(Selector(Test, 5, Css("#email"), Css("input[name=email]")), Unchanged(Test, test), Case("e2e/Selectors.cs", Selectors, after));

        result.Edits.Single().OtherUsages.Should().BeEmpty();
    }

    [Fact]
    public void Rewrite_PageObjectLocatorProperty_EditsThePropertyAndListsItsUsages()
    {
        const string page = """
            namespace E2E;

            public sealed class LoginPage(IPage page)
            {
                public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Log in" });

                public async Task SignInAsync() => await Submit.ClickAsync();
            }
            """;
        const string pageAfter = """
            namespace E2E;

            public sealed class LoginPage(IPage page)
            {
                public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = [|"Sign in"|] });

                public async Task SignInAsync() => await Submit.ClickAsync();
            }
            """;
        const string test = """
            namespace E2E;

            public sealed class LoginTests
            {
                public async Task Shown(LoginPage login) => await Expect(login.Submit).ToBeVisibleAsync();
            }
            """;

        var result = Verify(
            Selector("e2e/LoginPage.cs", 7, Role("button", "Log in"), Role("button", "Sign in")),
            Case("e2e/LoginPage.cs", page, pageAfter),
            Unchanged(Test, test));

        var edit = result.Edits.Should().ContainSingle().Subject;
        edit.FollowedFrom.Should().Be("e2e/LoginPage.cs:7");
        edit.OtherUsages.Should().Equal("e2e/LoginTests.cs:5");
    }

    [Fact]
    public void Rewrite_PageObjectStringProperty_EditsTheExpressionBody()
    {
        const string page = """
            namespace E2E;

            public sealed class LoginPage(IPage page)
            {
                private string SubmitSelector => "button.login";

                public async Task SignInAsync() => await page.ClickAsync(SubmitSelector);
            }
            """;
        const string after = """
            namespace E2E;

            public sealed class LoginPage(IPage page)
            {
                private string SubmitSelector => [|"button.sign-in"|];

                public async Task SignInAsync() => await page.ClickAsync(SubmitSelector);
            }
            """;

        var result = Verify(Selector("e2e/LoginPage.cs", 7, Css("button.login"), Css("button.sign-in")), Case("e2e/LoginPage.cs", page, after));

        result.Edits.Single().FollowedFrom.Should().Be("e2e/LoginPage.cs:7");
    }

    [Fact]
    public void Rewrite_LocalWithLiteralInitializer_EditsTheInitializer()
    {
        const string before = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    var save = "#save";
                    await page.Locator(save).ClickAsync();
                    await Expect(page.Locator(save)).ToBeHiddenAsync();
                }
            }
            """;
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    var save = [|"#save-draft"|];
                    await page.Locator(save).ClickAsync();
                    await Expect(page.Locator(save)).ToBeHiddenAsync();
                }
            }
            """;

        var result = Verify(Selector(Test, 6, Css("#save"), Css("#save-draft")), Case(Test, before, after));

        result.Edits.Single().OtherUsages.Should().Equal("e2e/LoginTests.cs:7");
    }

    [Fact]
    public void Rewrite_ParameterWithAgreeingCallers_EditsEveryCaller()
    {
        const string before = """
            public sealed class T
            {
                private static async Task Press(IPage page, string selector) => await page.Locator(selector).ClickAsync();

                public async Task A(IPage page) => await Press(page, "#go");

                public async Task B(IPage page) => await Press(page, selector: "#go");
            }
            """;
        const string after = """
            public sealed class T
            {
                private static async Task Press(IPage page, string selector) => await page.Locator(selector).ClickAsync();

                public async Task A(IPage page) => await Press(page, [|"#start"|]);

                public async Task B(IPage page) => await Press(page, selector: [|"#start"|]);
            }
            """;

        var result = Verify(Selector(Test, 3, Css("#go"), Css("#start")), Case(Test, before, after));

        result.Edits.Should().HaveCount(2).And.OnlyContain(e => e.FollowedFrom == "e2e/LoginTests.cs:3");
    }

    [Fact]
    public void Rewrite_ParameterWithDisagreeingCallers_NeedsManualReview()
    {
        const string before = """
            public sealed class T
            {
                private static async Task Press(IPage page, string selector) => await page.Locator(selector).ClickAsync();

                public async Task A(IPage page) => await Press(page, "#go");

                public async Task B(IPage page) => await Press(page, "#stop");
            }
            """;

        var result = Run(Selector(Test, 3, Css("#go"), Css("#start")), Unchanged(Test, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("different values").And.Contain("\"#go\"").And.Contain("\"#stop\"");
    }

    [Fact]
    public void Rewrite_ValueFromResx_NeedsManualReview()
    {
        const string designer = """
            namespace E2E.Properties;

            internal class Resources
            {
                private static global::System.Resources.ResourceManager resourceMan = null!;

                internal static global::System.Resources.ResourceManager ResourceManager => resourceMan;

                internal static string LoginButton => ResourceManager.GetString("LoginButton", null)!;
            }
            """;
        const string test = """
            namespace E2E;

            public sealed class T
            {
                public async Task Go(IPage page) => await page.Locator(Properties.Resources.LoginButton).ClickAsync();
            }
            """;

        var result = Run(
            Selector(Test, 5, Css("#login"), Css("#sign-in")),
            Unchanged(Test, test),
            Unchanged("e2e/Properties/Resources.Designer.cs", designer),
            Unchanged("e2e/Properties/Resources.resx", "<root />"));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("resource");
    }

    [Fact]
    public void Rewrite_InterpolatedStringWithHoles_NeedsManualReview()
    {
        const string test = """
            public sealed class T
            {
                public async Task Go(IPage page, string id) => await page.Locator($"#{id}").ClickAsync();
            }
            """;

        var result = Run(Selector(Test, 3, Css("#login"), Css("#sign-in")), Unchanged(Test, test));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("interpolated string with holes");
    }

    [Fact]
    public void Rewrite_ConstantBuiltFromConstants_NeedsManualReview()
    {
        const string test = """
            public sealed class T
            {
                private const string Prefix = "#";
                private const string Login = Prefix + "login";

                public async Task Go(IPage page) => await page.Locator(Login).ClickAsync();
            }
            """;

        var result = Run(Selector(Test, 6, Css("#login"), Css("#sign-in")), Unchanged(Test, test));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("constant built from other constants");
    }

    [Fact]
    public void Rewrite_ConcatenationWithNonLiterals_NeedsManualReview()
    {
        const string test = """
            public sealed class T
            {
                public async Task Go(IPage page, string id) => await page.Locator("#" + id).ClickAsync();
            }
            """;

        var result = Run(Selector(Test, 3, Css("#login"), Css("#sign-in")), Unchanged(Test, test));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("concatenation");
    }

    [Fact]
    public void Rewrite_FollowedValueNeedingAnotherForm_NeedsManualReview()
    {
        const string test = """
            namespace E2E;

            public sealed class LoginTests
            {
                public async Task SignIn(IPage page) => await page.Locator(Selectors.LoginButton).ClickAsync();
            }
            """;

        var result = Run(Selector(Test, 5, Css("#login"), Spec(LocatorKind.TestId, "sign-in")), Unchanged(Test, test), Unchanged("e2e/Selectors.cs", Selectors));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("e2e/Selectors.cs:5");
    }
    [Fact]
    public void Rewrite_LocatorAssignedInConstructor_EditsTheAssignment()
    {
        const string before = """
            public sealed class CartPage
            {
                private readonly ILocator _checkout;

                public CartPage(IPage page)
                {
                    _checkout = page.Locator("a.checkout");
                }

                public Task CheckoutAsync() => _checkout.ClickAsync();
            }
            """;
        const string after = """
            public sealed class CartPage
            {
                private readonly ILocator _checkout;

                public CartPage(IPage page)
                {
                    _checkout = page.Locator([|"button.checkout"|]);
                }

                public Task CheckoutAsync() => _checkout.ClickAsync();
            }
            """;

        var result = Verify(Selector("e2e/CartPage.cs", Line(before, "CheckoutAsync"), Css("a.checkout"), Css("button.checkout")), Case("e2e/CartPage.cs", before, after));

        result.Edits.Single().FollowedFrom.Should().Be("e2e/CartPage.cs:10");
    }

    [Fact]
    public void Rewrite_ChainRootedInAPageObjectLocator_MatchesTheWholeChain()
    {
        const string before = """
            public sealed class LoginPage(IPage page)
            {
                private ILocator Form => page.Locator("form#login");

                public Task SubmitAsync() => Form.Locator("button").ClickAsync();
            }
            """;
        const string after = """
            public sealed class LoginPage(IPage page)
            {
                private ILocator Form => page.Locator("form#login");

                public Task SubmitAsync() => Form.Locator([|"button[type=submit]"|]).ClickAsync();
            }
            """;
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "form#login >> button" };

        var result = Verify(Selector("e2e/LoginPage.cs", 5, old, Css("button[type=submit]")), Case("e2e/LoginPage.cs", before, after));

        result.Edits.Single().FollowedFrom.Should().BeNull();
    }
}
