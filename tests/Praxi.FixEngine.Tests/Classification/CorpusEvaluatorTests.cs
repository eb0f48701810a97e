using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evaluation;

namespace Praxi.FixEngine.Tests.Classification;

public sealed class CorpusEvaluatorTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Evaluate_SharedDevelopmentCorpusWithRulesAlone_ScoresNoWorseThanMeasured()
    {
        var sut = new FailureAnalyzer(new AnalysisOptions { RulesOnly = true });

        var report = CorpusEvaluator.Evaluate(SharedCorpus.Logs, sut);

        // A regression guard, not a target: the rules alone on the 214 real logs when the corpus grew from 29
        // (accuracy 0.565, macro-F1 0.6479).
        report.Items.Should().HaveCountGreaterThanOrEqualTo(214);
        report.Accuracy.Should().BeGreaterThanOrEqualTo(0.565);
        report.MacroF1.Should().BeGreaterThanOrEqualTo(0.647);
    }

    [Fact]
    public void CrossValidate_SharedDevelopmentCorpus_ScoresNoWorseThanMeasured()
    {
        var report = CorpusEvaluator.CrossValidate(SharedCorpus.Logs, new AnalysisOptions(), folds: 5);

        // Each fold is judged by a model trained and calibrated without its projects. Regression guards at the
        // held-out figures measured when the judge landed (accuracy 0.827, macro-F1 0.812, ECE 0.054), and the
        // judge may not fall behind the rules on the same files by more than a file or two.
        report.Judge.Items.Should().HaveCountGreaterThanOrEqualTo(214);
        report.Judge.Accuracy.Should().BeGreaterThanOrEqualTo(0.80);
        report.Judge.MacroF1.Should().BeGreaterThanOrEqualTo(0.79);
        report.Judge.CalibrationError.Should().BeLessThanOrEqualTo(0.08);
        report.Judge.Accuracy.Should().BeGreaterThanOrEqualTo(report.Rules.Accuracy - 0.02);
    }

    [Fact]
    public void CrossValidate_ScoredOnTheSameRunsBuriedInCiNoise_KeepsItsFigures()
    {
        var noisy = NoisyLogs.Embed(SharedCorpus.Logs, _temp.Subfolder(), seed: 11);

        var clean = CorpusEvaluator.CrossValidate(SharedCorpus.Logs, new AnalysisOptions(), folds: 5);
        var buried = CorpusEvaluator.CrossValidate(SharedCorpus.Logs, new AnalysisOptions(), folds: 5, scoreFolder: noisy);

        buried.Judge.Accuracy.Should().BeGreaterThanOrEqualTo(clean.Judge.Accuracy - 0.05);
        buried.Judge.MacroF1.Should().BeGreaterThanOrEqualTo(clean.Judge.MacroF1 - 0.05);
    }

    [Fact]
    public void Evaluate_WrittenExcerptsWithTheShippedJudge_AreAtLeastNineteenInTwentyRight()
    {
        // The shipped model never saw these excerpts (they are this repository's, it is trained on the shared corpus).
        var report = CorpusEvaluator.Evaluate(TestPaths.Fixtures("classification"), new FailureAnalyzer());

        report.Accuracy.Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void Evaluate_WrittenExcerptsOfEveryTypeWithRulesAlone_ClassifiesEveryOneCorrectly()
    {
        var sut = new FailureAnalyzer(new AnalysisOptions { RulesOnly = true });

        var report = CorpusEvaluator.Evaluate(TestPaths.Fixtures("classification"), sut);

        report.Items.Where(i => !i.Correct).Select(i => $"{i.File}: {i.Expected} → {i.Actual}").Should().BeEmpty();
        report.Labels.Where(l => l.Support > 0).Select(l => l.Type).Should().BeEquivalentTo(ErrorTypes.All.Where(t => t != ErrorType.Unknown));
    }

    [Fact]
    public void Evaluate_ExcerptsInsideNoisyCiLogs_KeepsTheirClassification()
    {
        var noisy = NoisyLogs.Embed(TestPaths.Fixtures("classification"), _temp.Subfolder(), seed: 42);

        var clean = CorpusEvaluator.Evaluate(TestPaths.Fixtures("classification"), new FailureAnalyzer());
        var report = CorpusEvaluator.Evaluate(noisy, new FailureAnalyzer());
        var rules = CorpusEvaluator.Evaluate(noisy, new FailureAnalyzer(new AnalysisOptions { RulesOnly = true }));

        rules.Items.Where(i => !i.Correct).Select(i => $"{i.File}: {i.Expected} → {i.Actual}").Should().BeEmpty();
        // The judge reads the blocks beside a failure, and the noise holds passing tests about logins and 500s: when it
        // landed, one excerpt in 80 (a pytest timeout) turned auth_state under noise. A guard that it stays that rare.
        CorpusEvaluator.Changes(clean, report).Should().HaveCountLessThanOrEqualTo(1);
    }

    [Fact]
    public void Evaluate_ConfidentAnswers_AreRightAtLeastNineTimesInTen()
    {
        var sut = new FailureAnalyzer();

        var report = CorpusEvaluator.Evaluate(TestPaths.Fixtures("classification"), sut);

        report.ConfidentAnswers.Should().BeGreaterThan(report.Items.Count / 2);
        ((double)report.ConfidentCorrect / report.ConfidentAnswers).Should().BeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Evaluate_LabelOutsideTheTaxonomy_FailsWithTheFileNamed()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "a.log"), "Error: x");
        File.WriteAllText(Path.Combine(dir, "labels.json"), """[{"file":"a.log","label":"cosmic_rays"}]""");

        var act = () => CorpusEvaluator.Evaluate(dir, new FailureAnalyzer());

        act.Should().Throw<FixEngineException>().WithMessage("*a.log*cosmic_rays*");
    }
}
