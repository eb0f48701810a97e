using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.CSharpRewriterVerifier;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

public sealed class CSharpRewriterTimeoutTests
{
    private const string File = "tests/TimeoutTests.cs";

    [Theory]
    [InlineData("""await page.Locator("#x").ClickAsync(new() { Timeout = 1500 });""", """await page.Locator("#x").ClickAsync(new() { Timeout = [|6500|] });""")]
    [InlineData("""await page.Locator("#x").ClickAsync(new LocatorClickOptions { Timeout = 1500 });""", """await page.Locator("#x").ClickAsync(new LocatorClickOptions { Timeout = [|6500|] });""")]
    [InlineData("""await Expect(page.Locator("#x")).ToBeVisibleAsync(new() { Timeout = 1_500 });""", """await Expect(page.Locator("#x")).ToBeVisibleAsync(new() { Timeout = [|6_500|] });""")]
    [InlineData("""await page.ClickAsync("#x", new() { Timeout = 1500f });""", """await page.ClickAsync("#x", new() { Timeout = [|6500f|] });""")]
    [InlineData("page.SetDefaultTimeout(1500);", "page.SetDefaultTimeout([|6500|]);")]
    [InlineData("page.SetDefaultNavigationTimeout(1500);", "page.SetDefaultNavigationTimeout([|6500|]);")]
    [InlineData("Thread.Sleep(1500);", "Thread.Sleep([|6500|]);")]
    [InlineData("await Task.Delay(1500);", "await Task.Delay([|6500|]);")]
    public void Rewrite_PlaywrightTimeouts_WriteTheNewMilliseconds(string beforeLine, string afterLine)
    {
        Verify(Timeout(File, 5, 1500, 6500), Case(File, Wrap(beforeLine), Wrap(afterLine)));
    }

    [Fact]
    public void Rewrite_WebDriverWaitFromSeconds_KeepsTheAuthorsUnit()
    {
        var before = Wrap("var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(2));");
        var after = Wrap("var wait = new WebDriverWait(driver, TimeSpan.FromSeconds([|7|]));");

        Verify(Timeout(File, 5, 2000, 7000), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_WebDriverWaitFractionOfSeconds_WritesADecimal()
    {
        var before = Wrap("var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(2));");
        var after = Wrap("var wait = new WebDriverWait(driver, TimeSpan.FromSeconds([|4.5|]));");

        Verify(Timeout(File, 5, 2000, 4500), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_WebDriverWaitFromMilliseconds_StaysInMilliseconds()
    {
        var before = Wrap("var wait = new WebDriverWait(driver, TimeSpan.FromMilliseconds(2000));");
        var after = Wrap("var wait = new WebDriverWait(driver, TimeSpan.FromMilliseconds([|4500|]));");

        Verify(Timeout(File, 5, 2000, 4500), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_TimeoutFromConst_EditsTheConstant()
    {
        const string before = """
            public sealed class T
            {
                private const int ShortTimeout = 1500;

                public async Task Go(IPage page) => await page.Locator("#x").ClickAsync(new() { Timeout = ShortTimeout });
            }
            """;
        const string after = """
            public sealed class T
            {
                private const int ShortTimeout = [|6500|];

                public async Task Go(IPage page) => await page.Locator("#x").ClickAsync(new() { Timeout = ShortTimeout });
            }
            """;

        var result = Verify(Timeout(File, 5, 1500, 6500), Case(File, before, after));

        result.Edits.Single().FollowedFrom.Should().Be("tests/TimeoutTests.cs:5");
    }

    [Fact]
    public void Rewrite_DefaultSetElsewhere_EditsTheOneSetDefaultTimeout()
    {
        const string setup = """
            public sealed class Setup
            {
                public void Configure(IPage page)
                {
                    page.SetDefaultTimeout(1500);
                }
            }
            """;
        const string setupAfter = """
            public sealed class Setup
            {
                public void Configure(IPage page)
                {
                    page.SetDefaultTimeout([|6500|]);
                }
            }
            """;
        var test = Wrap("""await page.Locator("#x").ClickAsync();""");

        var result = Verify(Timeout(File, 5, 1500, 6500), Unchanged(File, test), Case("tests/Setup.cs", setup, setupAfter));

        result.Edits.Single().FollowedFrom.Should().Be("tests/TimeoutTests.cs:5");
    }

    [Fact]
    public void Rewrite_OtherTimeoutValue_IsNotFound()
    {
        var result = Run(Timeout(File, 5, 1500, 6500), Unchanged(File, Wrap("""await page.Locator("#x").ClickAsync(new() { Timeout = 3000 });""")));

        result.Status.Should().Be(RewriteStatus.NotFound);
        result.Reason.Should().Contain("3000 ms");
    }

    [Fact]
    public void Rewrite_TimeoutPicksTheOneAtTheColumn()
    {
        var before = Wrap("""await page.Locator("#a").ClickAsync(new() { Timeout = 1500 }); await page.Locator("#b").ClickAsync(new() { Timeout = 1500 });""");
        var after = Wrap("""await page.Locator("#a").ClickAsync(new() { Timeout = 1500 }); await page.Locator("#b").ClickAsync(new() { Timeout = [|6500|] });""");

        Verify(Timeout(File, 5, 1500, 6500, column: Column(before, "page.Locator(\"#b\")")), Case(File, before, after));
    }

    private static string Wrap(string statement) => $$"""
        public sealed class T
        {
            public async Task Go(IPage page, IWebDriver driver)
            {
                {{statement}}
            }
        }
        """;
}
