using System.Runtime.CompilerServices;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>Runs the rules over one block of lines (a test's failure text or a log signal).</summary>
internal sealed class BlockScorer(RuleSet rules) : IBlockScorer
{
    /// <summary>Lines at least this long keep their line-level result (a block is scored by the scanner, the
    /// classifier and the report; a 64 KiB line costs milliseconds per pass, a short one less than the lookup).</summary>
    private const int RememberFromLength = 1024;

    private static readonly int[] NoRules = [];

    /// <summary>Line-level results of long lines, keyed by the line's string instance (dropped with it).</summary>
    private readonly ConditionalWeakTable<string, int[]> _longLines = [];

    public RuleSet Rules { get; } = rules;

    /// <summary>True when some rule matches the line on its own (block conditions aside) and it is not noise.</summary>
    public bool IsEvidenceLine(string text)
    {
        var count = Rules.Rules.Count;
        var literalHits = count <= 256 ? stackalloc bool[count] : new bool[count];
        return LineRules(text, literalHits).Length > 0;
    }

    /// <inheritdoc />
    public double BestScore(string source, IReadOnlyList<LogLine> lines) => Score(source, lines).BestScore;

    public BlockScore Score(string source, IReadOnlyList<LogLine> lines)
    {
        List<RuleHit>? hits = null;
        string? blockText = null;
        var rules = Rules.Rules;
        var literalHits = rules.Count <= 256 ? stackalloc bool[rules.Count] : new bool[rules.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineRules = LineRules(line.Text, literalHits);
            if (lineRules.Length == 0)
            {
                continue;
            }

            foreach (var k in lineRules)
            {
                var r = rules[k].Rule;
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

    /// <summary>The rules (indexes, ascending) that fire on this line on its own: a literal and the pattern; none on a noise or browser console context line.</summary>
    private int[] LineRules(string text, Span<bool> literalHits)
    {
        if (text.Length < RememberFromLength)
        {
            return ComputeLineRules(text, literalHits);
        }

        if (!_longLines.TryGetValue(text, out var remembered))
        {
            remembered = ComputeLineRules(text, literalHits);
            _longLines.AddOrUpdate(text, remembered);
        }

        return remembered;
    }

    private int[] ComputeLineRules(string text, Span<bool> literalHits)
    {
        // Browser console context is checked last: only lines that carry a rule literal pay for it.
        if (NoiseLines.IsNoise(text) || !Rules.FindLiteralRules(text, literalHits) || BrowserConsole.IsContext(text))
        {
            return NoRules;
        }

        var rules = Rules.Rules;
        var count = 0;
        Span<int> found = literalHits.Length <= 256 ? stackalloc int[literalHits.Length] : new int[literalHits.Length];
        for (var k = 0; k < rules.Count; k++)
        {
            if (literalHits[k] && rules[k].MatchesPattern(text))
            {
                found[count++] = k;
            }
        }

        return count == 0 ? NoRules : found[..count].ToArray();
    }

    private static string JoinLower(IReadOnlyList<LogLine> lines)
    {
        var total = 0;
        var parts = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (NoiseLines.IsNoiseOrContext(line.Text))
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
