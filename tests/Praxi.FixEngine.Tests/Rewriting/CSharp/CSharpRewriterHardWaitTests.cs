using Praxi.FixEngine.Rewriting;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.CSharpRewriterVerifier;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

public sealed class CSharpRewriterHardWaitTests
{
    private const string File = "tests/WaitTests.cs";

    [Theory]
    [InlineData("await Task.Delay(2000);", """await page.Locator("#save").ClickAsync();""", """[|await page.Locator("#save").WaitForAsync()|];""")]
    [InlineData("Thread.Sleep(2000);", """await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();""", """[|await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).WaitForAsync()|];""")]
    [InlineData("await page.WaitForTimeoutAsync(2000);", """await page.FillAsync("#email", "a@b.c");""", """[|await page.Locator("#email").WaitForAsync()|];""")]
    [InlineData("await Task.Delay(2000).ConfigureAwait(false);", "await _save.ClickAsync();", "[|await _save.WaitForAsync()|];")]
    public void Rewrite_HardWaitBeforeAnAction_BecomesAWebFirstWait(string wait, string action, string expected)
    {
        var before = Wrap($"{wait}\n        {action}");
        var after = Wrap($"{expected}\n        {action}");

        Verify(HardWait(File, 7), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_SeleniumSleepBeforeFindElement_BecomesAWebDriverWait()
    {
        const string before = """
            using OpenQA.Selenium;
            using OpenQA.Selenium.Support.UI;

            public sealed class T
            {
                public void Go(IWebDriver driver)
                {
                    Thread.Sleep(3000);
                    driver.FindElement(By.Id("pay")).Click();
                }
            }
            """;
        const string after = """
            using OpenQA.Selenium;
            using OpenQA.Selenium.Support.UI;

            public sealed class T
            {
                public void Go(IWebDriver driver)
                {
                    [|new WebDriverWait(driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElement(By.Id("pay")).Displayed)|];
                    driver.FindElement(By.Id("pay")).Click();
                }
            }
            """;

        Verify(HardWait(File, 8), Case(File, before, after));
    }

    [Fact]
    public void Rewrite_SeleniumWithoutSupportUsing_NeedsManualReview()
    {
        const string before = """
            public sealed class T
            {
                public void Go(IWebDriver driver)
                {
                    Thread.Sleep(3000);
                    driver.FindElement(By.Id("pay")).Click();
                }
            }
            """;

        var result = Run(HardWait(File, 5), Unchanged(File, before));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
    }

    [Fact]
    public void Rewrite_HardWaitWithNoActionAfter_IsNotFound()
    {
        var result = Run(HardWait(File, 7), Unchanged(File, Wrap("await Task.Delay(2000);\n        Console.WriteLine(\"done\");")));

        result.Status.Should().Be(RewriteStatus.NotFound);
    }

    private static string Wrap(string statements) => $$"""
        public sealed class T
        {
            private ILocator _save = null!;

            public async Task Go(IPage page)
            {
                {{statements}}
            }
        }
        """;
}
