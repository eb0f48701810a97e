using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Tests.Judging;

public sealed class JudgedAnalysisTests : IDisposable
{
    private static readonly Lazy<JudgeModel> Model = new(() => JudgeTrainer.Train(JudgeData.Examples(8, JudgeData.Invented)));
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AnalyzeAsync_FailureNoRuleKnows_TheJudgeTypesItWithItsLinesAsEvidence()
    {
        var log = Log("step 1 ok", "Error: the quux vault is sealed", "step 3 skipped");
        var sut = new FailureAnalyzer(new AnalysisOptions { Model = Model.Value });

        var report = await sut.AnalyzeAsync(log);

        report.Classification.ErrorType.Should().Be(ErrorType.Database);
        report.Classification.DecidedBy.Should().Be("model");
        report.Classification.Evidence.Should().Contain(e => e.Text.Contains("quux vault", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnalyzeAsync_UserRuleMatches_TheUserRuleWinsOverTheJudge()
    {
        var log = Log("Error: the quux vault is sealed (ACME-LEGACY-7)");
        var options = new AnalysisOptions { Model = Model.Value };
        options.Rules.Add(new ClassificationRule { Id = "acme-legacy", Type = ErrorType.ServerUnavailable, Weight = 0.6, Literals = ["ACME-LEGACY-7"] });
        var without = await new FailureAnalyzer(new AnalysisOptions { Model = Model.Value }).AnalyzeAsync(log);

        var report = await new FailureAnalyzer(options).AnalyzeAsync(log);

        without.Classification.ErrorType.Should().Be(ErrorType.Database);
        report.Classification.ErrorType.Should().Be(ErrorType.ServerUnavailable);
        report.Classification.DecidedBy.Should().Be("user");
    }

    [Fact]
    public async Task AnalyzeAsync_RulesOnly_NeverAsksTheJudge()
    {
        var log = Log("Error: the quux vault is sealed");
        var sut = new FailureAnalyzer(new AnalysisOptions { Model = Model.Value, RulesOnly = true });

        var report = await sut.AnalyzeAsync(log);

        report.Classification.DecidedBy.Should().Be("rules");
        report.Classification.ErrorType.Should().NotBe(ErrorType.Database);
    }

    [Fact]
    public async Task AnalyzeAsync_GreenJUnitReport_StaysUnknownWhateverItsWordsLookLike()
    {
        var path = Path.Combine(_temp.Path, "junit.xml");
        File.WriteAllText(path, """<testsuites><testsuite name="s" tests="1" failures="0"><testcase name="the quux vault is sealed is handled" classname="db"/></testsuite></testsuites>""");
        var sut = new FailureAnalyzer(new AnalysisOptions { Model = Model.Value });

        var report = await sut.AnalyzeAsync(path);

        report.Classification.ErrorType.Should().Be(ErrorType.Unknown);
        report.Classification.DecidedBy.Should().BeNull();
    }

    private string Log(params string[] lines)
    {
        var path = Path.Combine(_temp.Path, $"run{Guid.NewGuid():N}.log");
        File.WriteAllLines(path, lines);
        return path;
    }
}
