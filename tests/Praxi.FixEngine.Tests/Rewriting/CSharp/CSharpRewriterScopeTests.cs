using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.CSharpRewriterVerifier;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

/// <summary>
/// A heal that scopes the author's locator (a strict-mode violation healed by the landmark around the element): the
/// scope's calls go on the locator's receiver, where the locator is defined, in Playwright's public .NET API.
/// </summary>
public sealed class CSharpRewriterScopeTests
{
    private const string File = "e2e/NavTests.cs";

    private static readonly LocatorSpec InBanner = new() { By = LocatorKind.Selector, Value = "internal:role=banner >> .main-nav" };

    private static string Test(string body) => $$"""
        using Microsoft.Playwright;

        public sealed class NavTests
        {
            private IPage Page = null!;

            public async Task Opens()
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public void Rewrite_ChainOnThePage_PutsTheScopeOnThePage()
    {
        var before = Test("        await Page.Locator(\".main-nav\").ClickAsync();");
        var after = Test("        await Page[|.GetByRole(AriaRole.Banner)|].Locator(\".main-nav\").ClickAsync();");

        var result = Verify(Selector(File, Line(before, "Locator("), Css(".main-nav"), InBanner), Case(File, before, after));

        result.Edits.Should().ContainSingle().Which.FollowedFrom.Should().BeNull();
    }

    [Fact]
    public void Rewrite_NamedScope_WritesTheNameOption()
    {
        var scoped = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=navigation[name=\"Main\"i] >> internal:role=link[name=\"Home\"i]" };
        var before = Test("        await Page.GetByRole(AriaRole.Link, new() { Name = \"Home\" }).ClickAsync();");
        var after = Test("        await Page[|.GetByRole(AriaRole.Navigation, new() { Name = \"Main\" })|].GetByRole(AriaRole.Link, new() { Name = \"Home\" }).ClickAsync();");

        Verify(Selector(File, Line(before, "GetByRole("), Role("link", "Home"), scoped), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_StoredLocatorVariable_PutsTheScopeWhereItIsDefined()
    {
        var before = Test("""
                    var nav = Page.Locator(".main-nav");
                    await nav.ClickAsync();
            """);
        var after = Test("""
                    var nav = Page[|.GetByRole(AriaRole.Banner)|].Locator(".main-nav");
                    await nav.ClickAsync();
            """);

        var result = Verify(Selector(File, Line(before, "nav.ClickAsync"), Css(".main-nav"), InBanner), Case(File, before, after));

        result.Edits.Should().ContainSingle().Which.FollowedFrom.Should().Be($"{File}:{Line(before, "nav.ClickAsync")}");
    }

    [Fact]
    public void Rewrite_PageObjectProperty_PutsTheScopeInThePageObject()
    {
        const string header = """
            using Microsoft.Playwright;

            public sealed class Header(IPage page)
            {
                public ILocator Nav => page.Locator(".main-nav");
            }
            """;
        var test = Test("        await new Header(Page).Nav.ClickAsync();");

        var result = Verify(
            Selector(File, Line(test, "Nav.ClickAsync"), Css(".main-nav"), InBanner),
            Unchanged(File, test),
            Case("e2e/Header.cs", header, header.Replace("page.Locator(", "page[|.GetByRole(AriaRole.Banner)|].Locator(", StringComparison.Ordinal)));

        result.Edits.Should().ContainSingle().Which.File.Should().Be("e2e/Header.cs");
    }

    [Fact]
    public void Rewrite_PageActionWithASelector_BecomesTheScopedLocatorsAction()
    {
        var before = Test("        await Page.FillAsync(\"#q\", \"mug\", new() { Timeout = 5000 });");
        var after = Test("        await Page.[|GetByRole(AriaRole.Search).Locator(\"#q\").FillAsync(\"mug\", new() { Timeout = 5000 })|];");
        var scoped = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=search >> #q" };

        Verify(Selector(File, Line(before, "FillAsync"), Css("#q"), scoped), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_PageActionWithTypedPageOptions_IsLeftForReviewWithTheReason()
    {
        var before = Test("        await Page.ClickAsync(\".main-nav\", new PageClickOptions { Timeout = 5000 });");

        var result = Run(Selector(File, Line(before, "ClickAsync"), Css(".main-nav"), InBanner), Unchanged(File, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
        result.Reason.Should().Contain("scope").And.Contain("ClickAsync");
    }

    [Theory]
    [InlineData("new Regex(\"sign in\", RegexOptions.IgnoreCase)", "/sign in/i", "Log in", "new Regex([|\"Log in\"|], RegexOptions.IgnoreCase)")]
    [InlineData("new Regex(\"sign in\", RegexOptions.IgnoreCase | RegexOptions.Multiline)", "/sign in/im", "Log in (1.5) [beta]?", "new Regex([|\"Log in \\\\(1\\\\.5\\\\) \\\\[beta\\\\]\\\\?\"|], RegexOptions.IgnoreCase | RegexOptions.Multiline)")]
    [InlineData("new(@\"sign\\s+in\")", "/sign\\s+in/", "Log in", "new([|@\"Log in\"|])")]
    public void Rewrite_RegexName_StaysARegexWithTheAuthorsOptions(string authorRegex, string printed, string newName, string expected)
    {
        var before = Test($"        await Page.GetByRole(AriaRole.Link, new() {{ NameRegex = {authorRegex} }}).ClickAsync();");
        var after = Test($"        await Page.GetByRole(AriaRole.Link, new() {{ NameRegex = {expected} }}).ClickAsync();");
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = $"internal:role=link[name={printed}]" };

        Verify(Selector(File, Line(before, "GetByRole("), old, Role("link", newName)), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_RegexNameHealedExact_AnchorsThePattern()
    {
        var before = Test("        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(\"sign in\", RegexOptions.IgnoreCase) }).ClickAsync();");
        var after = Test("        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex([|\"^Log in$\"|], RegexOptions.IgnoreCase) }).ClickAsync();");
        var old = new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=link[name=/sign in/i]" };

        Verify(Selector(File, Line(before, "GetByRole("), old, Role("link", "Log in", exact: true)), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_PlainName_StaysAString()
    {
        var before = Test("        await Page.GetByRole(AriaRole.Link, new() { Name = \"Sign in\", Exact = true }).ClickAsync();");
        var after = Test("        await Page.GetByRole(AriaRole.Link, new() { Name = [|\"Log in\"|], Exact = true }).ClickAsync();");

        Verify(Selector(File, Line(before, "GetByRole("), Role("link", "Sign in", exact: true), Role("link", "Log in", exact: true)), Case(File, before, after));
    }
}
