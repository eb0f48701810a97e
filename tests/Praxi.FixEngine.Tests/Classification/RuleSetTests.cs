using Praxi.FixEngine.Classification;

namespace Praxi.FixEngine.Tests.Classification;

public sealed class RuleSetTests
{
    [Fact]
    public void BuiltIn_EveryRule_IsValid()
    {
        var problems = RuleSet.BuiltIn.SelectMany(RuleSet.Validate).ToList();

        problems.Should().BeEmpty(because: "built-in rules are not re-validated when an analyzer starts");
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
}
