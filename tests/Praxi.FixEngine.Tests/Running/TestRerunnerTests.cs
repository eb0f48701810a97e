using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Tests.Running;

/// <summary>Real processes writing real JUnit files in a temp folder; the runner reads what the run wrote.</summary>
public sealed class TestRerunnerTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    /// <summary>A tiny "suite": each argument names a test; tests whose name contains "bad" fail. Writes junit.xml.</summary>
    private const string Suite = """
        const fs = require('fs');
        const names = process.argv.slice(1);
        const cases = names.map(n => n.includes('bad')
          ? `<testcase classname="Suite" name="${n}"><failure message="boom: ${n}">boom</failure></testcase>`
          : `<testcase classname="Suite" name="${n}"/>`).join('');
        fs.mkdirSync('out', { recursive: true });
        fs.writeFileSync('out/junit.xml', `<?xml version="1.0"?><testsuites><testsuite name="s" tests="${names.length}">${cases}</testsuite></testsuites>`);
        process.exit(names.some(n => n.includes('bad')) ? 1 : 0);
        """;

    [Fact]
    public async Task RunAsync_SubsetOfTests_ReportsEachFromTheResultsItWrote()
    {
        var repo = NewRepo();
        var good = Target("Suite.good");
        var bad = Target("Suite.bad");
        var other = Target("Other.t") with { Framework = "pytest" };

        var outcome = await TestRerunner.RunAsync(repo, Runner(), [good, bad, other]);

        outcome.Command.Should().Equal("node", "suite.js", "Suite.good", "Suite.bad");
        outcome.Process.ExitCode.Should().Be(1);
        outcome.Problems.Should().BeEmpty();
        outcome.StatusOf(good).Should().Be(TestResult.Passed);
        outcome.StatusOf(bad).Should().Be(TestResult.Failed);
        outcome.StatusOf(other).Should().Be(TestResult.NotRun, "the runner does not own pytest tests");
        outcome.Results.Single(r => r.Status == TestResult.Failed).Message.Should().Contain("boom");
    }

    [Theory]
    [InlineData("playwright-ts/results.json", "login.spec.ts › locator matches nothing", "tests/login.spec.ts", 9, "locator.click")]
    [InlineData("playwright-dotnet/results.trx", "PwFixtures.LoginTests.RoleNameMismatch", "/playwright-dotnet/LoginTests.cs", 91, null)]
    public void ReadResults_FailedTest_CarriesWhereItsFailingCallIsAndWhatItSaid(string fixture, string test, string fileEnd, int line, string? action)
    {
        var repo = _temp.Subfolder();
        File.WriteAllBytes(Path.Combine(repo, Path.GetFileName(fixture)), File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)));

        var (results, problems) = TestRerunner.ReadResults(repo, [Path.GetFileName(fixture)], DateTime.UtcNow.AddMinutes(-1), CancellationToken.None);

        problems.Should().BeEmpty();
        var failed = results.Should().ContainSingle(r => r.Test.EndsWith(test, StringComparison.Ordinal) && r.Status == TestResult.Failed).Subject;
        failed.File.Should().EndWith(fileEnd);
        failed.Line.Should().Be(line);
        failed.Message.Should().NotBeNullOrEmpty().And.NotContain("\n");
        failed.Action.Should().Be(action);
    }

    [Fact]
    public async Task RunAsync_ResultsFileOlderThanTheRun_IsNotRead()
    {
        var repo = NewRepo();
        Directory.CreateDirectory(Path.Combine(repo, "out"));
        var stale = Path.Combine(repo, "out", "junit.xml");
        File.WriteAllText(stale, """<testsuites><testsuite name="s"><testcase classname="Suite" name="Suite.good"/></testsuite></testsuites>""");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        var runner = Runner() with { Command = ["node", "-e", "process.exit(0)", "{tests}"] };

        var outcome = await TestRerunner.RunAsync(repo, runner, [Target("Suite.good")]);

        outcome.Process.ExitCode.Should().Be(0);
        outcome.StatusOf(Target("Suite.good")).Should().Be(TestResult.NotRun, "a file the run did not write reports an earlier run");
        outcome.Problems.Should().ContainSingle().Which.Should().Contain("older than the run");
    }

    [Fact]
    public async Task RunAsync_NoResultsWritten_SaysSo()
    {
        var repo = NewRepo();
        var runner = Runner() with { Command = ["node", "-e", "process.exit(2)", "{tests}"] };

        var outcome = await TestRerunner.RunAsync(repo, runner, [Target("Suite.good")]);

        outcome.StatusOf(Target("Suite.good")).Should().Be(TestResult.NotRun);
        outcome.Problems.Should().ContainSingle().Which.Should().Be("out/junit.xml: not written by the run");
    }

    [Fact]
    public async Task RunAsync_OtherFailures_ListsFailedTestsThatWereNotTargeted()
    {
        var repo = NewRepo();
        var runner = Runner() with { FullCommand = ["node", "suite.js", "Suite.good", "Suite.bad-neighbour"] };

        var outcome = await TestRerunner.RunAsync(repo, runner, [Target("Suite.good")], fullSuite: true);

        outcome.StatusOf(Target("Suite.good")).Should().Be(TestResult.Passed);
        outcome.OtherFailures([Target("Suite.good")]).Select(r => r.Test).Should().Equal("Suite.bad-neighbour");
    }

    private static TestTarget Target(string name) => new(name, null, null, "dotnet", null, null);

    private static TestRunner Runner() => new()
    {
        Name = "suite",
        Framework = "dotnet",
        Command = ["node", "suite.js", "{tests}"],
        Results = ["out/junit.xml"],
        Timeout = TimeSpan.FromMinutes(1),
    };

    private string NewRepo()
    {
        var repo = _temp.Subfolder();
        File.WriteAllText(Path.Combine(repo, "suite.js"), Suite);
        return repo;
    }
}
