using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Classification;

namespace Praxi.FixEngine.Tests.Classification;

public sealed class RuleSetTests
{
    [Fact]
    public void BuiltIn_EveryRule_HasLiteralsAWeightAndANonBacktrackingPattern()
    {
        var rules = RuleSet.BuiltIn;

        rules.Should().NotBeEmpty();
        rules.SelectMany(RuleSet.Validate).Should().BeEmpty();
        rules.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        rules.Select(r => r.Type).Distinct().Should().HaveCount(12);
    }

    [Fact]
    public void BuiltIn_PatternOnAHostileLine_ReturnsInLinearTime()
    {
        var sut = RuleSet.Create(null);
        var hostile = "waiting for " + string.Concat(Enumerable.Repeat("button timeout (", 20_000));

        var matched = sut.Rules.Count(r => r.MatchesLine(hostile));

        matched.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Validate_RuleWithoutLiterals_IsRefused()
    {
        var rule = new ClassificationRule { Id = "x", Type = ErrorType.Database, Literals = [] };

        RuleSet.Validate(rule).Should().ContainSingle().Which.Should().Contain("literals");
    }

    [Fact]
    public void Validate_PatternWithABackreference_IsRefused()
    {
        var rule = new ClassificationRule { Id = "x", Type = ErrorType.Database, Literals = ["a"], Pattern = @"(a)\1" };

        RuleSet.Validate(rule).Should().ContainSingle().Which.Should().Contain("NonBacktracking");
    }

    [Fact]
    public void Analyze_UserRuleForAnUnknownMessage_ClassifiesIt()
    {
        var dir = TestPaths.NewTempDir();
        var log = Path.Combine(dir, "run.log");
        File.WriteAllText(log, "step 4\nORA-00942: table or view does not exist\n");
        var options = new AnalysisOptions();
        options.Rules.Add(new ClassificationRule { Id = "oracle-missing-table", Type = ErrorType.Database, Weight = 0.9, Literals = ["ORA-00942"] });

        var withRule = new FailureAnalyzer(options).Analyze(log);

        withRule.Classification.ErrorType.Should().Be(ErrorType.Database);
        withRule.Classification.Evidence.Should().ContainSingle(e => e.Line == 2);
    }

    [Fact]
    public void Analyze_CustomClassifierMoreConfident_WinsWithItsEvidence()
    {
        var dir = TestPaths.NewTempDir();
        var log = Path.Combine(dir, "run.log");
        File.WriteAllText(log, "Error: frobnication failed\n");
        var options = new AnalysisOptions();
        options.Classifiers.Add(new FrobClassifier());

        var report = new FailureAnalyzer(options).Analyze(log);

        report.Classification.ErrorType.Should().Be(ErrorType.BrowserCrash);
        report.Classification.Failures[0].Evidence[0].Text.Should().Be("frob means the browser died");
    }

    private sealed class FrobClassifier : IFailureClassifier
    {
        public FailureVerdict? Classify(FailureContext failure) =>
            failure.Lines.Any(l => l.Contains("frob", StringComparison.Ordinal)) ? new FailureVerdict(ErrorType.BrowserCrash, 0.9, "frob means the browser died") : null;
    }
}
