using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Validation;

namespace Praxi.FixEngine.Tests.Validation;

/// <summary>The checks that need no run, on C# and TypeScript before/after pairs.</summary>
public sealed class StaticChecksTests
{
    private const string CSharpTest = """
        public class LoginTests
        {
            [Test]
            public async Task SignsIn()
            {
                await Page.ClickAsync("#login-btn");
                Page.Url.Should().Be("/home");
                Assert.That(await Page.TitleAsync(), Is.EqualTo("Shop"));
            }
        }
        """;

    private const string TypeScriptTest = """
        import { test, expect } from '@playwright/test';

        test('signs in', async ({ page }) => {
          await page.locator('#login-btn').click();
          await expect(page).toHaveURL('/home');
        });
        """;

    [Fact]
    public void Run_GoodCSharpEdit_PassesBoth()
    {
        var sut = Run("LoginTests.cs", CSharpTest, CSharpTest.Replace("#login-btn", "#sign-in", StringComparison.Ordinal));

        sut.Should().OnlyContain(c => c.Passed);
        sut.Single(c => c.Name == StaticChecks.Parses).Detail.Should().Be("1 changed source file(s) parse as well as before");
        sut.Single(c => c.Name == StaticChecks.AssertionsIntact).Detail.Should().StartWith("2 assertion call(s) in the changed files (2 before)");
    }

    [Fact]
    public void Run_CSharpEditWithAMissingBrace_FailsParsesWithRoslynsError()
    {
        var sut = Run("LoginTests.cs", CSharpTest, CSharpTest.Replace("await Page.ClickAsync(\"#login-btn\");", "await Page.ClickAsync(\"#sign-in\";", StringComparison.Ordinal));

        var parses = sut.Single(c => c.Name == StaticChecks.Parses);
        parses.Passed.Should().BeFalse();
        parses.Detail.Should().StartWith("new parse errors: LoginTests.cs: 1 parse error(s), 0 before: CS1026 at line 6");
    }

    [Fact]
    public void Run_FileThatAlreadyHadAParseError_IsNotBlamedForIt()
    {
        var broken = CSharpTest.Replace("public class", "public clas", StringComparison.Ordinal);

        var sut = Run("LoginTests.cs", broken, broken.Replace("#login-btn", "#sign-in", StringComparison.Ordinal));

        sut.Single(c => c.Name == StaticChecks.Parses).Passed.Should().BeTrue();
    }

    [Fact]
    public void Run_CSharpIgnoreAdded_FailsAssertionsIntact()
    {
        var sut = Run("LoginTests.cs", CSharpTest, CSharpTest.Replace("[Test]", "[Test, Ignore(\"flaky\")]", StringComparison.Ordinal));

        var check = sut.Single(c => c.Name == StaticChecks.AssertionsIntact);
        check.Passed.Should().BeFalse();
        check.Detail.Should().Contain("a skip, fixme or only was added");
    }

    [Fact]
    public void Run_ShouldAssertionCommentedOut_FailsAssertionsIntact()
    {
        var sut = Run("LoginTests.cs", CSharpTest, CSharpTest.Replace("        Page.Url.Should()", "        // Page.Url.Should()", StringComparison.Ordinal));

        sut.Single(c => c.Name == StaticChecks.AssertionsIntact).Passed.Should().BeFalse();
    }

    [Fact]
    public void Run_TypeScriptOnlyAdded_FailsAssertionsIntact()
    {
        var sut = Run("login.spec.ts", TypeScriptTest, TypeScriptTest.Replace("test('signs in'", "test.only('signs in'", StringComparison.Ordinal));

        sut.Single(c => c.Name == StaticChecks.AssertionsIntact).Detail.Should().Contain("'test.only'");
    }

    [Fact]
    public void Run_TypeScriptUnbalancedBracket_FailsParses()
    {
        var sut = Run("login.spec.ts", TypeScriptTest, TypeScriptTest.Replace(".click();", ".click(;", StringComparison.Ordinal).Replace("});", "};", StringComparison.Ordinal));

        sut.Single(c => c.Name == StaticChecks.Parses).Passed.Should().BeFalse();
    }

    [Fact]
    public void PathsOf_RenderedDiff_ListsEachFileOnce()
    {
        const string patch = "diff --git a/e2e/a.spec.ts b/e2e/a.spec.ts\n--- a/e2e/a.spec.ts\n+++ b/e2e/a.spec.ts\n@@ -1 +1 @@\n-x\n+y\n"
            + "diff --git a/gone.cs b/gone.cs\n--- a/gone.cs\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n";

        StaticChecks.PathsOf(patch).Should().Equal("e2e/a.spec.ts", "gone.cs");
    }

    private static IReadOnlyList<ValidationCheck> Run(string path, string before, string after) =>
        StaticChecks.Run([new StaticChecks.ChangedFile(path, before, after)], CodeRewriters.All, CancellationToken.None);
}
