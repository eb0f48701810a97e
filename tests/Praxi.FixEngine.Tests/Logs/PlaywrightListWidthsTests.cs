using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

/// <summary>
/// The list reporter's output of one run at several terminal widths (tests/fixture-sources/playwright-list): Playwright
/// fills a failure header with '─' up to min(100, width) columns, so a header ends in a long rule, a rule of one '─',
/// a bare space, or runs past the width. Each shape must give the test's own title, and the list output beside the
/// JSON report of the same run must give each failed test once.
/// </summary>
public sealed class PlaywrightListWidthsTests
{
    public static TheoryData<string> Widths => ["ci", "tty-40", "tty-60", "tty-80", "tty-90"];

    [Theory]
    [MemberData(nameof(Widths))]
    public void ListOutput_AtEveryWidth_GivesTheTitlesTheJsonReportGives(string width)
    {
        var fromList = TextParsing.RunFixture(new PlaywrightTextParser("list.log"), $"playwright-list/{width}/list.log");
        var fromJson = new FailureAnalyzer().Analyze(FixtureFiles.Path($"playwright-list/{width}/results.json")).Classification.Failures;

        fromJson.Should().HaveCount(5);
        // The list prints the file relative to the config's folder (tests/widths.spec.ts), the JSON report relative to testDir.
        fromList.Select(f => f.Test).Should().Equal(fromJson.Select(f => "tests/" + f.Test));
        fromList.Should().OnlyContain(f => !f.Test.EndsWith('─') && f.Test == f.Test.Trim());
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ListOutputBesideTheJsonReport_GivesEachFailedTestOnce(string width)
    {
        var report = new FailureAnalyzer().Analyze(FixtureFiles.Path($"playwright-list/{width}"));

        report.Classification.Failures.Should().HaveCount(5);
        report.Classification.Failures.Select(f => f.Test).Should().OnlyHaveUniqueItems();
    }
}
