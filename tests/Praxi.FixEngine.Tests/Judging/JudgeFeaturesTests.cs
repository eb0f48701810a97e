using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Tests.Judging;

public sealed class JudgeFeaturesTests
{
    [Fact]
    public void Words_LogLine_LowerCasesAndDropsIdsAndNumbersButKeepsStatusCodes()
    {
        var words = JudgeFeatures.Words("GET /api/orders/8812 returned 500 after 1234ms (req a1b2c3d4e5f6a7b8c9)").ToList();

        words.Should().Equal("get", "api", "orders", "returned", "500", "after", "req");
    }

    [Fact]
    public void Extract_RulesAndLines_NamesScoresVerdictRunnerAndWordPairs()
    {
        var own = new double[Enum.GetValues<ErrorType>().Length];
        own[(int)ErrorType.Database] = 0.9;
        var input = new JudgeInput(own, [], ErrorType.Database, 0.85, [new EvidenceLine("a.log", 3, "relation does not exist")], ["pytest"], ["PlainText"]);

        var features = JudgeFeatures.Extract(input);

        features.Should().Contain("own:database", 0.9).And.Contain("rule:database", 1).And.Contain("rule-confidence", 0.85)
            .And.ContainKey("runner:pytest").And.ContainKey("format:plaintext").And.ContainKey("b:does not");
        features.Where(f => f.Key.StartsWith("w:", StringComparison.Ordinal) || f.Key.StartsWith("b:", StringComparison.Ordinal))
            .Sum(f => f.Value * f.Value).Should().BeApproximately(1, 1e-9, "a long block must not outweigh the rules");
    }
}
