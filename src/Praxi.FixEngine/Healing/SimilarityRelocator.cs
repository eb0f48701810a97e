using System.Globalization;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// Finds the element of a new page that is the old page's target, by a Similo-style weighted similarity over the
/// element's properties, and abstains when the best candidate is not clearly the one. A wrong answer becomes a
/// wrong heal, which is worse than none, so the relocator answers only when the best score clears
/// <see cref="Threshold"/> and beats the runner-up by <see cref="Margin"/>.
/// </summary>
internal static class SimilarityRelocator
{
    /// <summary>
    /// The lowest similarity (0–1) the relocator answers with. Below it fewer than about half of what the target
    /// showed (weighted) is still there, and the element is more likely gone than changed.
    /// </summary>
    public const double Threshold = 0.45;

    /// <summary>
    /// How much the best score must beat the runner-up by. Two candidates this close differ in no more than one
    /// weak property (a class, a path step), which is what duplicates and siblings look like.
    /// </summary>
    public const double Margin = 0.05;

    /// <summary>How many of the best candidates a result lists.</summary>
    public const int TopCount = 3;

    // The weights of the Similo paper (Nass et al., TOSEM 2023): properties that name the element (tag, id, name,
    // what it says, what is around it) weigh three times the ones that shift with every redesign (classes, links,
    // paths, place and size). 'type' is not in the paper; it names a form control as strongly as 'name' does, but
    // is rarer and often defaults, so it gets the weak weight.
    private const double Strong = 1.5;
    private const double Weak = 0.5;

    // Geometry compares within one extraction only. Two boxes this far apart (CSS px) are not the same place;
    // a redesign moves elements by tens of pixels, not by screens.
    private const double FarApartPx = 250;

    /// <summary>Scores every candidate against the target and answers or abstains.</summary>
    public static RelocationResult Relocate(ElementProps target, IReadOnlyList<RelocationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(candidates);

        var features = new Features(target);
        var scored = new List<ScoredCandidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            scored.Add(new ScoredCandidate(candidate.Id, features.Score(candidate.Props)));
        }

        // Stable: equal scores keep the candidates' order, and an exact tie always abstains below.
        var top = scored.OrderByDescending(s => s.Score).Take(TopCount).ToArray();
        if (top.Length == 0 || top[0].Score < Threshold)
        {
            return new RelocationResult(RelocationOutcome.ElementGone, null, top);
        }

        if (top.Length > 1 && top[0].Score - top[1].Score < Margin)
        {
            return new RelocationResult(RelocationOutcome.Ambiguous, null, top);
        }

