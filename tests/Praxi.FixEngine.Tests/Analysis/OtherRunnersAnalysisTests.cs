using System.Text.Json.Nodes;
using Json.Schema;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Analysis;

/// <summary>A folder holding another runner's structured output (the real fixtures) is read by content and classified.</summary>
public sealed class OtherRunnersAnalysisTests
{
    [Theory]
    [InlineData("jest", "jest_json", 3, ErrorType.AssertionFailure)]
    [InlineData("vitest", "jest_json", 3, ErrorType.AssertionFailure)]
    [InlineData("mochawesome", "mochawesome_json", 3, ErrorType.ServerUnavailable)]
    [InlineData("wdio", "junit_xml", 1, ErrorType.SelectorNotFound)]
    [InlineData("nunit-dotnet", "nunit_xml", 6, ErrorType.AssertionFailure)]
    [InlineData("mstest-dotnet", "trx", 5, ErrorType.AssertionFailure)]
    public void Analyze_FolderWithTheRunnersReport_ReadsItAndClassifiesEveryFailure(string folder, string format, int failures, ErrorType dominant)
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "analysis.schema.json"));

        var sut = new FailureAnalyzer(new AnalysisOptions { RunId = "1-1" }).Analyze(TestPaths.Fixtures(folder));

        sut.Classification.Failures.Should().HaveCount(failures);
        sut.Classification.ErrorType.Should().Be(dominant);
        var json = JsonNode.Parse(AnalysisJson.Serialize(sut))!;
        json["sources"]!.AsArray().Select(s => (string)s!["format"]!).Should().Contain(format);
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("; ", result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }
}
