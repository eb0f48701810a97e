using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class PlaywrightJsonParserTests
{
    private const string Fixture = "playwright-ts/results.json";
    private readonly PlaywrightJsonParser _sut = new();

    [Fact]
    public void CanParse_ReportHead_True()
    {
        var head = FixtureFiles.Read(Fixture)[..4096];

        _sut.CanParse("results.json", head).Should().BeTrue();
    }

    [Theory]
    [InlineData("{\"name\": \"my-package\", \"version\": \"1.0.0\"}")]
    [InlineData("<?xml version=\"1.0\"?><testsuites/>")]
    [InlineData("Running 3 tests using 1 worker")]
    public void CanParse_OtherContent_False(string head)
    {
        _sut.CanParse("results.json", head).Should().BeFalse();
    }

    [Fact]
    public void Parse_RealReport_ReportsOnlyUnexpectedTests()
    {
        var sut = Parse();

        sut.Format.Should().Be(LogFormat.PlaywrightJson);
        sut.Failures.Select(f => f.Test).Should().Equal(
            "login.spec.ts › locator matches nothing",
            "login.spec.ts › strict mode violation",
            "login.spec.ts › role name mismatch",
            "login.spec.ts › heading text mismatch",
            "login.spec.ts › page object clicks a missing checkbox",
            "login.spec.ts › session › test timeout while waiting",
            "login.spec.ts › session › navigation to a closed port");
        sut.Passed.Should().Be(3, "two passed and one flaky test count as passed");
        sut.Signals.Should().BeEmpty();
    }

    [Fact]
    public void Parse_MissingElement_ExtractsEveryField()
    {
        var failure = Parse().Failures.Single(f => f.Test.EndsWith("locator matches nothing", StringComparison.Ordinal));

        failure.Message.Should().Be("TimeoutError: locator.click: Timeout 1500ms exceeded.\nCall log:\n  - waiting for locator('#gone')");
        failure.File.Should().Be("tests/login.spec.ts");
        failure.Line.Should().Be(9);
        failure.Column.Should().Be(31);
        failure.Action.Should().Be("locator.click");
        failure.Selector.Should().Be("locator('#gone')");
        failure.TimeoutMs.Should().Be(1500);
        failure.Framework.Should().Be("playwright");
        failure.Source.Should().Be("results.json");
        failure.StartedAt.Should().NotBeNull();
        failure.Duration.Should().BePositive();
        failure.Attachments.Should().Equal(
            "test-results/login-locator-matches-nothing-chromium-retry1/test-failed-1.png",
            "test-results/login-locator-matches-nothing-chromium-retry1/error-context.md",
            "test-results/login-locator-matches-nothing-chromium-retry1/trace.zip");
        failure.Message.Should().NotContain("\u001b");
    }

    [Fact]
    public void Parse_StrictMode_ExtractsStrictLocator()
    {
        var failure = Parse().Failures.Single(f => f.Test.EndsWith("strict mode violation", StringComparison.Ordinal));

        failure.Selector.Should().Be("locator('button.secondary')");
        failure.Action.Should().Be("locator.click");
        failure.TimeoutMs.Should().BeNull();
        failure.Message.Should().StartWith("Error: locator.click: Error: strict mode violation: locator('button.secondary') resolved to 2 elements:");
        (failure.Line, failure.Column).Should().Be((13, 42));
    }

    [Fact]
    public void Parse_RoleNameMismatch_ExtractsRoleLocator()
    {
        var failure = Parse().Failures.Single(f => f.Test.EndsWith("role name mismatch", StringComparison.Ordinal));

        failure.Selector.Should().Be("getByRole('button', { name: 'Sign in' })");
        failure.Action.Should().Be("locator.click");
        failure.TimeoutMs.Should().Be(1500);
    }

    [Fact]
    public void Parse_ToHaveTextMismatch_ExtractsMatcherAndLocator()
    {
        var failure = Parse().Failures.Single(f => f.Test.EndsWith("heading text mismatch", StringComparison.Ordinal));

        failure.Action.Should().Be("toHaveText");
        failure.Selector.Should().Be("locator('h1')");
        failure.TimeoutMs.Should().Be(1500);
        failure.Message.Should().Contain("Expected: \"Welcome to Acme Corp\"").And.Contain("Received: \"Welcome to Acme\"");
        failure.Message.Should().NotContain("\u001b");
    }

    [Fact]
    public void Parse_PageObject_PointsAtThePageObjectCall()
    {
        var failure = Parse().Failures.Single(f => f.Test.EndsWith("missing checkbox", StringComparison.Ordinal));

        failure.File.Should().Be("tests/pages/login-page.ts");
        (failure.Line, failure.Column).Should().Be((11, 45));
        failure.Action.Should().Be("locator.check");
        failure.Selector.Should().Be("locator('#remember-me')");
    }

    [Fact]
    public void Parse_TestTimeout_JoinsBothErrorsAndTakesLocationFromTheSecond()
    {
        var failure = Parse().Failures.Single(f => f.Test.EndsWith("test timeout while waiting", StringComparison.Ordinal));

        failure.Message.Should().StartWith("Test timeout of 3000ms exceeded.\n\nError: locator.click: Test timeout of 3000ms exceeded.");
        failure.TimeoutMs.Should().Be(3000);
        failure.Action.Should().Be("locator.click");
        failure.Selector.Should().Be("locator('#never-there')");
        (failure.File, failure.Line, failure.Column).Should().Be(("tests/login.spec.ts", 37, 40));
    }

    [Fact]
    public void Parse_ClosedPort_ExtractsNavigation()
    {
        var failure = Parse().Failures.Single(f => f.Test.EndsWith("closed port", StringComparison.Ordinal));

        failure.Action.Should().Be("page.goto");
        failure.Message.Should().StartWith("Error: page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:59999/");
        failure.Selector.Should().BeNull();
        (failure.Line, failure.Column).Should().Be((41, 16));
    }

    [Fact]
    public void Parse_Retries_UsesTheLastFailingAttempt()
    {
        var failure = Parse().Failures[0];

        failure.Attachments.Should().OnlyContain(a => a.Contains("-retry1/", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TwoProjects_PrefixesTheProject()
    {
        const string json = """
            {"config":{"configFile":"/r/playwright.config.ts","rootDir":"/r/e2e","projects":[{"name":"chromium","testDir":"/r/e2e"},{"name":"firefox","testDir":"/r/e2e"}]},
             "suites":[{"title":"a.spec.ts","file":"a.spec.ts","specs":[{"title":"t","file":"a.spec.ts","line":3,"column":1,"tests":[
               {"expectedStatus":"passed","status":"unexpected","projectName":"chromium","results":[{"retry":0,"status":"failed","duration":5,"error":{"message":"Error: boom"},"errors":[{"message":"Error: boom\n    at /r/e2e/a.spec.ts:4:9","location":{"file":"/r/e2e/a.spec.ts","line":4,"column":9}}]}]},
               {"expectedStatus":"passed","status":"unexpected","projectName":"firefox","results":[{"retry":0,"status":"failed","duration":5,"error":{"message":"Error: boom"},"errors":[{"message":"Error: boom"}]}]},
               {"expectedStatus":"passed","status":"skipped","projectName":"webkit","results":[]}]}]}],
             "errors":[{"message":"Error: Timed out waiting 60000ms from config.webServer."}],
             "stats":{"expected":0,"unexpected":2,"flaky":0,"skipped":1}}
            """;
        using var file = FixtureFiles.Temp(json, ".json");

        var sut = _sut.Parse(file.Path, "results.json", CancellationToken.None);

        sut.Failures.Select(f => f.Test).Should().Equal("[chromium] › a.spec.ts › t", "[firefox] › a.spec.ts › t");
        (sut.Failures[0].File, sut.Failures[0].Line, sut.Failures[0].Column).Should().Be(("e2e/a.spec.ts", 4, 9));
        sut.Signals.Should().ContainSingle().Which.Lines[0].Text.Should().Contain("config.webServer");
    }

    [Fact]
    public void Parse_RedirectedStdoutWithLinesBeforeTheJson_SkipsThem()
    {
        var json = "[WebServer] listening on 8123\n[WebServer] ready\n" + FixtureFiles.Read(Fixture);
        using var file = FixtureFiles.Temp(json, ".json");

        _sut.CanParse("out.json", json[..4096]).Should().BeTrue();
        _sut.Parse(file.Path, "out.json", CancellationToken.None).Failures.Should().HaveCount(7);
    }

    [Theory]
    [InlineData("{\"config\": {\"rootDir\": \"/x\"}, \"suites\": [")]
    [InlineData("{\"config\": {\"rootDir\": \"/x\"}, \"suites\": [{\"title\": 3 4}]}")]
    [InlineData("null")]
    public void Parse_MalformedJson_ThrowsOneLineFixEngineException(string json)
    {
        using var file = FixtureFiles.Temp(json, ".json");

        var act = () => _sut.Parse(file.Path, "reports/results.json", CancellationToken.None);

        act.Should().Throw<FixEngineException>()
            .Which.Message.Should().StartWith("reports/results.json: ").And.NotContain("\n");
    }

    [Fact]
    public void Parse_RealReport_ListsPassedTestsAndWhereEachFailedTestIsDeclared()
    {
        var sut = Parse();

        sut.PassedTests.Should().Equal(
            "login.spec.ts › shows error banner without failing",
            "login.spec.ts › session › passes on retry",
            "login.spec.ts › session › email field is visible");
        var timeout = sut.Failures.Single(f => f.Test.EndsWith("test timeout while waiting", StringComparison.Ordinal));
        (timeout.TestFile, timeout.TestLine).Should().Be(("tests/login.spec.ts", 35), "the spec's declaration, not the failing call");
        sut.Failures.Should().OnlyContain(f => f.TestFile == "tests/login.spec.ts" && f.TestLine > 0);
    }

    private ParsedLog Parse() => _sut.Parse(FixtureFiles.Path(Fixture), "results.json", CancellationToken.None);
}
