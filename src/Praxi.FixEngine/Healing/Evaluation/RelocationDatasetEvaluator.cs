using System.Text.Json;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>
/// Evaluates element relocation (find the old page's element among the new page's candidates, or abstain) on a
/// <c>praxi-relocation/1</c> dataset, as <c>praxi bench relocate</c> does: users measure it on their own pages. The
/// relocator sees only <c>sites.json</c> and <c>sites/*.jsonl</c>; <c>answers.jsonl</c> is read after every site has
/// been relocated, for scoring, and <c>provenance.jsonl</c> never.
/// </summary>
public static class RelocationDatasetEvaluator
{
    /// <summary>The dataset format this evaluator reads (the <c>format</c> of <c>dataset.json</c>).</summary>
    public const string Format = "praxi-relocation/1";

    /// <summary>The lowest similarity (0–1) the relocator answers with.</summary>
    public const double Threshold = SimilarityRelocator.Threshold;

    /// <summary>How much the best score must beat the runner-up by, at least.</summary>
    public const double Margin = SimilarityRelocator.Margin;

    /// <summary>How much more of the target the runner-up must miss than the best candidate (1 − runner-up ≥ this × (1 − best)).</summary>
    public const double RelativeMargin = SimilarityRelocator.RelativeMargin;

    /// <summary>Relocates every target of the dataset's sites (or of <paramref name="onlySites"/>) and counts the outcomes.</summary>
    /// <param name="folder">The dataset folder: <c>dataset.json</c>, <c>sites.json</c>, <c>sites/</c> and <c>answers.jsonl</c>.</param>
    /// <param name="onlySites">Only these sites (names from <c>sites.json</c>); null or empty for all of them.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The counts per site and every target's outcome.</returns>
    /// <exception cref="FixEngineException">The folder is not a dataset of this format, a file of it is unusable, or a site is unknown.</exception>
    public static RelocationDatasetReport Evaluate(string folder, IReadOnlyCollection<string>? onlySites = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var datasetFile = Path.Combine(folder, "dataset.json");
        if (!File.Exists(datasetFile))
        {
            throw new FixEngineException($"'{folder}' has no dataset.json: bench relocate takes a {Format} dataset folder.");
        }

        string? format;
        string name;
        using (var dataset = ParseJson(datasetFile))
        {
            format = dataset.RootElement.ValueKind == JsonValueKind.Object && dataset.RootElement.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            name = dataset.RootElement.ValueKind == JsonValueKind.Object && dataset.RootElement.TryGetProperty("dataset", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        }

        if (format != Format)
        {
            throw new FixEngineException($"'{datasetFile}' has format '{format ?? "(none)"}', not '{Format}': bench relocate reads only that format.");
        }

        var sites = ReadSites(folder);
        if (onlySites is { Count: > 0 })
        {
            var unknown = onlySites.Where(o => !sites.Any(s => s.Site == o)).ToArray();
            if (unknown.Length > 0)
            {
                throw new FixEngineException($"'{folder}' has no site '{unknown[0]}' (--sites takes names from sites.json, comma-separated).");
            }

            sites = [.. sites.Where(s => onlySites.Contains(s.Site))];
        }

        var chosen = new Dictionary<(string Site, string Target), (RelocationResult Result, IReadOnlyDictionary<string, double> Scores)>();
        var candidateCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (targets, candidates) = ReadRecords(folder, site.File);
            candidateCounts[site.Site] = candidates.Count;
            var page = new RelocationPage(candidates);
            foreach (var (id, props) in targets)
            {
                var result = SimilarityRelocator.Relocate(props, page);
                chosen[(site.Site, id)] = (result, SimilarityRelocator.ScoreAll(props, page));
            }
        }

        // Scoring only: the answers are read after the method has run on every site.
        var pairs = new List<RelocationPairResult>();
        foreach (var line in ReadLines(Path.Combine(folder, "answers.jsonl")))
        {
            using var answer = ParseLine(line, "answers.jsonl");
            var site = answer.RootElement.GetProperty("site").GetString()!;
            var target = answer.RootElement.GetProperty("target_id").GetString()!;
            var answerId = answer.RootElement.GetProperty("answer_id").GetString()!;
            if (!sites.Any(s => s.Site == site))
            {
                continue;
            }

            if (!chosen.TryGetValue((site, target), out var got))
            {
                throw new FixEngineException($"answers.jsonl names target '{target}' of site '{site}', which the site's records do not hold.");
            }

            pairs.Add(new RelocationPairResult(site, target, answerId, got.Result, got.Scores.GetValueOrDefault(answerId)));
        }

        var rows = sites.Select(s =>
        {
            var mine = pairs.Where(p => p.Site == s.Site).ToArray();
            return new RelocationSiteResult(s.Site, s.AnswersOnlyPool, candidateCounts[s.Site], mine.Length, mine.Count(p => p.Correct), mine.Count(p => p.Wrong), mine.Count(p => p.Result.Abstained));
        }).ToArray();
        return new RelocationDatasetReport(name, rows, pairs);
    }

    private sealed record SiteEntry(string Site, string File, bool AnswersOnlyPool);

    private static List<SiteEntry> ReadSites(string folder)
    {
        var file = Path.Combine(folder, "sites.json");
        if (!File.Exists(file))
        {
            throw new FixEngineException($"'{folder}' has no sites.json: a {Format} dataset lists its sites there.");
        }

        using var doc = ParseJson(file);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FixEngineException($"'{file}' is not a JSON array of sites.");
        }

        return [.. doc.RootElement.EnumerateArray().Select(e => new SiteEntry(
            e.GetProperty("site").GetString()!,
            e.TryGetProperty("file", out var f) ? f.GetString()! : $"sites/{e.GetProperty("site").GetString()}.jsonl",
            e.TryGetProperty("answers_only_pool", out var a) && a.ValueKind == JsonValueKind.True))];
    }

    private static (List<(string Id, ElementProps Props)> Targets, List<RelocationCandidate> Candidates) ReadRecords(string folder, string file)
    {
        var targets = new List<(string, ElementProps)>();
        var candidates = new List<RelocationCandidate>();
        foreach (var line in ReadLines(Path.Combine(folder, file)))
        {
            using var record = ParseLine(line, file);
            var root = record.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var props = ElementProps.FromJson(root.GetProperty("props"));
            switch (root.GetProperty("kind").GetString())
            {
                case "target":
                    targets.Add((id, props));
                    break;
                case "candidate":
                    candidates.Add(new RelocationCandidate(id, props));
                    break;
                default:
                    throw new FixEngineException($"'{file}' has a record whose kind is neither 'target' nor 'candidate'.");
            }
        }

        return (targets, candidates);
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new FixEngineException($"'{path}' does not exist: a {Format} dataset needs it.");
        }

        return File.ReadLines(path).Where(l => l.Length > 0);
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"'{path}' is not valid JSON ({ex.Message}).", ex);
        }
    }

    private static JsonDocument ParseLine(string line, string file)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"'{file}' has a line that is not valid JSON ({ex.Message}).", ex);
        }
    }
}
