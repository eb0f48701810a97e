using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>Runs the rules over one block of lines (a test's failure text or a log signal).</summary>
internal sealed class BlockScorer(RuleSet rules)
{
    public RuleSet Rules { get; } = rules;

    /// <summary>True when some rule matches the line on its own (block conditions aside) and it is not noise.</summary>
    public bool IsEvidenceLine(string text)
    {
        if (text.AsSpan().IndexOfAny(Rules.Anchors) < 0 || NoiseLines.IsNoise(text))
        {
            return false;
        }

        foreach (var rule in Rules.Rules)
        {
            if (rule.MatchesLine(text))
            {
                return true;
            }
        }

        return false;
    }

    public BlockScore Score(string source, IReadOnlyList<LogLine> lines)
    {
        List<RuleHit>? hits = null;
        string? blockText = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            if (text.AsSpan().IndexOfAny(Rules.Anchors) < 0 || NoiseLines.IsNoise(text))
            {
                continue;
            }

            foreach (var rule in Rules.Rules)
            {
                if (!rule.MatchesLine(text))
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

                (hits ??= []).Add(new RuleHit(r, source, line, r.Weight));
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
