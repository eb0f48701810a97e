using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Tests.Running;

public sealed class TestRunnerTests
{
    private static readonly TestTarget Login = new("[anonymous] › login.spec.ts › signs in", "tests/pages/login-page.ts", 30, "playwright", "tests/login.spec.ts", 12);
    private static readonly TestTarget Cart = new("cart.spec.ts › Cart › removes (an) item", "tests/cart.spec.ts", 40, "playwright", "tests/cart.spec.ts", 22);
    private static readonly TestTarget DotNet = new("Shop.E2E.CartTests.Removes", "Tests/CartTests.cs", 18, "dotnet", null, null);

    [Fact]
    public void Expand_Tests_OneArgumentPerDeclarationLocation()
    {
        var sut = Runner(["npx", "playwright", "test", "{tests}", "--reporter=json"]);

        sut.Expand([Login, Cart], fullSuite: false).Should().Equal("npx", "playwright", "test", "tests/login.spec.ts:12", "tests/cart.spec.ts:22", "--reporter=json");
    }

    [Fact]
    public void Expand_TestWithoutDeclaration_FallsBackToItsTitle()
    {
        var sut = Runner(["run", "{tests}"]);

        sut.Expand([DotNet], fullSuite: false).Should().Equal("run", "Shop.E2E.CartTests.Removes");
    }

    [Fact]
    public void Expand_FilesGrepAndNames_FillTheirArguments()
    {
        var sut = Runner(["t", "{files}", "-g", "{grep}", "-k", "{names}"]);

        sut.Expand([Login, Cart], fullSuite: false).Should().Equal(
            "t", "tests/login.spec.ts", "tests/cart.spec.ts", "-g", @"signs\ in|removes\ \(an\)\ item", "-k", "signs in or removes (an) item");
    }

    [Fact]
    public void Expand_Filter_EscapesVstestOperators()
    {
        var sut = Runner(["dotnet", "test", "--filter", "{filter}"]);
        var odd = DotNet with { Test = "Shop.Tests.Weird(a=b|c&d!~e)" };

        sut.Expand([DotNet, odd], fullSuite: false)[^1].Should().Be(
            @"FullyQualifiedName=Shop.E2E.CartTests.Removes|FullyQualifiedName=Shop.Tests.Weird\(a\=b\|c\&d\!\~e\)");
    }

    [Fact]
    public void Expand_HostileTitle_StaysOneArgument()
    {
        var sut = Runner(["t", "{tests}"]);
        var hostile = DotNet with { Test = "x; rm -rf / $(touch p) `id`" };

        sut.Expand([hostile], fullSuite: false).Should().Equal("t", "x; rm -rf / $(touch p) `id`");
    }

    [Fact]
    public void Expand_FullSuite_UsesTheFullCommandOrSaysItIsMissing()
    {
        (Runner(["t", "{tests}"]) with { FullCommand = ["t", "--all"] }).Expand([], fullSuite: true).Should().Equal("t", "--all");

        var act = () => Runner(["t", "{tests}"]).Expand([Login], fullSuite: true);
        act.Should().Throw<FixEngineException>().WithMessage("*full_command*");
    }

    [Fact]
    public void Selects_ByMatchOrFramework_AndNeverARunLevelFailure()
    {
        Runner(["t", "{tests}"]).Selects(Login).Should().BeTrue("a runner without match or framework owns every test");
        (Runner(["t", "{tests}"]) with { Framework = "dotnet" }).Selects(Login).Should().BeFalse();
        (Runner(["t", "{tests}"]) with { Framework = "dotnet" }).Selects(DotNet).Should().BeTrue();
        (Runner(["t", "{tests}"]) with { Match = ["Shop.E2E.*"] }).Selects(DotNet).Should().BeTrue();
        (Runner(["t", "{tests}"]) with { Match = ["Shop.E2E.*"] }).Selects(Login).Should().BeFalse();
        (Runner(["t", "{tests}"]) with { Match = ["tests/*.spec.ts"] }).Selects(Cart).Should().BeTrue("match also applies to the test's file");
        Runner(["t", "{tests}"]).Selects(Login with { Test = "(global)" }).Should().BeFalse();
    }

    [Fact]
    public void Problems_BadSettings_AreEachNamed()
    {
        var sut = new TestRunner
        {
            Name = "ts",
            Command = ["npx", "playwright", "test", "--only={tests}"],
            FullCommand = [],
            WorkingDirectory = "../elsewhere",
            Results = ["/abs/results.json"],
            Timeout = TimeSpan.Zero,
        };

        sut.Problems().Should().BeEquivalentTo(
            "test runner 'ts': '--only={tests}' — {tests} and {files} must be whole arguments",
            "test runner 'ts': full_command must be a non-empty argument list",
            "test runner 'ts': timeout_s must be between 1 and 7200",
            "test runner 'ts': '/abs/results.json' must be relative to the repository, without '..'",
            "test runner 'ts': '../elsewhere' must be relative to the repository, without '..'");
        Runner(["npx", "playwright", "test"]).Problems().Should().ContainSingle().Which.Should().Contain("no placeholder");
    }

    [Theory]
    [InlineData("[chromium] › a.spec.ts › t", "a.spec.ts › t", true)]
    [InlineData("[chromium] › a.spec.ts › t", "[firefox] › a.spec.ts › t", false)]
    [InlineData("a.spec.ts › t", "a.spec.ts › t", true)]
    [InlineData("a.spec.ts › t", "a.spec.ts › u", false)]
    [InlineData("Ns.C.M", "Ns.C.M", true)]
    public void Same_ProjectPrefix_IsIgnoredOnlyWhenOneSideLacksIt(string a, string b, bool same)
    {
        TestNames.Same(a, b).Should().Be(same);
    }

    private static TestRunner Runner(IReadOnlyList<string> command) => new() { Name = "r", Command = command };
}