        return new RelocationResult(RelocationOutcome.Found, top[0].Id, top);
    }

    /// <summary>Every candidate's similarity to the target, by candidate id (for diagnosis and reports).</summary>
    public static IReadOnlyDictionary<string, double> ScoreAll(ElementProps target, IReadOnlyList<RelocationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(candidates);

        var features = new Features(target);
        return candidates.ToDictionary(c => c.Id, c => features.Score(c.Props), StringComparer.Ordinal);
    }

    /// <summary>The target's properties, normalised once, and the comparison of one candidate against them.</summary>
    private sealed class Features
    {
        private readonly ElementProps _target;
        private readonly string _tag;
        private readonly string? _id;
        private readonly string? _name;
        private readonly string? _type;
        private readonly HashSet<string>? _classes;
        private readonly HashSet<string>? _text;
        private readonly HashSet<string>? _around;
        private readonly string[]? _href;
        private readonly string[]? _xpath;
        private readonly string[]? _idxpath;

        public Features(ElementProps target)
        {
            _target = target;
            _tag = Lower(target.Tag)!;
            _id = Lower(target.Id);
            _name = Lower(target.Name);
            _type = Lower(target.Type);
            _classes = Classes(target.Class);
            _text = Words(target.SeenText);
            _around = Words(target.AroundText);
            _href = HrefSteps(target.Href);
            _xpath = target.XPath is null ? null : PathSteps(target.XPath);
            _idxpath = target.IdXPath is null ? null : PathSteps(IdPath(target.IdXPath));
        }

        public double Score(ElementProps c)
        {
            double sum = 0, weights = 0;

            void Add(double weight, double similarity)
            {
                sum += weight * similarity;
                weights += weight;
            }

            Add(Strong, string.Equals(_tag, Lower(c.Tag), StringComparison.Ordinal) ? 1 : 0);
            if (_id is not null)
            {
                Add(Strong, string.Equals(_id, Lower(c.Id), StringComparison.Ordinal) ? 1 : 0);
            }

            if (_name is not null)
            {
                Add(Strong, string.Equals(_name, Lower(c.Name), StringComparison.Ordinal) ? 1 : 0);
            }

            if (_type is not null)
            {
                Add(Weak, string.Equals(_type, Lower(c.Type), StringComparison.Ordinal) ? 1 : 0);
            }

            if (_text is not null)
            {
                Add(Strong, Jaccard(_text, Words(c.SeenText)));
            }

            if (_around is not null)
            {
                Add(Strong, Jaccard(_around, Words(c.AroundText)));
            }

            if (_classes is not null)
            {
                Add(Weak, Jaccard(_classes, Classes(c.Class)));
            }

            if (_href is not null)
            {
                Add(Weak, Href(_href, HrefSteps(c.Href)));
            }

            if (_xpath is not null)
            {
                Add(Weak, c.XPath is null ? 0 : Steps(_xpath, PathSteps(c.XPath)));
            }

            if (_idxpath is not null)
            {
                Add(Weak, c.IdXPath is null ? 0 : Steps(_idxpath, PathSteps(IdPath(c.IdXPath))));
            }

            // Geometry only where both sides were measured: a missing box says which extractor ran, not where
            // the element is (the dataset README's warning), so it neither helps nor hurts.
            if (_target is { X: { } tx, Y: { } ty } && c is { X: { } cx, Y: { } cy })
            {
                var distance = Math.Sqrt(Math.Pow(tx - cx, 2) + Math.Pow(ty - cy, 2));
                Add(Weak, Math.Max(0, 1 - (distance / FarApartPx)));
            }

            if (_target.Area is { } ta && c.Area is { } ca)
            {
                Add(Weak, Ratio(ta, ca));
            }

            if (_target.Shape is { } ts && c.Shape is { } cs)
            {
                Add(Weak, Ratio(ts, cs));
            }

            if (_target.IsButton is { } tb && c.IsButton is { } cb)
            {
                Add(Weak, tb == cb ? 1 : 0);
            }

            return weights == 0 ? 0 : sum / weights;
        }
    }

    private static string? Lower(string? value) => value?.Trim().ToLowerInvariant() is { Length: > 0 } s ? s : null;

    private static HashSet<string>? Classes(string? value) =>
        Lower(value) is { } s ? [.. s.Split(' ', StringSplitOptions.RemoveEmptyEntries)] : null;

    private static HashSet<string>? Words(string? value)
    {
        if (Lower(value) is not { } s)
        {
            return null;
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var inWord = i < s.Length && char.IsLetterOrDigit(s[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(s[start..i]);
                start = -1;
            }
        }

        return words.Count == 0 ? null : words;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string>? b)
    {
        if (b is null)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>The path and query of a link, in steps: archive prefixes and hosts change, the path names the page.</summary>
    private static string[]? HrefSteps(string? href)
    {
        if (Lower(href) is not { } s)
        {
            return null;
        }

        // A Wayback URL embeds the original one; the last scheme is the link's own.
        var at = Math.Max(s.LastIndexOf("http://", StringComparison.Ordinal), s.LastIndexOf("https://", StringComparison.Ordinal));
        if (at >= 0)
        {
            var rest = s[(s.IndexOf("//", at, StringComparison.Ordinal) + 2)..];
            var slash = rest.IndexOfAny(['/', '?', '#']);
            s = slash < 0 ? "/" : rest[slash..];
        }

        var hash = s.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && hash < s.Length - 1)
        {
            s = s[..hash] + "/" + s[(hash + 1)..];
        }

        return s.Split(['/', '?', '&'], StringSplitOptions.RemoveEmptyEntries);
    }

    private static double Href(string[] a, string[]? b)
    {
        if (b is null)
        {
            return 0;
        }

        if (a.AsSpan().SequenceEqual(b))
        {
            return 1;
        }

        return Jaccard([.. a], [.. b]);
    }

    /// <summary><c>id("x")/div[1]</c> and <c>//*[@id='x']/div[1]</c> are the same path.</summary>
    private static string IdPath(string idxpath)
    {
        if (idxpath.StartsWith("id(\"", StringComparison.Ordinal))
        {
            var end = idxpath.IndexOf("\")", StringComparison.Ordinal);
            if (end > 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"//*[@id='{idxpath[4..end]}']{idxpath[(end + 2)..]}");
            }
        }

        return idxpath;
    }

    private static string[] PathSteps(string path) => path.ToLowerInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Shared leading and trailing steps over the longer path: a wrapper added or a sibling inserted costs one step.</summary>
    private static double Steps(string[] a, string[] b)
    {
        var longest = Math.Max(a.Length, b.Length);
        if (longest == 0)
        {
            return 0;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        return (double)(prefix + suffix) / longest;
    }

    private static double Ratio(int a, int b)
    {
        var (lo, hi) = (Math.Min(Math.Abs(a), Math.Abs(b)), Math.Max(Math.Abs(a), Math.Abs(b)));
        return hi == 0 ? 1 : (double)lo / hi;
    }
}
