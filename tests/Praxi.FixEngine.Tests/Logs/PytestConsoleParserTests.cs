using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class PytestConsoleParserTests
{
    private readonly PytestConsoleParser _sut = new("pytest.log");

    [Fact]
    public void Complete_PytestRun_ReportsErrorsAndFailuresWithSummaryIds()
    {
        var failures = TextParsing.RunFixture(_sut, "pytest/console.log");

        failures.Select(f => f.Test).Should().Equal(
            "tests/test_orders.py::test_order_total_is_saved",
            "tests/e2e/test_login.py::test_sign_in_shows_dashboard[chromium]",
            "tests/e2e/test_login.py::test_banner_text[chromium]");
        failures.Should().OnlyContain(f => f.Source == "pytest.log" && f.SourceLine > 0);
    }

    [Fact]
    public void Complete_PytestPlaywrightTimeout_ExtractsEveryField()
    {
        var failure = TextParsing.RunFixture(_sut, "pytest/console.log")[1];

        failure.Message.Should().Be("playwright._impl._errors.TimeoutError: Locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for get_by_role(\"button\", name=\"Sign in\")");
        failure.Action.Should().Be("Locator.click");
        failure.Selector.Should().Be("get_by_role(\"button\", name=\"Sign in\")");
        failure.TimeoutMs.Should().Be(5000);
        (failure.File, failure.Line).Should().Be(("tests/e2e/test_login.py", 12));
        failure.Framework.Should().Be("playwright");
    }

    [Fact]
    public void Complete_PytestExpectFailure_ExtractsAssertion()
    {
        var failure = TextParsing.RunFixture(_sut, "pytest/console.log")[2];

        failure.Action.Should().Be("to_have_text");
        failure.Selector.Should().Be("locator(\"h1\")");
        failure.TimeoutMs.Should().Be(5000);
        failure.Message.Should().StartWith("AssertionError: Locator expected to have text 'Welcome to Acme Corp'");
        (failure.File, failure.Line).Should().Be(("tests/e2e/test_login.py", 21));
    }

    [Fact]
    public void Complete_SetupError_PointsAtTheFixtureInConftest()
    {
        var failure = TextParsing.RunFixture(_sut, "pytest/console.log")[0];

        failure.Message.Should().StartWith("error at setup: psycopg2.errors.UndefinedTable: relation \"orders_order\" does not exist");
        failure.Message.Should().Contain("django.db.utils.ProgrammingError: relation \"orders_order\" does not exist");
        (failure.File, failure.Line).Should().Be(("tests/conftest.py", 14));
        failure.Framework.Should().Be("django");
    }

    [Fact]
    public void Complete_SummaryOnly_ReportsFromTheSummaryLines()
    {
        var text = string.Join('\n', FixtureFiles.Read("pytest/console.log").Split('\n').SkipWhile(l => !l.Contains("short test summary", StringComparison.Ordinal)));

        var failures = TextParsing.Run(_sut, text);

        failures.Should().HaveCount(3);
        failures[1].Message.Should().Be("playwright._impl._errors.TimeoutError: Locator.click: Timeout 5000ms exceeded.");
        failures[1].Action.Should().Be("Locator.click");
        failures[1].File.Should().Be("tests/e2e/test_login.py");
    }

    [Fact]
    public void Complete_DjangoUnittestRunner_ReportsTheErrorBlock()
    {
        var failures = TextParsing.RunFixture(_sut, "pytest/django-unittest.log");

        var failure = failures.Should().ContainSingle().Subject;
        failure.Test.Should().Be("orders.tests.CheckoutTests.test_checkout_creates_order");
        failure.Message.Should().StartWith("django.db.utils.ProgrammingError: relation \"orders_order\" does not exist");
        (failure.File, failure.Line).Should().Be(("/app/orders/tests.py", 18));
        failure.Framework.Should().Be("django");
    }

    [Fact]
    public void Complete_UnittestBlockWithPlaywrightLogRules_KeepsTheBlockWhole()
    {
        var text = FixtureFiles.Read("pytest/django-unittest.log").Replace(
            "LINE 1: INSERT INTO \"orders_order\" (\"customer_id\", \"total\") VALUES (...\n                    ^\n\n----",
            "=========================== logs ===========================\nwaiting for selector \"#pay\"\n============================================================\n\n----",
            StringComparison.Ordinal);

        var failure = TextParsing.Run(_sut, text).Should().ContainSingle().Subject;

        failure.Selector.Should().Be("#pay");
        failure.Message.Should().Contain("waiting for selector");
    }

    [Theory]
    [InlineData("playwright-ts/list.log")]
    [InlineData("playwright-ts/dot.log")]
    public void Complete_PlaywrightOutput_ReportsNothing(string fixture)
    {
        TextParsing.RunFixture(_sut, fixture).Should().BeEmpty();
    }

    [Fact]
    public void Complete_OneMebibyteLineAndInvalidUtf8_StillParses()
    {
        var huge = System.Text.Encoding.UTF8.GetBytes("E   " + new string('_', 1_100_000) + " x ___");
        byte[] invalid = [0xC3, 0x28, 0xFF, (byte)'\n'];
        var content = huge.Concat("\n"u8.ToArray()).Concat(invalid).Concat(File.ReadAllBytes(FixtureFiles.Path("pytest/console.log"))).ToArray();

        TextParsing.Run(_sut, content).Should().HaveCount(3);
    }
}
