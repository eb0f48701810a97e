using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Tests.Fixing;

public sealed class RepositoryPathsTests
{
    private static readonly TestRepo Repo = TestRepo.Create()
        .With("e2e/login.spec.ts", "x")
        .With("e2e/pages/login-page.ts", "x")
        .With("tests/Shop.UiTests/LoginTests.cs", "x")
        .With("a/checkout.spec.ts", "x")
        .With("b/checkout.spec.ts", "x")
        .With("node_modules/pkg/login.spec.ts", "x");

    [Theory]
    [InlineData("e2e/login.spec.ts", "e2e/login.spec.ts")]
    [InlineData("./e2e/login.spec.ts", "e2e/login.spec.ts")]
    [InlineData("/home/runner/work/shop/shop/e2e/login.spec.ts", "e2e/login.spec.ts")]
    [InlineData("D:\\a\\shop\\shop\\tests\\Shop.UiTests\\LoginTests.cs", "tests/Shop.UiTests/LoginTests.cs")]
    [InlineData("d:\\a\\shop\\shop\\tests\\shop.uitests\\logintests.cs", "tests/Shop.UiTests/LoginTests.cs")]
    [InlineData("pages/login-page.ts", "e2e/pages/login-page.ts")]
    [InlineData("login.spec.ts", "e2e/login.spec.ts")]
    [InlineData("file:///builds/shop/e2e/login.spec.ts", "e2e/login.spec.ts")]
    [InlineData("/ci/work/a/checkout.spec.ts", "a/checkout.spec.ts")]
    [InlineData("../e2e/login.spec.ts", "e2e/login.spec.ts")]
    public void Resolve_PathFromACiLog_IsTheRepositoryFileWithTheLongestSharedTail(string original, string expected)
    {
        var sut = new RepositoryPaths(Repo.Source());

        var result = sut.Resolve(original);

        result.Resolved.Should().Be(expected, result.Problem);
        result.Original.Should().Be(original);
    }

    [Fact]
    public void Resolve_AmbiguousName_IsUnresolvedNamingTheCandidates()
    {
        var sut = new RepositoryPaths(Repo.Source());

        var result = sut.Resolve("checkout.spec.ts");

        result.Resolved.Should().BeNull();
        result.Problem.Should().Contain("a/checkout.spec.ts").And.Contain("b/checkout.spec.ts");
    }

    [Theory]
    [InlineData("/ci/work/shop/e2e/logout.spec.ts")]
    [InlineData("")]
    public void Resolve_NoSuchFile_IsUnresolvedWithAReason(string original)
    {
        var sut = new RepositoryPaths(Repo.Source());

        var result = sut.Resolve(original);

        result.Resolved.Should().BeNull();
        result.Problem.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Prepare_Input_KeepsTheOriginalPathsBesideTheResolvedOnes()
    {
        var input = new FixInput
        {
            RunId = "1-1",
            Instructions = [new() { Kind = FixKind.RaiseTimeout, File = "/home/runner/work/shop/shop/e2e/login.spec.ts", Line = 3, OldMs = 1, NewMs = 2, Confidence = 0.5, Evidence = "e" }],
        };

        var prepared = FixAgent.Prepare(input, Repo.Root);

        prepared.Instructions.Single().File.Should().Be("e2e/login.spec.ts");
        prepared.Paths.Single().Should().Be(new PathResolution("/home/runner/work/shop/shop/e2e/login.spec.ts", "e2e/login.spec.ts"));
        FixAgent.Prepare(prepared, Repo.Root).Should().BeEquivalentTo(prepared, "preparing twice changes nothing");
    }

    [Fact]
    public void Prepare_BadRunIdAndNullInstruction_ReportsBothTogether()
    {
        var input = new FixInput { RunId = "../../etc", Instructions = [null!] };

        var act = () => FixAgent.Prepare(input, Repo.Root);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("run id").And.Contain("instruction 0 is null");
    }
}
