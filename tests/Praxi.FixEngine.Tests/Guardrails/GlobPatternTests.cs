using Praxi.FixEngine.Guardrails;

namespace Praxi.FixEngine.Tests.Guardrails;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("tests/**", "tests/a.ts", true)]
    [InlineData("tests/**", "tests/deep/er/a.ts", true)]
    [InlineData("tests/**", "src/tests/a.ts", false)]
    [InlineData("**/tests/**", "tests/a.ts", true)]
    [InlineData("**/tests/**", "src/app/tests/a.ts", true)]
    [InlineData("**/tests/**", "src/app/testsuite/a.ts", false)]
    [InlineData("**/*.spec.*", "login.spec.ts", true)]
    [InlineData("**/*.spec.*", "e2e/x/login.spec.ts", true)]
    [InlineData("**/*.spec.*", "e2e/x/login.specs", false)]
    [InlineData("*.lock", "yarn.lock", true)]
    [InlineData("*.lock", "deep/in/Gemfile.lock", true)]
    [InlineData("*.lock", "deep/lock/file.ts", false)]
    [InlineData("**/*Tests/**", "src/Shop.UiTests/LoginTests.cs", true)]
    [InlineData("**/*Tests.cs", "src/Shop/LoginTests.cs", true)]
    [InlineData("src/?.ts", "src/a.ts", true)]
    [InlineData("src/?.ts", "src/ab.ts", false)]
    [InlineData("a/*/c", "a/b/c", true)]
    [InlineData("a/*/c", "a/b/x/c", false)]
    [InlineData("a/**/c", "a/c", true)]
    [InlineData("a/**/**/c", "a/b/x/c", true)]
    [InlineData("Tests/**", "tests/a.ts", false)]
    public void IsMatch_Path_FollowsTheDocumentedRules(string pattern, string path, bool expected)
    {
        var sut = GlobPattern.Parse(pattern);

        sut.IsMatch(path).Should().Be(expected);
    }

    [Fact]
    public void IsMatch_IgnoreCase_MatchesAnyCase()
    {
        var sut = GlobPattern.Parse(".github/**");

        sut.IsMatch(".GitHub/workflows/ci.yml", ignoreCase: true).Should().BeTrue();
        sut.IsMatch(".GitHub/workflows/ci.yml").Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs/**")]
    [InlineData("a\\b")]
    [InlineData("a//b")]
    [InlineData("../x")]
    [InlineData("**.ts")]
    public void Problem_BadPattern_SaysWhy(string pattern)
    {
        GlobPattern.Problem(pattern).Should().NotBeNullOrWhiteSpace();
    }
}
