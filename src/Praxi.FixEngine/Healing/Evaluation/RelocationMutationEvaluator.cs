using AngleSharp.Dom;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>
/// A development set made from any HTML pages: for every page and a seeded sample of its elements (interactive
/// ones and ones that carry text), each <see cref="RelocationMutation"/> is applied to a fresh copy of the page,
/// the element's fingerprint from the unchanged page is relocated among the mutated page's candidates, and the
/// answer is checked against where the element really is (strict identity; a removed element must be abstained on).
/// <c>praxi bench relocate --mutate</c> runs it on the user's own pages.
/// </summary>
public static class RelocationMutationEvaluator
{
    /// <summary>The seed when none is given.</summary>
    public const int DefaultSeed = 1;

    /// <summary>Elements sampled per page (all of them when a page has fewer).</summary>
    public const int TargetsPerPage = 15;

    // Texts longer than this are paragraphs or containers, not the labels a test looks for.
    private const int MaxTargetText = 80;

    private static readonly HashSet<string> InteractiveRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "button", "link", "checkbox", "radio", "tab", "menuitem", "switch", "textbox", "searchbox", "combobox", "spinbutton", "slider", "option", "listbox",
    };

    /// <summary>Runs every <c>*.html</c> file under the folders (sorted by path, so the sample depends on the seed only).</summary>
    /// <param name="folders">Folders of HTML pages, searched recursively.</param>
    /// <param name="seed">The sampling and mutation seed: the same seed and pages give the same cases.</param>
    /// <param name="model">The relocation model; null for the built-in one.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Every case and the counts per mutation.</returns>
    /// <exception cref="FixEngineException">A folder does not exist, or holds no HTML page.</exception>
    public static RelocationMutationReport Evaluate(IReadOnlyList<string> folders, int seed = DefaultSeed, RelocationModel? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var files = new List<string>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new FixEngineException($"'{folder}' is not a folder: bench relocate --mutate takes folders of HTML pages.");
            }

            files.AddRange(Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories));
        }

        files.Sort(StringComparer.Ordinal);
        if (files.Count == 0)
        {
            throw new FixEngineException($"No *.html file under {string.Join(", ", folders.Select(f => $"'{f}'"))}: bench relocate --mutate needs HTML pages.");
        }

        var cases = new List<RelocationMutationCase>();
        var targets = 0;
        for (var p = 0; p < files.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var html = File.ReadAllText(files[p]);
            var label = Path.GetRelativePath(Directory.GetCurrentDirectory(), files[p]);
            var sampled = Sample(html, new Random(Mix(seed, p, 0, 0)));
            targets += sampled.Count;
            for (var t = 0; t < sampled.Count; t++)
            {
                var (index, props) = sampled[t];
                foreach (var mutation in Enum.GetValues<RelocationMutation>())
                {
                    if (Mutate(html, index, props, mutation, new Random(Mix(seed, p, t + 1, (int)mutation + 1)), model) is { } outcome)
                    {
                        cases.Add(new RelocationMutationCase(label, props.XPath ?? "?", mutation, outcome.Truth, outcome.Result));
                    }
                }
            }
        }

        return new RelocationMutationReport(files.Count, targets, seed, cases);
    }

    /// <summary>
    /// The sampled targets of a page: the position of each in document order (the same in every fresh parse) and
    /// its fingerprint on the unchanged page.
    /// </summary>
    internal static List<(int Index, ElementProps Props)> Sample(string html, Random random)
    {
        var document = DomLoader.Parse(html);
        var all = document.All.ToList();
        var eligible = new List<(int, ElementProps)>();
        foreach (var candidate in ElementFingerprints.Candidates(document))
        {
            var index = all.IndexOf(candidate.Element);
            if (index >= 0 && IsTarget(candidate))
            {
                eligible.Add((index, candidate.Props));
            }
        }

        // Fisher–Yates on the seeded generator, then the first few.
        for (var i = eligible.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (eligible[i], eligible[j]) = (eligible[j], eligible[i]);
        }

        return eligible.Take(TargetsPerPage).OrderBy(e => e.Item1).ToList();
    }

    /// <summary>Applies the mutation to a fresh copy and relocates; null when the mutation does not apply.</summary>
    internal static (string? Truth, RelocationResult Result)? Mutate(string html, int index, ElementProps target, RelocationMutation mutation, Random random, RelocationModel? model = null)
    {
        var copy = DomLoader.Parse(html);
        var element = copy.All[index];
        if (!RelocationMutator.TryApply(mutation, element, random))
        {
            return null;
        }

        var candidates = ElementFingerprints.Candidates(copy);
        string? truth = null;
        if (mutation != RelocationMutation.Removed)
        {
            truth = candidates.FirstOrDefault(c => ReferenceEquals(c.Element, element))?.Props.XPath;
            if (truth is null)
            {
                return null; // the element is no longer a candidate (nothing to find): not a relocation case
            }
        }

        var page = new RelocationPage([.. candidates.Select(c => new RelocationCandidate(c.Props.XPath!, c.Props))]);
        return (truth, SimilarityRelocator.Relocate(target, page, model));
    }

    private static bool IsTarget(DomCandidate candidate)
    {
        var props = candidate.Props;
        if (props.Hidden == true)
        {
            return false; // a test does not act on what the user cannot see
        }

        var tag = candidate.Element.LocalName;
        var interactive = tag switch
        {
            "a" => candidate.Element.HasAttribute("href"),
            "button" or "select" or "textarea" => true,
            "input" => !string.Equals(candidate.Element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase),
            _ => props.Role is { } role && InteractiveRoles.Contains(role),
        };

        var ownText = candidate.Element.ChildNodes.OfType<IText>().Any(t => t.Data.Any(char.IsLetterOrDigit));
        var textBearing = ownText && props.Text is { Length: > 0 and <= MaxTargetText };
        return interactive || textBearing;
    }

    // A seed per page, target and mutation, so that one case's randomness does not depend on the others.
    private static int Mix(int seed, int page, int target, int mutation) =>
        unchecked((((((seed * 1_000_003) + page) * 1_000_003) + target) * 1_000_003) + mutation);
}
