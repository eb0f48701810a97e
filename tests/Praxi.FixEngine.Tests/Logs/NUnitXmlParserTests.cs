using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class NUnitXmlParserTests
{
    private const string Fixture = "nunit-dotnet/TestResult.xml";
    private readonly NUnitXmlParser _sut = new();

    [Fact]
    public void CanParse_RealNUnitXml_True()
    {
        _sut.CanParse("TestResult.xml", FixtureFiles.Read(Fixture)[..2000]).Should().BeTrue();
    }

    [Theory]
    [InlineData("nunit-dotnet/results.trx")]
    [InlineData("playwright-ts/junit.xml")]
    [InlineData("wdio/wdio-0-0-junit-reporter.log")]
    public void CanParse_OtherXml_False(string fixture)
    {
        var head = FixtureFiles.Read(fixture);

        _sut.CanParse("TestResult.xml", head[..Math.Min(head.Length, 2000)]).Should().BeFalse();
    }

    [Fact]
    public void Parse_RealRun_ReportsEveryFailedCaseByFullName()
    {
        var sut = Parse();

        sut.Format.Should().Be(LogFormat.NUnitXml);
        sut.Failures.Select(f => f.Test).Should().Equal(
            "NuFixtures.CheckoutTests.CheckoutButtonIsMissing",
            "NuFixtures.CheckoutTests.CouponGivesDiscount(\"SILVER5\",4)",
            "NuFixtures.CheckoutTests.ScreenshotIsAttached",
            "NuFixtures.CheckoutTests.SummaryShowsBothLines",
            "NuFixtures.CheckoutTests.TotalIsShown",
            "NuFixtures.LoginTests.SignsIn");
        sut.Passed.Should().Be(2);
        sut.PassedTests.Should().Equal("NuFixtures.CheckoutTests.CouponGivesDiscount(\"GOLD10\",10)", "NuFixtures.CheckoutTests.Passes");
        sut.Failures.Should().OnlyContain(f => f.StartedAt != null && f.Duration != null && f.Line > 0);
    }

    [Fact]
    public void Parse_TimeoutInAPageObject_ReadsTheStackOnceAndPointsAtThePageObject()
    {
        var failure = Parse().Failures[0];

        failure.Message.Should().Be("System.TimeoutException : Timeout 5000ms exceeded.\nCall log:\n  - waiting for Locator(\"#checkout\")");
        failure.File.Should().EndWith("/nunit-dotnet/CheckoutPage.cs");
        failure.Line.Should().Be(7);
        failure.Selector.Should().Be("Locator(\"#checkout\")");
        failure.TimeoutMs.Should().Be(5000);
        failure.Block.Should().NotContain(l => l.Text.StartsWith("1)", StringComparison.Ordinal), "NUnit's numbered repeat of the stack is read once");
    }

    [Fact]
    public void Parse_AssertMultiple_MessageWithoutFramesLocationOfTheFirstFailedAssert()
    {
        var failure = Parse().Failures[3];

        failure.Message.Should().StartWith("Multiple failures or warnings in test:\n  1)   line count").And.NotContain(" at NuFixtures.");
        failure.Line.Should().Be(43, "the first failed assertion inside Assert.Multiple, not the Multiple call");
    }

    [Fact]
    public void Parse_IndentedAssertionMessage_StartsAtItsText()
    {
        Parse().Failures[4].Message.Should().StartWith("order total\nAssert.That(total, Is.EqualTo(\"$42.00\"))\n  String lengths are both 6.");
    }

    [Fact]
    public void Parse_OneTimeSetUpFailure_IsTheFixturesErrorWithItsFrame()
    {
        var failure = Parse().Failures[5];

        failure.Message.Should().Be("OneTimeSetUp: SetUp : System.Net.Http.HttpRequestException : Connection refused (127.0.0.1:5000)");
        failure.File.Should().EndWith("/nunit-dotnet/LoginTests.cs");
        failure.Line.Should().Be(11);
    }

    [Fact]
    public void Parse_TestAttachment_IsTheFilePathTheCaseLists()
    {
        Parse().Failures[2].Attachments.Should().ContainSingle().Which.Should().EndWith("/bin/Debug/net10.0/checkout-failed.png");
    }

    [Fact]
    public void Parse_SameRunAsTrx_GivesTheSameFailures()
    {
        var trx = new TrxParser().Parse(FixtureFiles.Path("nunit-dotnet/results.trx"), "results.trx", CancellationToken.None);

        var sut = Parse();

        static object Key(TestFailure f) => new { f.Test, f.Message, f.File, f.Line, f.Selector, f.TimeoutMs };
        sut.Failures.Select(Key).Should().BeEquivalentTo(trx.Failures.Select(Key));
    }

    [Fact]
    public void Parse_AssertionsAndSkippedReasons_OnlyTheCasesOwnFailureIsRead()
    {
        const string xml = """
            <?xml version="1.0" encoding="utf-8" standalone="no"?>
            <test-run id="0" testcasecount="2" result="Failed" total="2" passed="0" failed="1" skipped="1">
              <test-suite type="TestFixture" name="CartTests" fullname="Shop.CartTests">
                <test-case id="1" name="Adds" fullname="Shop.CartTests.Adds" result="Failed" label="Error" duration="0.5">
                  <failure><message><![CDATA[OpenQA.Selenium.NoSuchElementException : no such element: Unable to locate element: {"method":"css selector","selector":"#add"}]]></message>
                    <stack-trace><![CDATA[   at Shop.CartTests.Adds() in D:\a\shop\shop\tests\Shop.E2E\CartTests.cs:line 21]]></stack-trace></failure>
                  <assertions><assertion result="Failed"><message><![CDATA[an assertion's own message]]></message></assertion></assertions>
                </test-case>
                <test-case id="2" name="Later" fullname="Shop.CartTests.Later" result="Skipped" label="Ignored"><reason><message><![CDATA[not yet]]></message></reason></test-case>
              </test-suite>
            </test-run>
            """;
        using var file = FixtureFiles.Temp(xml, ".xml");

        var sut = _sut.Parse(file.Path, "TestResult.xml", CancellationToken.None);

        var failure = sut.Failures.Should().ContainSingle().Subject;
        failure.Message.Should().StartWith("OpenQA.Selenium.NoSuchElementException : no such element");
        (failure.File, failure.Line, failure.Framework).Should().Be(("tests/Shop.E2E/CartTests.cs", 21, "selenium"));
        sut.Passed.Should().Be(0);
        sut.PassedTests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("<test-run><test-suite><test-case result=\"Failed\"></test-suite></test-run>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE test-run [<!ENTITY x \"y\">]><test-run>&x;</test-run>")]
    public void Parse_MalformedOrDtd_ThrowsOneLineFixEngineException(string xml)
    {
        using var file = FixtureFiles.Temp(xml, ".xml");

        var act = () => _sut.Parse(file.Path, "out/TestResult.xml", CancellationToken.None);

        act.Should().Throw<FixEngineException>().Which.Message.Should().StartWith("out/TestResult.xml: not valid NUnit XML").And.NotContain("\n");
    }

    private ParsedLog Parse() => _sut.Parse(FixtureFiles.Path(Fixture), "TestResult.xml", CancellationToken.None);
}
