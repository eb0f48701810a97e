using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class LogParsersTests
{
    [Theory]
    [InlineData("playwright-ts/results.json", "results.json", LogFormat.PlaywrightJson)]
    [InlineData("playwright-ts/results.json", "report.xml", LogFormat.PlaywrightJson)]
    [InlineData("playwright-ts/junit.xml", "junit.xml", LogFormat.JUnitXml)]
    [InlineData("playwright-ts/junit.xml", "results.trx", LogFormat.JUnitXml)]
    [InlineData("pytest/junit.xml", "report.xml", LogFormat.JUnitXml)]
    [InlineData("playwright-dotnet/results.trx", "results.trx", LogFormat.Trx)]
    [InlineData("selenium-dotnet/results.trx", "results.xml", LogFormat.Trx)]
    [InlineData("nunit-dotnet/results.trx", "results.trx", LogFormat.Trx)]
    [InlineData("mstest-dotnet/results.trx", "results.trx", LogFormat.Trx)]
    [InlineData("nunit-dotnet/TestResult.xml", "TestResult.xml", LogFormat.NUnitXml)]
    [InlineData("nunit-dotnet/TestResult.xml", "junit.xml", LogFormat.NUnitXml)]
    [InlineData("wdio/wdio-0-0-junit-reporter.log", "wdio-0-0-junit-reporter.log", LogFormat.JUnitXml)]
    [InlineData("jest/results.json", "results.json", LogFormat.JestJson)]
    [InlineData("vitest/results.json", "results.json", LogFormat.JestJson)]
    [InlineData("vitest/results.json", "report.json", LogFormat.JestJson)]
    [InlineData("mochawesome/mochawesome.json", "results.json", LogFormat.MochawesomeJson)]
    [InlineData("mochawesome/mochawesome.json", "mochawesome.json", LogFormat.MochawesomeJson)]
    public void Structured_DetectionByContent_PicksTheFormatWhateverTheName(string fixture, string name, LogFormat format)
    {
        var head = Head(fixture);

        var sut = LogParsers.Structured.Where(p => p.CanParse(name, head)).Select(p => p.Format).ToList();

        sut.Should().Equal(format);
    }

    [Theory]
    [InlineData("playwright-ts/list.log")]
    [InlineData("playwright-ts/list-ansi.log")]
    [InlineData("playwright-ts/github.log")]
    [InlineData("pytest/console.log")]
    [InlineData("pytest/django-unittest.log")]
    public void Structured_TextOutput_NoStructuredParser(string fixture)
    {
        var head = Head(fixture);

        LogParsers.Structured.Should().NotContain(p => p.CanParse("results.json", head));
    }

    [Fact]
    public void CreateTextParsers_FreshParsersWithTheSource()
    {
        var first = LogParsers.CreateTextParsers("ci.log");
        var second = LogParsers.CreateTextParsers("ci.log");

        first.Select(p => p.Format).Should().Equal(LogFormat.PlaywrightText, LogFormat.PytestConsole);
        first[0].Should().NotBeSameAs(second[0]);
        TextParsing.RunFixture(first[0], "playwright-ts/dot.log").Should().OnlyContain(f => f.Source == "ci.log");
    }

    private static string Head(string fixture)
    {
        var text = FixtureFiles.Read(fixture);
        return text[..Math.Min(text.Length, 8192)];
    }
}
