using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class JestJsonParserTests
{
    private readonly JestJsonParser _sut = new();

    [Theory]
    [InlineData("jest/results.json")]
    [InlineData("vitest/results.json")]
    public void CanParse_RealReports_True(string fixture)
    {
        _sut.CanParse("results.json", Head(fixture)).Should().BeTrue();
    }

    [Theory]
    [InlineData("playwright-ts/results.json")]
    [InlineData("mochawesome/mochawesome.json")]
    public void CanParse_OtherJsonReports_False(string fixture)
    {
        _sut.CanParse("results.json", Head(fixture)).Should().BeFalse();
    }

    [Theory]
    [InlineData("jest")]
    [InlineData("vitest")]
    public void Parse_RealReport_ReportsEachFailedTestAndTheFileThatCouldNotRun(string runner)
    {
        var sut = Parse(runner);

        sut.Format.Should().Be(LogFormat.JestJson);
        sut.Failures.Select(f => f.Test).Should().Equal(
            "checkout.test.js › checkout › clicks the checkout button",
            "checkout.test.js › checkout › shows the order total",
            "login.test.js");
        sut.Passed.Should().Be(2);
        sut.PassedTests.Should().Equal("checkout.test.js › checkout › lists the items", "checkout.test.js › loads the home page");
        sut.Failures.Should().OnlyContain(f => f.Framework == runner && f.Source == "results.json" && f.Message.Length > 0 && !f.NoErrorText);
    }

    [Theory]
    [InlineData("jest")]
    [InlineData("vitest")]
    public void Parse_TimeoutInAPageObject_PointsAtThePageObjectFrame(string runner)
    {
        var failure = Parse(runner).Failures[0];

        failure.Message.Should().Be("TimeoutError: locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#checkout')");
        failure.File.Should().EndWith($"/js-runners/{runner}/pages/checkout-page.js");
        (failure.Line, failure.Column).Should().Be((11, 11));
        failure.TestFile.Should().EndWith($"/js-runners/{runner}/checkout.test.js");
        failure.Action.Should().Be("locator.click");
        failure.Selector.Should().Be("locator('#checkout')");
        failure.TimeoutMs.Should().Be(5000);
        failure.Block.Should().Contain(l => l.Text.Contains("at CheckoutPage.clickCheckout", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_JestExpectFailure_KeepsTheMatcherMessageAndTheTestLine()
    {
        var failure = Parse("jest").Failures[1];

        failure.Message.Should().Be("Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: \"$42.00\"\nReceived: \"$40.00\"");
        failure.File.Should().EndWith("/jest/checkout.test.js");
        (failure.Line, failure.Column).Should().Be((11, 32));
        failure.StartedAt.Should().NotBeNull();
        failure.Duration.Should().NotBeNull();
    }

    [Fact]
    public void Parse_VitestExpectFailure_KeepsChaiStyleMessage()
    {
        var failure = Parse("vitest").Failures[1];

        failure.Message.Should().Be("AssertionError: expected '$40.00' to be '$42.00' // Object.is equality");
        failure.File.Should().EndWith("/vitest/checkout.test.js");
        (failure.Line, failure.Column).Should().Be((12, 32));
    }

    [Fact]
    public void Parse_JestFileThatFailedToRun_NamesTheMissingModuleAndTheImportLine()
    {
        var failure = Parse("jest").Failures[2];

        failure.Message.Should().Be("Cannot find module './pages/login-page' from 'login.test.js'");
        failure.File.Should().EndWith("/jest/login.test.js").And.Be(failure.TestFile, "jest prints the frame relative to rootDir");
        (failure.Line, failure.Column).Should().Be((2, 23));
    }

    [Fact]
    public void Parse_VitestFileThatFailedToRun_IsTheFileWithoutALine()
    {
        var failure = Parse("vitest").Failures[2];

        failure.Message.Should().StartWith("Cannot find module './pages/login-page.js' imported from ");
        failure.File.Should().EndWith("/vitest/login.test.js");
        failure.Line.Should().BeNull();
    }

    [Fact]
    public void Parse_PassingOnlyReportWithLocations_NoFailuresAndTheDeclarationLine()
    {
        const string json = """
            {"numTotalTestSuites":1,"numPassedTests":1,"numTotalTests":2,"wasInterrupted":false,"testResults":[{"name":"/home/runner/work/shop/shop/e2e/cart.test.ts","status":"passed","message":"",
              "assertionResults":[{"ancestorTitles":["cart"],"title":"adds","status":"passed","failureMessages":[],"location":{"line":4,"column":3}},
                                  {"ancestorTitles":["cart"],"title":"later","status":"pending","failureMessages":[]}]}]}
            """;
        using var file = FixtureFiles.Temp(json, ".json");

        var sut = _sut.Parse(file.Path, "results.json", CancellationToken.None);

        sut.Failures.Should().BeEmpty();
        sut.PassedTests.Should().Equal("cart.test.ts › cart › adds");
        sut.Passed.Should().Be(1);
    }

    [Fact]
    public void Parse_FailureWithLocationOnACiRunner_StripsTheWorkspaceAndKeepsTheDeclarationLine()
    {
        const string json = """
            {"numTotalTestSuites":1,"numPassedTests":0,"testResults":[{"name":"/home/runner/work/shop/shop/e2e/cart.test.ts","status":"failed","message":"",
              "assertionResults":[{"ancestorTitles":[],"title":"adds","status":"failed","location":{"line":4,"column":1},
                "failureMessages":["Error: \u001b[31mexpected 2\u001b[39m\n    at Object.<anonymous> (/home/runner/work/shop/shop/e2e/cart.test.ts:7:5)"]}]}]}
            """;
        using var file = FixtureFiles.Temp(json, ".json");

        var failure = _sut.Parse(file.Path, "results.json", CancellationToken.None).Failures.Should().ContainSingle().Subject;

        (failure.Test, failure.Message).Should().Be(("cart.test.ts › adds", "Error: expected 2"));
        (failure.File, failure.Line, failure.TestFile, failure.TestLine).Should().Be(("e2e/cart.test.ts", 7, "e2e/cart.test.ts", 4));
        failure.Framework.Should().Be("vitest", "the report has none of jest's own fields");
    }

    [Theory]
    [InlineData("{\"numTotalTestSuites\": 1, \"testResults\": [")]
    [InlineData("{\"numTotalTestSuites\": 1, \"testResults\": 5}")]
    [InlineData("{\"numTotalTestSuites\": 1, \"testResults\": [{\"name\": \"a.test.js\", \"assertionResults\": [{\"title\": {\"x\": 1}}]}]}")]
    [InlineData("null")]
    public void Parse_MalformedOrWrongTypes_ThrowsOneLineFixEngineException(string json)
    {
        using var file = FixtureFiles.Temp(json, ".json");

        var act = () => _sut.Parse(file.Path, "reports/results.json", CancellationToken.None);

        act.Should().Throw<FixEngineException>()
            .Which.Message.Should().StartWith("reports/results.json: not a valid jest or vitest JSON report (").And.NotContain("\n");
    }

    [Fact]
    public void Parse_LargerThanTheLimit_ThrowsOneLineWithoutReadingIt()
    {
        using var file = FixtureFiles.Temp("{", ".json");
        using (var stream = new FileStream(file.Path, FileMode.Open))
        {
            stream.SetLength(JsonReport.MaxBytes + 1); // sparse: nothing is written
        }

        var act = () => _sut.Parse(file.Path, "results.json", CancellationToken.None);

        act.Should().Throw<FixEngineException>().Which.Message.Should().StartWith("results.json: the jest or vitest JSON report is larger than 512 MiB").And.NotContain("\n");
    }

    private ParsedLog Parse(string runner) => _sut.Parse(FixtureFiles.Path($"{runner}/results.json"), "results.json", CancellationToken.None);

    private static string Head(string fixture)
    {
        var text = FixtureFiles.Read(fixture);
        return text[..Math.Min(text.Length, 8192)];
    }
}
