using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class TrxParserTests
{
    private const string Fixture = "playwright-dotnet/results.trx";
    private readonly TrxParser _sut = new();

    [Fact]
    public void CanParse_TrxHead_True()
    {
        _sut.CanParse("results.trx", FixtureFiles.Read(Fixture)[..2000]).Should().BeTrue();
    }

    [Fact]
    public void CanParse_JUnitHead_False()
    {
        _sut.CanParse("junit.xml", FixtureFiles.Read("playwright-ts/junit.xml")[..2000]).Should().BeFalse();
    }

    [Fact]
    public void Parse_RealRun_ReportsTheFailedTests()
    {
        var sut = Parse();

        sut.Format.Should().Be(LogFormat.Trx);
        sut.Failures.Select(f => f.Test).Should().BeEquivalentTo(
            "PwFixtures.LoginTests.MissingElement",
            "PwFixtures.LoginTests.StrictModeViolation",
            "PwFixtures.LoginTests.RoleNameMismatch",
            "PwFixtures.LoginTests.HeadingTextMismatch",
            "PwFixtures.LoginTests.PageObjectMissingCheckbox");
        sut.Passed.Should().Be(1);
        sut.Failures.Should().OnlyContain(f => f.Framework == "playwright" && f.StartedAt != null && f.Duration > TimeSpan.Zero);
    }

    [Fact]
    public void Parse_MissingElement_ExtractsEveryField()
    {
        var failure = Failure("MissingElement");

        failure.Message.Should().Be("System.TimeoutException : Timeout 1500ms exceeded.\nCall log:\n  - waiting for Locator(\"#gone\")");
        failure.File.Should().EndWith("/playwright-dotnet/LoginTests.cs");
        failure.Line.Should().BePositive();
        failure.Column.Should().BeNull();
        failure.Selector.Should().Be("Locator(\"#gone\")");
        failure.TimeoutMs.Should().Be(1500);
        failure.Action.Should().BeNull("Playwright .NET 1.64 names the action neither in the message nor in the stack");
        failure.Block.Should().Contain(l => l.Text.Contains("at PwFixtures.LoginTests.MissingElement()", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_StrictMode_ExtractsTheStrictLocator()
    {
        var failure = Failure("StrictModeViolation");

        failure.Selector.Should().Be("Locator(\"button.secondary\")");
        failure.Message.Should().StartWith("Microsoft.Playwright.PlaywrightException : Error: strict mode violation: Locator(\"button.secondary\") resolved to 2 elements:\n    1) <button");
        failure.TimeoutMs.Should().BeNull();
    }

    [Fact]
    public void Parse_RoleNameMismatch_ExtractsTheDotNetRoleLocator()
    {
        Failure("RoleNameMismatch").Selector.Should().Be("GetByRole(AriaRole.Button, new() { Name = \"Sign in\" })");
    }

    [Fact]
    public void Parse_ToHaveTextAsync_ExtractsTheAssertion()
    {
        var failure = Failure("HeadingTextMismatch");

        failure.Action.Should().Be("ToHaveTextAsync");
        failure.Selector.Should().Be("Locator(\"h1\")");
        failure.TimeoutMs.Should().Be(1500);
    }

    [Fact]
    public void Parse_PageObject_PointsAtThePageObjectFrame()
    {
        var failure = Failure("PageObjectMissingCheckbox");

        failure.File.Should().EndWith("/playwright-dotnet/LoginPage.cs");
        failure.Line.Should().Be(9);
        failure.Selector.Should().Be("Locator(\"#remember-me\")");
    }

    [Fact]
    public void Parse_RealSeleniumRun_ReportsLocatorsTimeoutsAndFrames()
    {
        var sut = _sut.Parse(FixtureFiles.Path("selenium-dotnet/results.trx"), "selenium.trx", CancellationToken.None);

        sut.Failures.Should().HaveCount(4);
        sut.Passed.Should().Be(1);
        var missing = sut.Failures.Single(f => f.Test == "SeFixtures.CheckoutTests.MissingElementById");
        missing.Framework.Should().Be("selenium");
        missing.Selector.Should().Be("{\"method\":\"css selector\",\"selector\":\"#coupon\"}");
        missing.Action.Should().Be("FindElement");
        missing.File.Should().EndWith("/selenium-dotnet/CheckoutTests.cs");
        missing.Message.Should().StartWith("OpenQA.Selenium.NoSuchElementException : no such element: Unable to locate element:");
        var wait = sut.Failures.Single(f => f.Test == "SeFixtures.CheckoutTests.WaitTimesOutOnCss");
        wait.TimeoutMs.Should().Be(2000);
        wait.Selector.Should().Be("{\"method\":\"css selector\",\"selector\":\"button.confirm\"}");
        var pageObject = sut.Failures.Single(f => f.Test == "SeFixtures.CheckoutTests.PageObjectMissingButton");
        pageObject.File.Should().EndWith("/selenium-dotnet/CheckoutPage.cs");
        pageObject.Line.Should().Be(7);
        LocatorExpression.TryParse(pageObject.Selector, out var spec).Should().BeTrue();
        spec!.Should().BeEquivalentTo(new Praxi.FixEngine.Contracts.LocatorSpec { By = LocatorKind.XPath, Value = "//button[text()='Pay now']" });
        var assertion = sut.Failures.Single(f => f.Test == "SeFixtures.CheckoutTests.TitleMismatch");
        (assertion.Selector, assertion.Action, assertion.TimeoutMs).Should().Be((null, null, null));
        assertion.Framework.Should().Be("dotnet");
    }

    [Fact]
    public void Parse_BareMethodNamesAndInnerResults_UsesClassNamesAndFailedInnerResults()
    {
        const string trx = """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="a" testName="SignsIn" outcome="Failed" duration="00:00:02.5">
                  <Output><ErrorInfo><Message>OpenQA.Selenium.NoSuchElementException : no such element: Unable to locate element: {"method":"css selector","selector":"#login"}</Message>
                  <StackTrace>   at OpenQA.Selenium.WebDriver.FindElement(String mechanism, String value)
               at Shop.Tests.LoginTests.SignsIn() in /home/runner/work/shop/shop/tests/Shop.Tests/LoginTests.cs:line 31</StackTrace></ErrorInfo></Output>
                  <ResultFiles><ResultFile path="screens/SignsIn.png" /></ResultFiles>
                </UnitTestResult>
                <UnitTestResult testId="b" testName="Totals" outcome="Failed">
                  <InnerResults>
                    <UnitTestResult testId="b" testName="Totals (1)" outcome="Passed" />
                    <UnitTestResult testId="b" testName="Totals (2)" outcome="Failed"><Output><ErrorInfo><Message>Assert.Equal() Failure</Message></ErrorInfo></Output></UnitTestResult>
                  </InnerResults>
                </UnitTestResult>
              </Results>
              <TestDefinitions>
                <UnitTest name="SignsIn" id="a"><TestMethod className="Shop.Tests.LoginTests" name="SignsIn" /></UnitTest>
                <UnitTest name="Totals" id="b"><TestMethod className="Shop.Tests.CartTests" name="Totals" /></UnitTest>
              </TestDefinitions>
            </TestRun>
            """;
        using var file = FixtureFiles.Temp(trx, ".trx");

        var failures = _sut.Parse(file.Path, "results.trx", CancellationToken.None).Failures;

        failures.Select(f => f.Test).Should().Equal("Shop.Tests.LoginTests.SignsIn", "Shop.Tests.CartTests.Totals (2)");
        var selenium = failures[0];
        selenium.Framework.Should().Be("selenium");
        selenium.Selector.Should().Be("{\"method\":\"css selector\",\"selector\":\"#login\"}");
        (selenium.File, selenium.Line).Should().Be(("tests/Shop.Tests/LoginTests.cs", 31));
        selenium.Attachments.Should().Equal("screens/SignsIn.png");
    }

    [Theory]
    [InlineData("<TestRun><Results><UnitTestResult outcome=\"Failed\"></Results></TestRun>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE TestRun [<!ENTITY x \"y\">]><TestRun>&x;</TestRun>")]
    public void Parse_MalformedOrDtd_ThrowsOneLineFixEngineException(string xml)
    {
        using var file = FixtureFiles.Temp(xml, ".trx");

        var act = () => _sut.Parse(file.Path, "out/results.trx", CancellationToken.None);

        act.Should().Throw<FixEngineException>().Which.Message.Should().StartWith("out/results.trx: not valid TRX").And.NotContain("\n");
    }

    private ParsedLog Parse() => _sut.Parse(FixtureFiles.Path(Fixture), "results.trx", CancellationToken.None);

    private TestFailure Failure(string method) => Parse().Failures.Single(f => f.Test == "PwFixtures.LoginTests." + method);

    [Fact]
    public void Parse_RealTrx_ListsThePassedTestsByQualifiedName()
    {
        var sut = Parse();

        sut.PassedTests.Should().Equal("PwFixtures.LoginTests.HeadingIsVisible");
        sut.Passed.Should().Be(1);
    }

    [Fact]
    public void Parse_RealNUnitRun_QualifiesBareNamesAndReadsEachFailure()
    {
        var sut = _sut.Parse(FixtureFiles.Path("nunit-dotnet/results.trx"), "out/results.trx", CancellationToken.None);

        sut.Failures.Select(f => f.Test).Should().BeEquivalentTo(
            "NuFixtures.CheckoutTests.CheckoutButtonIsMissing",
            "NuFixtures.CheckoutTests.CouponGivesDiscount(\"SILVER5\",4)",
            "NuFixtures.CheckoutTests.ScreenshotIsAttached",
            "NuFixtures.CheckoutTests.SummaryShowsBothLines",
            "NuFixtures.CheckoutTests.TotalIsShown",
            "NuFixtures.LoginTests.SignsIn");
        sut.Passed.Should().Be(2);
        sut.PassedTests.Should().BeEquivalentTo("NuFixtures.CheckoutTests.CouponGivesDiscount(\"GOLD10\",10)", "NuFixtures.CheckoutTests.Passes");
        var missing = sut.Failures.Single(f => f.Test.EndsWith("CheckoutButtonIsMissing", StringComparison.Ordinal));
        (missing.Line, missing.Selector, missing.TimeoutMs).Should().Be((7, "Locator(\"#checkout\")", 5000));
        missing.File.Should().EndWith("/nunit-dotnet/CheckoutPage.cs");
        missing.Block.Should().NotContain(l => l.Text.StartsWith("1)", StringComparison.Ordinal));
        var multiple = sut.Failures.Single(f => f.Test.EndsWith("SummaryShowsBothLines", StringComparison.Ordinal));
        multiple.Line.Should().Be(43);
        multiple.Message.Should().NotContain(" at NuFixtures.");
        sut.Failures.Single(f => f.Test.EndsWith("TotalIsShown", StringComparison.Ordinal)).Message.Should().StartWith("order total\nAssert.That(total");
        sut.Failures.Single(f => f.Test.EndsWith("SignsIn", StringComparison.Ordinal)).Message.Should().StartWith("OneTimeSetUp: SetUp : System.Net.Http.HttpRequestException");
    }

    [Theory]
    [InlineData("nunit-dotnet/results.trx")]
    [InlineData("mstest-dotnet/results.trx")]
    public void Parse_ResultFile_IsWhereTheLoggerCopiedItBesideTheTrx(string fixture)
    {
        var sut = _sut.Parse(FixtureFiles.Path(fixture), "out/results.trx", CancellationToken.None);

        var attachment = sut.Failures.Single(f => f.Test.EndsWith("ScreenshotIsAttached", StringComparison.Ordinal)).Attachments.Should().ContainSingle().Subject;
        attachment.Should().MatchRegex(@"^out/_[^/]+/In/[0-9a-f-]{36}/[^/]+/checkout-failed\.png$", "<runDeploymentRoot>/In/<relativeResultsDirectory>/<path>");
    }

    [Fact]
    public void Parse_RealMSTestRun_DropsTheThrewExceptionLineAndReadsTheTimeout()
    {
        var sut = _sut.Parse(FixtureFiles.Path("mstest-dotnet/results.trx"), "results.trx", CancellationToken.None);

        sut.Failures.Select(f => f.Test).Should().BeEquivalentTo(
            "MsFixtures.CheckoutTests.TotalIsShown",
            "MsFixtures.CheckoutTests.ScreenshotIsAttached",
            "MsFixtures.CheckoutTests.SlowPageTimesOut",
            "MsFixtures.CheckoutTests.CouponGivesDiscount (\"SILVER5\",4)",
            "MsFixtures.CheckoutTests.CheckoutButtonIsMissing");
        sut.Passed.Should().Be(2);
        var missing = sut.Failures.Single(f => f.Test.EndsWith("CheckoutButtonIsMissing", StringComparison.Ordinal));
        missing.Message.Should().Be("System.TimeoutException: Timeout 5000ms exceeded.\nCall log:\n  - waiting for Locator(\"#checkout\")");
        (missing.Line, missing.Selector).Should().Be((7, "Locator(\"#checkout\")"));
        missing.File.Should().EndWith("/mstest-dotnet/CheckoutPage.cs");
        var slow = sut.Failures.Single(f => f.Test.EndsWith("SlowPageTimesOut", StringComparison.Ordinal));
        (slow.Message, slow.TimeoutMs, slow.File).Should().Be(("Test 'SlowPageTimesOut' timed out after 300ms", 300, null));
        var row = sut.Failures.Single(f => f.Test.Contains("SILVER5", StringComparison.Ordinal));
        (row.Message.Split('\n')[0], row.Line).Should().Be(("Assertion failed. Expected values to be equal.", 30));
    }

    [Fact]
    public void Parse_DataRowWithDotsInItsArguments_StillQualifiesTheName()
    {
        const string trx = """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="a" testName="Totals(1.5,&quot;a.b&quot;)" outcome="Failed"><Output><ErrorInfo><Message>Expected 3</Message></ErrorInfo></Output></UnitTestResult>
              </Results>
              <TestDefinitions><UnitTest name="Totals" id="a"><TestMethod className="Shop.CartTests" name="Totals" /></UnitTest></TestDefinitions>
            </TestRun>
            """;
        using var file = FixtureFiles.Temp(trx, ".trx");

        _sut.Parse(file.Path, "results.trx", CancellationToken.None).Failures.Single().Test.Should().Be("Shop.CartTests.Totals(1.5,\"a.b\")");
    }
}
