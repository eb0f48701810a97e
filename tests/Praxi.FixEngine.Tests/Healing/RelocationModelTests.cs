using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Evaluation;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class RelocationModelTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("relocation-model");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BuiltIn_LoadsAndWritesBackTheSameFile()
    {
        var path = _temp.Combine("again.json");
        File.WriteAllText(path, RelocationModel.BuiltIn.ToJson());

        RelocationModel.Load(path).ToJson().Should().Be(RelocationModel.BuiltIn.ToJson());
    }

    [Fact]
    public async Task SaveAsync_TrainedModel_RoundTripsWeightsCalibrationAndRisk()
    {
        var data = _temp.Combine("data");
        Directory.CreateDirectory(data);
        SyntheticRelocation.Write(data, sites: 4, targets: 8, seed: 5);
        var model = RelocationDatasetEvaluator.Train([data]);
        var path = _temp.Combine("trained.json");

        await model.SaveAsync(path);
        var loaded = RelocationModel.Load(path);

        loaded.Calibrated.Should().BeTrue();
        loaded.ToJson().Should().Be(model.ToJson());
        loaded.Training.Sites.Should().Be(4);
        loaded.Training.Targets.Should().Be(32);
    }

    [Theory]
    [InlineData("""{"format":"praxi-judge","version":1}""", "not a Praxi relocation weights file")]
    [InlineData("""{"format":"praxi-relocation-weights","version":2}""", "version 2")]
    [InlineData("""{"format":"praxi-relocation-weights","version":1,"weights":{"tag":1}}""", "lack the property")]
    [InlineData("""{"format":"praxi-relocation-weights","version":1,"weights":{WEIGHTS,"aria":1}}""", "'aria'")]
    [InlineData("""{"format":"praxi-relocation-weights","version":1,"weights":{WEIGHTS},"calibration":[1,2]}""", "calibration must be 6")]
    [InlineData("""{"format":"praxi-relocation-weights","version":1,"weights":{WEIGHTS},"max_risk":1}""", "max_risk")]
    [InlineData("""{"format":"praxi-relocation-weights","version":1,"weights":{WEIGHTS_NEGATIVE}}""", "≥ 0")]
    [InlineData("""{"format":""", "not valid JSON")]
    public void Load_BrokenFile_OneClearLine(string text, string expected)
    {
        var all = string.Join(',', AllKeys.Select(k => $"\"{k}\":1"));
        var path = _temp.Combine("weights.json");
        File.WriteAllText(path, text.Replace("WEIGHTS_NEGATIVE", all.Replace("\"tag\":1", "\"tag\":-1", StringComparison.Ordinal), StringComparison.Ordinal).Replace("WEIGHTS", all, StringComparison.Ordinal));

        var act = () => RelocationModel.Load(path);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain(expected).And.NotContain("\n");
    }

    [Fact]
    public void Decide_CalibratedModel_AnswersOnlyWithinTheAcceptedRisk()
    {
        // Confidence rises with the gap to the runner-up only: σ(−4 + 40 × gap).
        var model = new RelocationModel(RelocationModel.Similo.Weights, [-4, 0, 40, 0, 0, 0], maxRisk: 0.05, new RelocationTraining());
        ScoredCandidate[] close = [new("a", 0.90), new("b", 0.80)];
        ScoredCandidate[] clear = [new("a", 0.90), new("b", 0.70)];

        SimilarityRelocator.Decide(close, model).Outcome.Should().Be(RelocationOutcome.Ambiguous, "σ(0) = 0.5 leaves a risk of 0.5");
        SimilarityRelocator.Decide(clear, model).ChosenId.Should().Be("a", "σ(4) ≈ 0.98 leaves a risk under 0.05");
        SimilarityRelocator.Decide(close, RelocationModel.Similo).ChosenId.Should().Be("a", "the hand-set margins accept a 0.1 gap at 0.9");
    }

    [Fact]
    public void Decide_CalibratedModel_StillSaysGoneBelowTheThresholdAndWithoutTheName()
    {
        var model = new RelocationModel(RelocationModel.Similo.Weights, [10, 0, 0, 0, 0, 0], maxRisk: 0.05, new RelocationTraining());

        SimilarityRelocator.Decide([new("a", 0.40), new("b", 0.10)], model).Outcome.Should().Be(RelocationOutcome.ElementGone);
        SimilarityRelocator.Decide([new("a", 0.90, Identity: 0.1), new("b", 0.10)], model).Outcome.Should().Be(RelocationOutcome.ElementGone);
    }

    [Fact]
    public void Train_SameData_SameWeightsFile()
    {
        var data = _temp.Combine("data");
        Directory.CreateDirectory(data);
        SyntheticRelocation.Write(data, sites: 3, targets: 6, seed: 9);

        RelocationDatasetEvaluator.Train([data]).ToJson().Should().Be(RelocationDatasetEvaluator.Train([data]).ToJson());
    }

    [Fact]
    public void Train_OneSite_SaysItNeedsTwo()
    {
        var data = _temp.Combine("data");
        Directory.CreateDirectory(data);
        SyntheticRelocation.Write(data, sites: 1, targets: 6, seed: 9);

        var act = () => RelocationDatasetEvaluator.Train([data]);

        act.Should().Throw<FixEngineException>().WithMessage("*at least two sites*");
    }

    [Fact]
    public void FitWeights_NamesSurviveAndPlacesDoNot_LearnsToTrustTheName()
    {
        var data = _temp.Combine("data");
        Directory.CreateDirectory(data);
        SyntheticRelocation.Write(data, sites: 4, targets: 10, seed: 3);
        var model = RelocationDatasetEvaluator.Train([data]);
        var w = model.Weights;
        var similo = RelocationModel.Similo.Weights;

        (w[(int)RelocationProperty.Text] / w[(int)RelocationProperty.Around]).Should().BeGreaterThan(similo[(int)RelocationProperty.Text] / similo[(int)RelocationProperty.Around]);
        (w[(int)RelocationProperty.Text] / w[(int)RelocationProperty.XPath]).Should().BeGreaterThan(similo[(int)RelocationProperty.Text] / similo[(int)RelocationProperty.XPath]);
    }

    [Fact]
    public void CrossValidate_GroupedBySite_LearnedBeatsHandSetOnSitesItDidNotSee()
    {
        var first = _temp.Combine("first");
        var second = _temp.Combine("second");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        SyntheticRelocation.Write(first, sites: 6, targets: 10, seed: 1, name: "first");
        SyntheticRelocation.Write(second, sites: 4, targets: 10, seed: 2, name: "second");

        var cv = RelocationDatasetEvaluator.CrossValidate([first, second], folds: 3);

        cv.Learned.Select(d => d.Dataset).Should().Equal("first", "second");
        cv.FoldResults.Should().HaveCount(6);
        cv.FoldResults.Sum(f => f.Pairs).Should().Be(100, "every target is scored once, in its site's fold");
        var learned = cv.Learned.Sum(d => d.Total(withAnswersOnlySites: true).Correct);
        var handSet = cv.Baseline.Sum(d => d.Total(withAnswersOnlySites: true).Correct);
        learned.Should().BeGreaterThan(handSet);
        cv.Learned.Sum(d => d.Total(withAnswersOnlySites: true).Wrong).Should().BeLessThanOrEqualTo(2);
        cv.Ranking.Sum(r => r.Targets).Should().Be(100);
        cv.Ranking.Sum(r => r.Learned).Should().BeGreaterThan(cv.Ranking.Sum(r => r.HandSet), "the look-alikes in the old places outrank the answers under the paper's weights");
        cv.Curve.Should().NotBeEmpty();
        cv.Curve.Select(p => p.Answered).Should().BeInAscendingOrder();
    }

    [Fact]
    public void CrossValidate_FewerSitesThanFolds_OneClearLine()
    {
        var data = _temp.Combine("data");
        Directory.CreateDirectory(data);
        SyntheticRelocation.Write(data, sites: 2, targets: 4, seed: 1);

        var act = () => RelocationDatasetEvaluator.CrossValidate([data], folds: 5);

        act.Should().Throw<FixEngineException>().WithMessage("*needs at least 5 sites*");
    }

    [Fact]
    public void Relocate_BuiltInModel_IsWhatRelocateUsesByDefault()
    {
        var target = new ElementProps { Tag = "BUTTON", XPath = "/html[1]/body[1]/button[1]", Text = "Export CSV" };
        RelocationCandidate[] page =
        [
            new("a", new ElementProps { Tag = "BUTTON", XPath = "/html[1]/body[1]/div[1]/button[1]", Text = "Export CSV" }),
            new("b", new ElementProps { Tag = "A", XPath = "/html[1]/body[1]/a[1]", Text = "Help" }),
        ];

        SimilarityRelocator.Relocate(target, page).Should().BeEquivalentTo(SimilarityRelocator.Relocate(target, page, RelocationModel.BuiltIn));
    }

    private static readonly string[] AllKeys = Enumerable.Range(0, RelocationProperties.Count).Select(i => RelocationProperties.Key((RelocationProperty)i)).ToArray();
}
