using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>Runs the rules over one block of lines (a test's failure text or a log signal).</summary>
internal sealed class BlockScorer(RuleSet rules)
{
    /// <summary>Lines this far into a block (deep call logs, long stacks) count a little less.</summary>
    private const int FullWeightLines = 40;

    public RuleSet Rules { get; } = rules;

    public BlockScore Score(string source, IReadOnlyList<LogLine> lines)
    {
        List<RuleHit>? hits = null;
        string? blockText = null;
        var rules = Rules.Rules;
        var literalHits = rules.Count <= 256 ? stackalloc bool[rules.Count] : new bool[rules.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            if (!Rules.FindLiteralRules(text, literalHits) || NoiseLines.IsNoise(text))
            {
                continue;
            }

            var position = i < FullWeightLines ? 1d : 0.9;
            for (var k = 0; k < rules.Count; k++)
            {
                var rule = rules[k];
                if (!literalHits[k] || !rule.MatchesPattern(text))
                {
                    continue;
                }

                var r = rule.Rule;
                if (r.BlockRequires.Count > 0 || r.BlockExcludes.Count > 0)
                {
                    blockText ??= JoinLower(lines);
                    if (r.BlockRequires.Count > 0 && !r.BlockRequires.Any(l => blockText.Contains(l, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    if (r.BlockExcludes.Any(l => blockText.Contains(l, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }
                }

                (hits ??= []).Add(new RuleHit(r, source, line, r.Weight * position));
            }
        }

        return hits is null ? BlockScore.Empty : new BlockScore(hits);
    }

    private static string JoinLower(IReadOnlyList<LogLine> lines)
    {
        var total = 0;
        var parts = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (NoiseLines.IsNoise(line.Text))
            {
                continue;
            }

            parts.Add(line.Text);
            total += line.Text.Length + 1;
            if (total > 256 * 1024)
            {
                break;
            }
        }

        return string.Join('\n', parts);
    }
}
