using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class MochawesomeJsonParserTests
{
    private const string Fixture = "mochawesome/mochawesome.json";
    private readonly MochawesomeJsonParser _sut = new();

    [Fact]
    public void CanParse_RealReport_True()
    {
        _sut.CanParse("mochawesome.json", FixtureFiles.Read(Fixture)[..4096]).Should().BeTrue();
    }

    [Theory]
    [InlineData("playwright-ts/results.json")]
    [InlineData("jest/results.json")]
    [InlineData("vitest/results.json")]
    public void CanParse_OtherJsonReports_False(string fixture)
    {
        var head = FixtureFiles.Read(fixture);

        _sut.CanParse("mochawesome.json", head[..Math.Min(head.Length, 8192)]).Should().BeFalse();
    }

    [Fact]
    public void Parse_RealReport_ReportsFailedTestsAndTheFailedHook()
    {
        var sut = Parse();

        sut.Format.Should().Be(LogFormat.MochawesomeJson);
        sut.Failures.Select(f => f.Test).Should().Equal(
            "checkout.cy.js › checkout › clicks the checkout button",
            "checkout.cy.js › checkout › shows the order total",
            "checkout.cy.js › login › \"before all\" hook for \"signs in\"");
        sut.Passed.Should().Be(1);
        sut.PassedTests.Should().Equal("checkout.cy.js › checkout › lists the items");
        sut.Failures.Should().OnlyContain(f => f.Framework == "cypress" && f.TestFile == "cypress/e2e/checkout.cy.js");
    }

    [Fact]
    public void Parse_CypressTimeout_ExtractsMessageFrameTimeoutAndScreenshot()
    {
        var failure = Parse().Failures[0];

        failure.Message.Should().Be("AssertionError: Timed out retrying after 4000ms: Expected to find element: `#checkout`, but never found it.");
        (failure.File, failure.Line, failure.Column).Should().Be(("cypress/support/checkout-page.js", 5, 19));
        failure.TimeoutMs.Should().Be(4000);
        failure.Attachments.Should().Equal("screenshots/checkout.cy.js/checkout -- clicks the checkout button (failed).png");
    }

    [Fact]
    public void Parse_AssertionFailure_KeepsTheDiffLinesInTheMessage()
    {
        var failure = Parse().Failures[1];

        failure.Message.Should().StartWith("AssertionError: Expected values to be strictly equal:\n+ actual - expected");
        (failure.File, failure.Line, failure.Column).Should().Be(("cypress/e2e/checkout.cy.js", 18, 12));
        failure.Attachments.Should().ContainSingle().Which.Should().EndWith("(failed).png");
    }

    [Fact]
    public void Parse_FailedBeforeAllHook_IsAFailureWithTheHooksError()
    {
        var failure = Parse().Failures[2];

        failure.Message.Should().StartWith("Error: cy.visit() failed trying to load:\n\nhttp://localhost:3000/login").And.Contain("ECONNREFUSED 127.0.0.1:3000");
        (failure.File, failure.Line).Should().Be(("cypress/e2e/checkout.cy.js", 29));
        failure.Attachments.Should().BeEmpty();
    }

    [Fact]
    public void Parse_ContextArrayWithObjects_KeepsOnlyFilePaths()
    {
        const string json = """
            {"stats":{"passes":0,"failures":1,"tests":1,"passPercent":0},"results":[{"title":"","fullFile":"/home/runner/work/shop/shop/cypress/e2e/cart.cy.ts","file":"cypress/e2e/cart.cy.ts","tests":[],"suites":[
              {"title":"cart","tests":[{"title":"adds","state":"failed","fail":true,"duration":12,
                "context":"[\"order 1234\",{\"title\":\"screenshot\",\"value\":\"assets/cart.cy.ts/cart -- adds (failed).png\"},{\"title\":\"video\",\"value\":\"videos/cart.cy.ts.mp4\"}]",
                "err":{"message":"CypressError: Timed out retrying after 4000ms: `cy.click()` failed because this element is detached from the DOM.","estack":"CypressError: Timed out retrying after 4000ms\n    at Context.eval (webpack://shop/./cypress/e2e/cart.cy.ts:9:10)"}}],"suites":[]}]}]}
            """;
        using var file = FixtureFiles.Temp(json, ".json");

        var failure = _sut.Parse(file.Path, "mochawesome.json", CancellationToken.None).Failures.Should().ContainSingle().Subject;

        failure.Attachments.Should().Equal("assets/cart.cy.ts/cart -- adds (failed).png", "videos/cart.cy.ts.mp4");
        (failure.Test, failure.File, failure.Line).Should().Be(("cart.cy.ts › cart › adds", "cypress/e2e/cart.cy.ts", 9));
        failure.Duration.Should().Be(TimeSpan.FromMilliseconds(12));
    }

    [Fact]
    public void Parse_PassingOnlyMochaReport_NoFailures()
    {
        const string json = """
            {"stats":{"passes":1,"failures":0,"tests":1,"passPercent":100},"results":[{"title":"","fullFile":"/src/test/a.spec.js","file":"/test/a.spec.js","tests":[],"suites":[
              {"title":"a","tests":[{"title":"works","state":"passed","pass":true,"fail":false,"context":null,"err":{}}],"suites":[]}]}]}
            """;
        using var file = FixtureFiles.Temp(json, ".json");

        var sut = _sut.Parse(file.Path, "mochawesome.json", CancellationToken.None);

        sut.Failures.Should().BeEmpty();
        sut.PassedTests.Should().Equal("a.spec.js › a › works");
    }

    [Theory]
    [InlineData("{\"stats\": {\"passPercent\": 0}, \"results\": [{\"title\": \"\", \"suites\": [")]
    [InlineData("{\"stats\": {\"passPercent\": 0}, \"results\": {\"title\": 1}}")]
    [InlineData("{\"stats\": {\"passPercent\": 0}, \"results\": [{\"tests\": [{\"title\": \"t\", \"fail\": \"maybe\"}]}]}")]
    [InlineData("null")]
    public void Parse_MalformedOrWrongTypes_ThrowsOneLineFixEngineException(string json)
    {
        using var file = FixtureFiles.Temp(json, ".json");

        var act = () => _sut.Parse(file.Path, "cypress/results/mochawesome.json", CancellationToken.None);

        act.Should().Throw<FixEngineException>()
            .Which.Message.Should().StartWith("cypress/results/mochawesome.json: not a valid mochawesome JSON report (").And.NotContain("\n");
    }

    private ParsedLog Parse() => _sut.Parse(FixtureFiles.Path(Fixture), "mochawesome.json", CancellationToken.None);
}
