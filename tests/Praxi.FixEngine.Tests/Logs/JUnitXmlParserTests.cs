using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class JUnitXmlParserTests
{
    private readonly JUnitXmlParser _sut = new();

    [Theory]
    [InlineData("playwright-ts/junit.xml")]
    [InlineData("pytest/junit.xml")]
    public void CanParse_JUnitHeads_True(string fixture)
    {
        var head = FixtureFiles.Read(fixture);

        _sut.CanParse("report.xml", head[..Math.Min(head.Length, 2000)]).Should().BeTrue();
    }

    [Fact]
    public void CanParse_Trx_False()
    {
        _sut.CanParse("results.trx", FixtureFiles.Read("playwright-dotnet/results.trx")[..2000]).Should().BeFalse();
    }

    [Fact]
    public void Parse_PlaywrightJUnit_ReportsFailedTestsButNotFlakyOrPassing()
    {
        var sut = Parse("playwright-ts/junit.xml");

        sut.Failures.Select(f => f.Test).Should().Equal(
            "login.spec.ts › locator matches nothing",
            "login.spec.ts › strict mode violation",
            "login.spec.ts › role name mismatch",
            "login.spec.ts › heading text mismatch",
            "login.spec.ts › page object clicks a missing checkbox",
            "login.spec.ts › session › test timeout while waiting",
            "login.spec.ts › session › navigation to a closed port");
        sut.Passed.Should().Be(3);
        sut.Failures.Should().OnlyContain(f => f.Framework == "playwright");
    }

    [Fact]
    public void Parse_PlaywrightMissingElement_ExtractsEveryFieldFromTheLastAttempt()
    {
        var failure = Parse("playwright-ts/junit.xml").Failures[0];

        failure.Message.Should().Be("TimeoutError: locator.click: Timeout 1500ms exceeded.\nCall log:\n  - waiting for locator('#gone')");
        (failure.File, failure.Line, failure.Column).Should().Be(("login.spec.ts", 9, 31));
        failure.Action.Should().Be("locator.click");
        failure.Selector.Should().Be("locator('#gone')");
        failure.TimeoutMs.Should().Be(1500);
        failure.Duration.Should().BePositive();
        failure.Attachments.Should().Equal(
            "test-results/login-locator-matches-nothing-chromium-retry1/test-failed-1.png",
            "test-results/login-locator-matches-nothing-chromium-retry1/error-context.md",
            "test-results/login-locator-matches-nothing-chromium-retry1/trace.zip");
    }

    [Fact]
    public void Parse_PlaywrightToHaveText_ExtractsTheMatcher()
    {
        var failure = Parse("playwright-ts/junit.xml").Failures.Single(f => f.Test.EndsWith("heading text mismatch", StringComparison.Ordinal));

        failure.Action.Should().Be("toHaveText");
        failure.Selector.Should().Be("locator('h1')");
    }

    [Fact]
    public void Parse_PlaywrightPageObject_PointsAtThePageObject()
    {
        var failure = Parse("playwright-ts/junit.xml").Failures.Single(f => f.Test.EndsWith("missing checkbox", StringComparison.Ordinal));

        (failure.File, failure.Line, failure.Column).Should().Be(("pages/login-page.ts", 11, 45));
    }

    [Fact]
    public void Parse_PytestJUnit_ReadsMessagesFramesAndFacts()
    {
        var sut = Parse("pytest/junit.xml");

        sut.Failures.Select(f => f.Test).Should().Equal(
            "tests.test_orders.test_order_total_is_saved",
            "tests.e2e.test_login.test_sign_in_shows_dashboard[chromium]",
            "tests.e2e.test_login.test_banner_text[chromium]");
        sut.Passed.Should().Be(2);
        var timeout = sut.Failures[1];
        timeout.Message.Should().StartWith("playwright._impl._errors.TimeoutError: Locator.click: Timeout 5000ms exceeded.");
        timeout.Action.Should().Be("Locator.click");
        timeout.Selector.Should().Be("get_by_role(\"button\", name=\"Sign in\")");
        timeout.TimeoutMs.Should().Be(5000);
        (timeout.File, timeout.Line).Should().Be(("tests/e2e/test_login.py", 12));
        sut.Failures[0].Message.Should().StartWith("failed on setup with \"django.db.utils.ProgrammingError");
        (sut.Failures[0].File, sut.Failures[0].Line).Should().Be(("tests/conftest.py", 14));
        sut.Failures[2].Action.Should().Be("to_have_text");
    }

    [Fact]
    public void Parse_SurefireShape_ReadsJavaFramesAndIgnoresFlakyFailures()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="com.acme.LoginTest" tests="3" failures="1" errors="0" skipped="1">
              <testcase name="signsIn" classname="com.acme.LoginTest" time="12.3">
                <failure message="Timeout 30000ms exceeded." type="com.microsoft.playwright.TimeoutError">com.microsoft.playwright.TimeoutError: Error {
              message='Timeout 30000ms exceeded.
            Call log:
              - waiting for getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
            '
            	at com.microsoft.playwright.impl.WaitableResult.get(WaitableResult.java:52)
            	at com.microsoft.playwright.impl.LocatorImpl.click(LocatorImpl.java:120)
            	at com.acme.pages.LoginPage.submit(LoginPage.java:27)
            	at com.acme.LoginTest.signsIn(LoginTest.java:41)
            </failure>
              </testcase>
              <testcase name="retried" classname="com.acme.LoginTest" time="1.0">
                <flakyFailure message="boom" type="java.lang.AssertionError">java.lang.AssertionError: boom</flakyFailure>
              </testcase>
              <testcase name="skippedOne" classname="com.acme.LoginTest"><skipped/></testcase>
            </testsuite>
            """;
        using var file = FixtureFiles.Temp(xml, ".xml");

        var sut = _sut.Parse(file.Path, "TEST-com.acme.LoginTest.xml", CancellationToken.None);

        var failure = sut.Failures.Should().ContainSingle().Subject;
        failure.Test.Should().Be("com.acme.LoginTest.signsIn");
        failure.Message.Should().Be("com.microsoft.playwright.TimeoutError: Timeout 30000ms exceeded.");
        (failure.File, failure.Line).Should().Be(("com/acme/pages/LoginPage.java", 27));
        failure.Selector.Should().Be("getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(\"Sign in\"))");
        failure.TimeoutMs.Should().Be(30000);
        sut.Passed.Should().Be(1);
    }

    [Fact]
    public void Parse_JestAndCypressShapes_ReadBodyAsMessageAndKeepNames()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="jest tests">
              <testsuite name="login">
                <testcase classname="login signs in" name="login signs in" time="0.5">
                  <failure>Error: expect(received).toBe(expected) // Object.is equality

            Expected: 200
            Received: 500
                at Object.&lt;anonymous&gt; (/home/runner/work/shop/shop/tests/login.test.ts:12:5)
                at processTicksAndRejections (node:internal/process/task_queues:95:5)</failure>
                </testcase>
              </testsuite>
              <testsuite name="Checkout">
                <testcase name="Checkout pays with a card" classname="pays with a card" time="4.1">
                  <failure message="Timed out retrying after 4000ms: Expected to find element: `#pay`, but never found it." type="AssertionError"><![CDATA[AssertionError: Timed out retrying after 4000ms: Expected to find element: `#pay`, but never found it.
                at Context.eval (webpack:///./cypress/e2e/checkout.cy.ts:9:8)]]></failure>
                </testcase>
              </testsuite>
            </testsuites>
            """;
        using var file = FixtureFiles.Temp(xml, ".xml");

        var failures = _sut.Parse(file.Path, "junit.xml", CancellationToken.None).Failures;

        failures.Select(f => f.Test).Should().Equal("login signs in", "Checkout pays with a card");
        failures[0].Message.Should().Be("Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: 200\nReceived: 500");
        (failures[0].File, failures[0].Line, failures[0].Column, failures[0].Action).Should().Be(("tests/login.test.ts", 12, 5, "toBe"));
        (failures[1].File, failures[1].Line, failures[1].Selector, failures[1].TimeoutMs).Should().Be(("cypress/e2e/checkout.cy.ts", 9, "#pay", 4000));
        failures[1].Message.Should().StartWith("AssertionError: Timed out retrying after 4000ms");
    }

    [Theory]
    [InlineData("<testsuites><testsuite><testcase name=\"a\"><failure>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE testsuites SYSTEM \"http://example.com/x.dtd\"><testsuites/>")]
    public void Parse_MalformedOrDtd_ThrowsOneLineFixEngineException(string xml)
    {
        using var file = FixtureFiles.Temp(xml, ".xml");

        var act = () => _sut.Parse(file.Path, "junit.xml", CancellationToken.None);

        act.Should().Throw<FixEngineException>().Which.Message.Should().StartWith("junit.xml: not valid JUnit XML").And.NotContain("\n");
    }

    private ParsedLog Parse(string fixture) => _sut.Parse(FixtureFiles.Path(fixture), "junit.xml", CancellationToken.None);

    [Fact]
    public void Parse_PlaywrightJUnit_ListsThePassedTestsNamedLikeItsFailures()
    {
        var sut = Parse("playwright-ts/junit.xml");

        sut.PassedTests.Should().Contain("login.spec.ts › shows error banner without failing")
            .And.Contain("login.spec.ts › session › email field is visible")
            .And.NotContain(sut.Failures.Select(f => f.Test));
        sut.Passed.Should().Be(sut.PassedTests!.Count);
    }

    [Fact]
    public void Parse_WebdriverIoJUnit_ReadsTheStackFromSystemErrAndLeavesThePageSourceOut()
    {
        var sut = Parse("wdio/wdio-0-0-junit-reporter.log");

        var failure = sut.Failures.Should().ContainSingle().Subject;
        failure.Test.Should().Be("chrome.130_0_6723_91.linux.checkout_page › pays for the order");
        failure.Message.Should().Be("element (\"#pay-now\") still not displayed after 5000ms");
        failure.File.Should().EndWith("/wdio/test/pageobjects/checkout.page.js");
        (failure.Line, failure.Column).Should().Be((4, 11));
        failure.TimeoutMs.Should().Be(5000);
        failure.Framework.Should().Be("webdriverio");
        failure.Block.Should().Contain(l => l.Text.Contains("at CheckoutPage.payNow", StringComparison.Ordinal))
            .And.NotContain(l => l.Text.Contains("<html>", StringComparison.Ordinal) || l.Text.StartsWith("COMMAND:", StringComparison.Ordinal));
        sut.PassedTests.Should().Equal("chrome.130_0_6723_91.linux.checkout_page › shows the checkout title");
    }

    [Fact]
    public void Parse_WebdriverIoJUnitPerCapability_NamesEachByItsCapabilities()
    {
        Parse("wdio/wdio-0-1-junit-reporter.log").Failures.Should().ContainSingle()
            .Which.Test.Should().Be("firefox.131_0.linux.checkout_page › pays for the order");
    }

    [Fact]
    public void Parse_WebdriverIoFailureWithoutAStack_FallsBackToTheSpecFile()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites><testsuite name="login">
              <properties><property name="capabilities" value="chrome.linux"/><property name="file" value="file://./test/specs/login.e2e.ts"/></properties>
              <testcase classname="chrome.linux.login" name="signs in" time="1"><failure message="Can&apos;t call click on element with selector &quot;#sign-in&quot; because element wasn&apos;t found"/></testcase>
            </testsuite></testsuites>
            """;
        using var file = FixtureFiles.Temp(xml, ".xml");

        var failure = _sut.Parse(file.Path, "junit.xml", CancellationToken.None).Failures.Should().ContainSingle().Subject;

        (failure.File, failure.Line, failure.Framework).Should().Be(("test/specs/login.e2e.ts", null, "webdriverio"));
        failure.Message.Should().Be("Can't call click on element with selector \"#sign-in\" because element wasn't found");
    }
}
