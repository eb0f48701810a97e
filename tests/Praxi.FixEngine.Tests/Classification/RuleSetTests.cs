using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Classification;

public sealed class RuleSetTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

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
        var dir = _temp.Subfolder();
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
        var dir = _temp.Subfolder();
        var log = Path.Combine(dir, "run.log");
        File.WriteAllText(log, "Error: frobnication failed\n");
        var options = new AnalysisOptions();
        options.Classifiers.Add(new FrobClassifier());

        var report = new FailureAnalyzer(options).Analyze(log);

        report.Classification.ErrorType.Should().Be(ErrorType.BrowserCrash);
        report.Classification.Failures[0].Evidence[0].Text.Should().Be("frob means the browser died");
    }

    [Fact]
    public void BuiltIn_EveryPattern_Builds()
    {
        var act = () => RuleSet.BuiltIn.Where(r => r.Pattern is not null).Select(r => RuleSet.BuildPattern(r.Pattern!)).ToList();

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("Error: relation \"orders\" does not exist")]
    [InlineData("[WebServer] GET /api/auth/login 200 5ms")]
    [InlineData("nothing to see here")]
    [InlineData("TimeoutError: locator.click: Timeout 30000ms exceeded.\nwaiting for locator('#x')")]
    [InlineData("ECONNRESET ECONNRESET econnreset 5432 :5432 mongo MONGO")]
    [InlineData("ſeed-data missing, ſtrict mode violation")]
    [InlineData("é500 Internal Server Error: /api/orders")]
    [InlineData("")]
    public void FindLiteralRules_Line_SameRulesAsContainsPerLiteral(string line)
    {
        var sut = RuleSet.Create(null);
        var hits = new bool[sut.Rules.Count];

        var any = sut.FindLiteralRules(line, hits);

        var expected = sut.Rules.Select(r => r.Rule.Literals.Any(l => line.Contains(l, StringComparison.OrdinalIgnoreCase))).ToArray();
        hits.Should().Equal(expected);
        any.Should().Be(expected.Any(e => e));
    }

    [Fact]
    public void FindLiteralRules_CorpusLikeLines_SameRulesAsContainsPerLiteral()
    {
        var sut = RuleSet.Create(null);
        var hits = new bool[sut.Rules.Count];
        var literals = sut.Rules.SelectMany(r => r.Rule.Literals).Distinct().ToArray();
        var random = new Random(5);

        for (var n = 0; n < 500; n++)
        {
            var line = string.Join(random.Next(2) == 0 ? " " : "", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Mangle(literals[random.Next(literals.Length)], random)));
            sut.FindLiteralRules(line, hits);
            var expected = sut.Rules.Select(r => r.Rule.Literals.Any(l => line.Contains(l, StringComparison.OrdinalIgnoreCase))).ToArray();
            hits.Should().Equal(expected, because: $"'{line}'");
        }
    }

    private static string Mangle(string literal, Random random) => random.Next(4) switch
    {
        0 => literal.ToUpperInvariant(),
        1 => literal[..Math.Max(1, literal.Length - 1)],
        2 => literal[1..],
        _ => literal,
    };

    private sealed class FrobClassifier : IFailureClassifier
    {
        public FailureVerdict? Classify(FailureContext failure) =>
            failure.Lines.Any(l => l.Contains("frob", StringComparison.Ordinal)) ? new FailureVerdict(ErrorType.BrowserCrash, 0.9, "frob means the browser died") : null;
    }
}
