using System.Text;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class PlaywrightTextParserTests
{
    private static readonly string[] FailedTitles =
    [
        "tests/login.spec.ts › locator matches nothing",
        "tests/login.spec.ts › strict mode violation",
        "tests/login.spec.ts › role name mismatch",
        "tests/login.spec.ts › heading text mismatch",
        "tests/login.spec.ts › page object clicks a missing checkbox",
        "tests/login.spec.ts › session › test timeout while waiting",
        "tests/login.spec.ts › session › navigation to a closed port",
    ];

    private readonly PlaywrightTextParser _sut = new("playwright.log");

    [Theory]
    [InlineData("playwright-ts/list.log")]
    [InlineData("playwright-ts/list-ansi.log")]
    [InlineData("playwright-ts/line.log")]
    [InlineData("playwright-ts/dot.log")]
    public void Complete_EveryReporter_ReportsTheFailedTestsButNotFlakyOrPassing(string fixture)
    {
        var failures = TextParsing.RunFixture(_sut, fixture);

        failures.Select(f => f.Test).Should().Equal(FailedTitles);
        failures.Should().OnlyContain(f => f.Source == "playwright.log" && f.Framework == "playwright" && f.SourceLine > 0);
    }

    [Theory]
    [InlineData("playwright-ts/list.log")]
    [InlineData("playwright-ts/list-ansi.log")]
    [InlineData("playwright-ts/line.log")]
    [InlineData("playwright-ts/dot.log")]
    public void Complete_MissingElement_ExtractsEveryField(string fixture)
    {
        var failure = TextParsing.RunFixture(_sut, fixture)[0];

        failure.Message.Should().Be("TimeoutError: locator.click: Timeout 1500ms exceeded.\nCall log:\n  - waiting for locator('#gone')");
        (failure.File, failure.Line, failure.Column).Should().Be(("tests/login.spec.ts", 9, 31));
        failure.Action.Should().Be("locator.click");
        failure.Selector.Should().Be("locator('#gone')");
        failure.TimeoutMs.Should().Be(1500);
        failure.Attachments.Should().Equal(
            "test-results/login-locator-matches-nothing-chromium-retry1/test-failed-1.png",
            "test-results/login-locator-matches-nothing-chromium-retry1/error-context.md",
            "test-results/login-locator-matches-nothing-chromium-retry1/trace.zip");
        failure.Block[0].Text.Should().Contain("1) [chromium] › tests/login.spec.ts:8:1 › locator matches nothing");
        failure.Block.Should().NotContain(l => l.Text.Contains("Retry #1", StringComparison.Ordinal));
        failure.Block.Select(l => l.Number).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Complete_GitHubReporter_ReportsEachFailureOnceFromThePlainBlocks()
    {
        var failures = TextParsing.RunFixture(_sut, "playwright-ts/github.log");

        failures.Select(f => f.Test).Should().Equal(FailedTitles);
        failures[0].SourceLine.Should().BeGreaterThan(40, "the plain block after the annotations is the one kept");
    }

    [Fact]
    public void Complete_GitHubAnnotationsOnly_MergesAnnotationsPerTestAndAttempt()
    {
        var annotations = string.Join('\n', FixtureFiles.Read("playwright-ts/github.log").Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)));

        var failures = TextParsing.Run(_sut, annotations);

        failures.Select(f => f.Test).Should().Equal(FailedTitles);
        var first = failures[0];
        first.Message.Should().Be("TimeoutError: locator.click: Timeout 1500ms exceeded.\nCall log:\n  - waiting for locator('#gone')");
        (first.File, first.Line, first.Column, first.Selector).Should().Be(("tests/login.spec.ts", 9, 31, "locator('#gone')"));
        first.Attachments.Should().BeEmpty("annotations carry no attachment lines");
        var timeout = failures.Single(f => f.Test.EndsWith("test timeout while waiting", StringComparison.Ordinal));
        timeout.Message.Should().StartWith("Test timeout of 3000ms exceeded.").And.Contain("Error: locator.click: Test timeout of 3000ms exceeded.");
        (timeout.Line, timeout.Column).Should().Be((37, 40));
    }

    [Fact]
    public void Complete_UnnamedProject_SameFailures()
    {
        var text = FixtureFiles.Read("playwright-ts/list.log").Replace("[chromium] › ", string.Empty, StringComparison.Ordinal);

        var failures = TextParsing.Run(_sut, text);

        failures.Select(f => f.Test).Should().Equal(FailedTitles);
        failures[0].Duration.Should().NotBeNull();
    }

    [Fact]
    public void Complete_Footer_CountsPassedTests()
    {
        TextParsing.RunFixture(_sut, "playwright-ts/list.log");

        _sut.Passed.Should().Be(2);
    }

    [Fact]
    public void Complete_TwoProjects_PrefixesTheProject()
    {
        var text = FixtureFiles.Read("playwright-ts/list.log");
        var blocks = text[text.IndexOf("  1) [chromium]", StringComparison.Ordinal)..text.IndexOf("  8) [chromium]", StringComparison.Ordinal)];
        var twoProjects = text.Replace(blocks, blocks + blocks.Replace("[chromium]", "[firefox]", StringComparison.Ordinal), StringComparison.Ordinal);

        var failures = TextParsing.Run(_sut, twoProjects);

        failures.Should().HaveCount(14);
        failures[0].Test.Should().Be("[chromium] › tests/login.spec.ts › locator matches nothing");
        failures[7].Test.Should().Be("[firefox] › tests/login.spec.ts › locator matches nothing");
    }

    [Fact]
    public void Complete_ListReporter_TakesTheDurationOfTheLastAttempt()
    {
        var failure = TextParsing.RunFixture(_sut, "playwright-ts/list.log")[0];

        failure.Duration.Should().BeGreaterThan(TimeSpan.FromSeconds(1)).And.BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Complete_StrictMode_ExtractsTheStrictLocator()
    {
        var failure = Failure("strict mode violation");

        failure.Selector.Should().Be("locator('button.secondary')");
        failure.Action.Should().Be("locator.click");
        failure.TimeoutMs.Should().BeNull();
        failure.Message.Should().StartWith("Error: locator.click: Error: strict mode violation: locator('button.secondary') resolved to 2 elements:\n    1) <button");
        (failure.Line, failure.Column).Should().Be((13, 42));
    }

    [Fact]
    public void Complete_RoleNameMismatch_ExtractsTheRoleLocator()
    {
        var failure = Failure("role name mismatch");

        failure.Selector.Should().Be("getByRole('button', { name: 'Sign in' })");
        (failure.Line, failure.Column, failure.TimeoutMs).Should().Be((17, 55, 1500));
    }

    [Fact]
    public void Complete_ToHaveText_ExtractsMatcherLocatorAndTimeout()
    {
        var failure = Failure("heading text mismatch");

        failure.Action.Should().Be("toHaveText");
        failure.Selector.Should().Be("locator('h1')");
        failure.TimeoutMs.Should().Be(1500);
        failure.Message.Should().StartWith("Error: expect(locator).toHaveText(expected) failed\n\nLocator:  locator('h1')");
        failure.Message.Should().Contain("Received: \"Welcome to Acme\"");
    }

    [Fact]
    public void Complete_PageObject_PointsAtThePageObjectCall()
    {
        var failure = Failure("page object clicks a missing checkbox");

        (failure.File, failure.Line, failure.Column).Should().Be(("tests/pages/login-page.ts", 11, 45));
        failure.Action.Should().Be("locator.check");
        failure.Selector.Should().Be("locator('#remember-me')");
    }

    [Fact]
    public void Complete_TestTimeout_ReadsTheTestTimeout()
    {
        var failure = Failure("session › test timeout while waiting");

        failure.Message.Should().StartWith("Test timeout of 3000ms exceeded.\n\nError: locator.click: Test timeout of 3000ms exceeded.");
        failure.TimeoutMs.Should().Be(3000);
        failure.Selector.Should().Be("locator('#never-there')");
        (failure.Line, failure.Column).Should().Be((37, 40));
    }

    [Fact]
    public void Complete_ClosedPort_ReadsTheNavigation()
    {
        var failure = Failure("session › navigation to a closed port");

        failure.Action.Should().Be("page.goto");
        failure.Message.Should().StartWith("Error: page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:59999/\nCall log:\n  - navigating to");
        failure.Selector.Should().BeNull();
    }

    [Fact]
    public void Complete_AnsiOutput_SameAsPlainOutput()
    {
        var plain = TextParsing.RunFixture(new PlaywrightTextParser("a"), "playwright-ts/list.log");

        var colored = TextParsing.RunFixture(_sut, "playwright-ts/list-ansi.log");

        colored.Select(Facts).Should().Equal(plain.Select(Facts));
    }

    [Fact]
    public void Complete_InsideGitHubActionsLog_SameAsPlainOutput()
    {
        var plain = TextParsing.RunFixture(new PlaywrightTextParser("a"), "playwright-ts/list.log");
        var wrapped = TextParsing.AsGitHubActionsLog(FixtureFiles.Read("playwright-ts/list-ansi.log"));

        var failures = TextParsing.Run(_sut, wrapped);

        failures.Select(Facts).Should().Equal(plain.Select(Facts));
        failures[0].Message.Should().NotContain("Z ").And.NotContain("##[");
    }

    [Theory]
    [InlineData("=")]
    [InlineData("-")]
    [InlineData("──")]
    public void Complete_OtherHeaderRules_SameFailures(string rule)
    {
        var text = FixtureFiles.Read("playwright-ts/list.log").Replace("─", rule, StringComparison.Ordinal);

        var failures = TextParsing.Run(_sut, text);

        failures.Select(f => f.Test).Should().Equal(FailedTitles);
        failures[0].Attachments.Should().HaveCount(3);
    }

    [Fact]
    public void Complete_LogCutBeforeTheFooter_KeepsTheFlakyTestsFailedAttempt()
    {
        var text = FixtureFiles.Read("playwright-ts/list.log");
        var cut = text[..text.IndexOf("  7 failed", StringComparison.Ordinal)];

        var failures = TextParsing.Run(_sut, cut);

        failures.Select(f => f.Test).Should().Equal([.. FailedTitles, "tests/login.spec.ts › session › passes on retry"]);
    }

    [Fact]
    public void Complete_BlocksMissingButFooterListsFailures_ReportsThemFromTheFooter()
    {
        var text = FixtureFiles.Read("playwright-ts/list.log");
        var footer = text[text.IndexOf("  7 failed", StringComparison.Ordinal)..];

        var failures = TextParsing.Run(_sut, footer);

        failures.Select(f => f.Test).Should().Equal(FailedTitles);
        failures[0].Message.Should().Contain("no details");
    }

    [Fact]
    public void Complete_OnlyPassingAndProgressLines_ReportsNothing()
    {
        var text = string.Join('\n', FixtureFiles.Read("playwright-ts/list.log").Split('\n')
            .Where(l => l.Contains('✓', StringComparison.Ordinal) || l.StartsWith("Running", StringComparison.Ordinal)));

        TextParsing.Run(_sut, text).Should().BeEmpty();
    }

    [Fact]
    public void Complete_OneMebibyteLineAndInvalidUtf8_StillParses()
    {
        var original = File.ReadAllBytes(FixtureFiles.Path("playwright-ts/list.log"));
        var huge = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("x › y ─── 1) ", 90_000)));
        huge.Length.Should().BeGreaterThan(1024 * 1024);
        byte[] invalid = [0xFF, 0xFE, 0xC3, 0x28, (byte)'\n', 0xE2, 0x82, (byte)'\n'];
        var content = huge.Concat("\n"u8.ToArray()).Concat(invalid).Concat(original).Concat(invalid).Concat(huge).ToArray();

        var failures = TextParsing.Run(_sut, content);

        failures.Select(f => f.Test).Should().Equal(FailedTitles);
    }

    [Fact]
    public void Complete_NoPlaywrightOutput_ReportsNothing()
    {
        TextParsing.RunFixture(_sut, "pytest/console.log").Should().BeEmpty();
    }

    // Separate runs differ only in how often an assertion polled ("16 × locator resolved to").
    private static (string Test, string Message, string? File, int? Line, int? Column, string? Action, string? Selector, int? Timeout) Facts(TestFailure f) =>
        (f.Test, System.Text.RegularExpressions.Regex.Replace(f.Message, @"\d+ ×", "N ×"), f.File, f.Line, f.Column, f.Action, f.Selector, f.TimeoutMs);

    private TestFailure Failure(string title) =>
        TextParsing.RunFixture(_sut, "playwright-ts/list.log").Single(f => f.Test == "tests/login.spec.ts › " + title);

    [Fact]
    public void Complete_ListReporter_KeepsTheTestsDeclarationFromTheHeader()
    {
        var failures = TextParsing.RunFixture(_sut, "playwright-ts/list.log");

        var strict = failures.Single(f => f.Test.EndsWith("strict mode violation", StringComparison.Ordinal));
        (strict.TestFile, strict.TestLine).Should().Be(("tests/login.spec.ts", 12));
    }
}
