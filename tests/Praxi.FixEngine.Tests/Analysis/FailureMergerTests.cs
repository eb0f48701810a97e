using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Analysis;

public sealed class FailureMergerTests
{
    private static TestFailure Failure(string test, string source, string? file = null, params string[] attachments) => new()
    {
        Test = test,
        Source = source,
        Message = "boom",
        File = file,
        Attachments = attachments,
    };

    [Fact]
    public void Merge_OneTestInThreeReports_BecomesOneFailureWithEveryAttachment()
    {
        var logs = new[]
        {
            new ParsedLog("results.json", LogFormat.PlaywrightJson, [Failure("cart.spec.ts › adds an item", "results.json", "tests/cart.spec.ts", "/ci/test-results/a/trace.zip")], []),
            new ParsedLog("junit.xml", LogFormat.JUnitXml, [Failure("adds an item", "junit.xml", null, "test-results/a/error-context.md")], []),
        };

        var merged = FailureMerger.Merge(logs);

        merged.Should().ContainSingle();
        merged[0].File.Should().Be("tests/cart.spec.ts");
        merged[0].Attachments.Should().BeEquivalentTo("/ci/test-results/a/trace.zip", "test-results/a/error-context.md");
    }

    [Fact]
    public void Merge_SameMethodNameInTwoQualifiedClasses_StaysTwoFailures()
    {
        var logs = new[]
        {
            new ParsedLog("dotnet/results.trx", LogFormat.Trx, [Failure("Shop.E2E.CatalogueTests.AddsAProductToTheCart", "dotnet/results.trx", "Pages/ProductPage.cs")], []),
            new ParsedLog("selenium/results.trx", LogFormat.Trx, [Failure("Shop.Selenium.ShopTests.AddsAProductToTheCart", "selenium/results.trx", "Tests/ShopTests.cs")], []),
        };

        var merged = FailureMerger.Merge(logs);

        merged.Select(f => f.Test).Should().BeEquivalentTo("Shop.E2E.CatalogueTests.AddsAProductToTheCart", "Shop.Selenium.ShopTests.AddsAProductToTheCart");
        merged.Select(f => f.File).Should().BeEquivalentTo("Pages/ProductPage.cs", "Tests/ShopTests.cs");
    }

    [Fact]
    public void Merge_QualifiedNameAndItsBareMethodFromJUnit_BecomeOne()
    {
        var logs = new[]
        {
            new ParsedLog("results.trx", LogFormat.Trx, [Failure("Shop.E2E.CartTests.RemovesAnItem", "results.trx", "CartTests.cs")], []),
            new ParsedLog("junit.xml", LogFormat.JUnitXml, [Failure("RemovesAnItem", "junit.xml")], []),
        };

        FailureMerger.Merge(logs).Should().ContainSingle();
    }

    [Fact]
    public void Merge_TwoDataRowsOfOneMethod_StayTwoFailures()
    {
        var logs = new[]
        {
            new ParsedLog("results.trx", LogFormat.Trx, [Failure("Shop.Grid.Open(\"chromium\",null)", "results.trx"), Failure("Shop.Grid.Open(\"semi;colon\",\"100%\")", "results.trx")], []),
            new ParsedLog("TestResult.xml", LogFormat.NUnitXml, [Failure("Shop.Grid.Open(\"chromium\",null)", "TestResult.xml", "Grid.cs")], []),
        };

        var merged = FailureMerger.Merge(logs);

        merged.Select(f => f.Test).Should().BeEquivalentTo("Shop.Grid.Open(\"chromium\",null)", "Shop.Grid.Open(\"semi;colon\",\"100%\")");
        merged.Single(f => f.Test.Contains("chromium", StringComparison.Ordinal)).File.Should().Be("Grid.cs");
    }
}
