using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Judging;

/// <summary>
/// Turns a <see cref="JudgeInput"/> into named features: the rules' scores and verdict as numbers, the words and
/// word pairs of the lines as present/absent (scaled so that a long block does not outweigh the rules), the runner
/// and format as flags. One home for the names, so training and judging cannot drift apart.
/// </summary>
internal static class JudgeFeatures
{
    /// <summary>Lines read per run; a failure block and its neighbours fit well within this.</summary>
    public const int MaxLines = 400;

    private const int MaxLineLength = 1000;
    private const int MaxWordLength = 40;

    /// <summary>The features of one run, each name once.</summary>
    public static Dictionary<string, double> Extract(JudgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var type in ErrorTypes.All)
        {
            var i = (int)type;
            AddScore(features, "own:" + type.ToName(), i < input.OwnScores.Count ? input.OwnScores[i] : 0);
            AddScore(features, "ctx:" + type.ToName(), i < input.ContextScores.Count ? input.ContextScores[i] : 0);
        }

        features["rule:" + input.RuleType.ToName()] = 1;
        features["rule-confidence"] = Clean(input.RuleConfidence);
        foreach (var runner in input.Runners)
        {
            features["runner:" + runner.ToLowerInvariant()] = 1;
        }

        foreach (var format in input.Formats)
        {
            features["format:" + format.ToLowerInvariant()] = 1;
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in input.Lines.Take(MaxLines))
        {
            words.UnionWith(LineFeatures(line.Text));
        }

        if (words.Count > 0)
        {
            var value = 1 / Math.Sqrt(words.Count);
            foreach (var w in words)
            {
                features[w] = value;
            }
        }

        return features;
    }

    /// <summary>The word and word-pair features of one line (<c>w:timeout</c>, <c>b:timeout exceeded</c>).</summary>
    public static IEnumerable<string> LineFeatures(string line)
    {
        string? previous = null;
        foreach (var word in Words(line))
        {
            yield return "w:" + word;
            if (previous is not null)
            {
                yield return "b:" + previous + " " + word;
            }

            previous = word;
        }
    }

    /// <summary>
    /// Lower-case runs of letters and digits. Numbers are dropped (ports, ids, durations say nothing of the cause)
    /// except three-digit ones that may be HTTP statuses; long letter-and-digit runs (hashes, ids) are dropped too.
    /// </summary>
    public static IEnumerable<string> Words(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Length > MaxLineLength ? line[..MaxLineLength] : line;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var word = Word(text.AsSpan(start, i - start));
                start = -1;
                if (word is not null)
                {
                    yield return word;
                }
            }
        }
    }

    private static string? Word(ReadOnlySpan<char> run)
    {
        var digits = 0;
        foreach (var c in run)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        if (digits == run.Length)
        {
            return run.Length == 3 && run[0] is >= '1' and <= '5' ? run.ToString() : null;
        }

        if (run.Length < 2 || run.Length > MaxWordLength || (digits > 0 && run.Length > 12) || digits * 2 > run.Length)
        {
            return null;
        }

        return run.ToString().ToLowerInvariant();
    }

    private static void AddScore(Dictionary<string, double> features, string name, double score)
    {
        var s = Clean(score);
        if (s > 0)
        {
            features[name] = s;
        }
    }

    private static double Clean(double value) => double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;
}
