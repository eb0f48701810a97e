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
    /// <param name="model">The relocation model; null for the built-in one.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The counts per site and every target's outcome.</returns>
    /// <exception cref="FixEngineException">The folder is not a dataset of this format, a file of it is unusable, or a site is unknown.</exception>
    public static RelocationDatasetReport Evaluate(string folder, IReadOnlyCollection<string>? onlySites = null, RelocationModel? model = null, CancellationToken cancellationToken = default)
    {
        var dataset = Load(folder, onlySites, cancellationToken);
        var chosen = new Dictionary<(string Site, string Target), (RelocationResult Result, IReadOnlyDictionary<string, double> Scores)>();
        foreach (var site in dataset.Sites)
        {
            foreach (var (id, props) in site.Targets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                chosen[(site.Entry.Site, id)] = (SimilarityRelocator.Relocate(props, site.Page, model), SimilarityRelocator.ScoreAll(props, site.Page, model));
            }
        }

        // Scoring only: the answers are read after the method has run on every site.
        return Score(dataset, ReadAnswers(dataset), chosen);
    }

    /// <summary>Fits relocation weights and their calibration on every target of the datasets (sites group the calibration folds).</summary>
    /// <param name="folders">Dataset folders of this format.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FixEngineException">A folder is not a dataset of this format, or there are too few sites.</exception>
    public static RelocationModel Train(IReadOnlyList<string> folders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var datasets = folders.Select(f => Load(f, null, cancellationToken)).ToList();
        var cases = datasets.SelectMany(d => Cases(d, ReadAnswers(d), null, cancellationToken)).ToList();
        return RelocationTrainer.Train(cases, [.. datasets.Select(d => d.Name)], cancellationToken);
    }

    /// <summary>
    /// Cross-validation grouped by site over one or more datasets (a site is in the same fold in every dataset):
    /// each fold's sites are relocated by a model trained and calibrated without them, and by the hand-set
    /// <see cref="RelocationModel.Similo"/> for comparison.
    /// </summary>
    /// <param name="folders">Dataset folders of this format.</param>
    /// <param name="folds">Number of folds (at least 2).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Per dataset, both reports; per fold, the counts; and the held-out risk curve.</returns>
    /// <exception cref="FixEngineException">A folder is not a dataset of this format, or there are fewer sites than folds.</exception>
    public static RelocationCrossValidation CrossValidate(IReadOnlyList<string> folders, int folds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folds < 2)
        {
            throw new FixEngineException("--folds must be at least 2.");
        }

        var datasets = folders.Select(f => Load(f, null, cancellationToken)).ToList();
        var answers = datasets.Select(ReadAnswers).ToList();
        var sites = datasets.SelectMany(d => d.Sites.Select(s => s.Entry.Site)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (sites.Count < folds)
        {
            throw new FixEngineException($"--folds {folds} needs at least {folds} sites; the datasets hold {sites.Count}.");
        }

        var foldOfSite = sites.Zip(GroupFolds.Assign(sites, folds)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var learned = datasets.Select(_ => new Dictionary<(string, string), (RelocationResult, IReadOnlyDictionary<string, double>)>()).ToList();
        var baseline = datasets.Select(_ => new Dictionary<(string, string), (RelocationResult, IReadOnlyDictionary<string, double>)>()).ToList();
        var foldRows = new List<RelocationFoldResult>();
        var curve = new List<(double Risk, bool Right)>();
        var topOne = datasets.Select(_ => new int[3]).ToList();
        for (var f = 0; f < folds; f++)
        {
            var train = datasets.SelectMany((d, i) => Cases(d, answers[i], s => foldOfSite[s] != f, cancellationToken)).ToList();
            var model = RelocationTrainer.Train(train, [.. datasets.Select(d => d.Name)], cancellationToken);
            for (var i = 0; i < datasets.Count; i++)
            {
                int pairs = 0, correct = 0, wrong = 0;
                foreach (var site in datasets[i].Sites.Where(s => foldOfSite[s.Entry.Site] == f))
                {
                    foreach (var (id, props) in site.Targets)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var result = SimilarityRelocator.Relocate(props, site.Page, model);
                        learned[i][(site.Entry.Site, id)] = (result, SimilarityRelocator.ScoreAll(props, site.Page, model));
                        baseline[i][(site.Entry.Site, id)] = (SimilarityRelocator.Relocate(props, site.Page, RelocationModel.Similo), SimilarityRelocator.ScoreAll(props, site.Page, RelocationModel.Similo));
                        var answer = answers[i].GetValueOrDefault((site.Entry.Site, id));
                        pairs++;
                        correct += result.ChosenId is not null && result.ChosenId == answer ? 1 : 0;
                        wrong += result.ChosenId is not null && result.ChosenId != answer ? 1 : 0;
                        if (answer is not null)
                        {
                            var c = new RelocationCase(site.Entry.Site, props, site.Page, answer);
                            var d = RelocationTrainer.Decision(c, model.Weights);
                            topOne[i][0]++;
                            topOne[i][1] += d.Right ? 1 : 0;
                            topOne[i][2] += c.Rank(RelocationModel.Similo.Weights).Best == c.Answer ? 1 : 0;
                            if (d.Best >= SimilarityRelocator.Threshold && (d.Identity is not { } idn || idn > SimilarityRelocator.IdentityFloor)
                                && model.Confidence(d.Best, d.Z[0] - d.Z[1], d.Identity, c.Pool) is { } confidence)
                            {
                                curve.Add((1 - confidence, d.Right));
                            }
                        }
                    }
                }

                foldRows.Add(new RelocationFoldResult(f + 1, datasets[i].Name, pairs, correct, wrong, pairs - correct - wrong, model.MaxRisk));
            }
        }

        var total = datasets.Sum(d => d.Sites.Sum(s => s.Targets.Count));
        var risks = new[] { 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0 };
        var points = RelocationTrainer.Curve(curve, risks).Select(p => new RelocationRiskPoint(p.Risk, total, p.Answered, p.Wrong)).ToList();
        return new RelocationCrossValidation(
            folds,
            [.. datasets.Select((d, i) => Score(d, answers[i], learned[i]))],
            [.. datasets.Select((d, i) => Score(d, answers[i], baseline[i]))],
            foldRows,
            points,
            [.. datasets.Select((d, i) => new RelocationRanking(d.Name, topOne[i][0], topOne[i][1], topOne[i][2]))]);
    }

    private static IEnumerable<RelocationCase> Cases(LoadedDataset dataset, Dictionary<(string, string), string> answers, Func<string, bool>? sites, CancellationToken cancellationToken)
    {
        foreach (var site in dataset.Sites.Where(s => sites is null || sites(s.Entry.Site)))
        {
            foreach (var (id, props) in site.Targets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (answers.TryGetValue((site.Entry.Site, id), out var answer))
                {
                    yield return new RelocationCase(site.Entry.Site, props, site.Page, answer);
                }
            }
        }
    }

    private sealed record LoadedSite(SiteEntry Entry, List<(string Id, ElementProps Props)> Targets, RelocationPage Page, int Candidates);

    private sealed record LoadedDataset(string Folder, string Name, List<LoadedSite> Sites);

    private static LoadedDataset Load(string folder, IReadOnlyCollection<string>? onlySites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new FixEngineException($"'{folder}' is not a folder: a {Format} dataset folder was expected.");
        }

        var datasetFile = Path.Combine(folder, "dataset.json");
        if (!File.Exists(datasetFile))
        {
            throw new FixEngineException($"'{folder}' has no dataset.json: a {Format} dataset folder was expected.");
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
            throw new FixEngineException($"'{datasetFile}' has format '{format ?? "(none)"}', not '{Format}': only that format is read.");
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

        var loaded = new List<LoadedSite>();
        foreach (var site in sites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (targets, candidates) = ReadRecords(folder, site.File);
            loaded.Add(new LoadedSite(site, targets, new RelocationPage(candidates), candidates.Count));
        }

        return new LoadedDataset(folder, name, loaded);
    }

    private static Dictionary<(string Site, string Target), string> ReadAnswers(LoadedDataset dataset)
    {
        var answers = new Dictionary<(string, string), string>();
        foreach (var line in ReadLines(Path.Combine(dataset.Folder, "answers.jsonl")))
        {
            using var answer = ParseLine(line, "answers.jsonl");
            var root = answer.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("site", out var site) || site.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("target_id", out var target) || target.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("answer_id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw new FixEngineException("answers.jsonl has a line without the strings site, target_id and answer_id.");
            }

            var siteName = site.GetString()!;
            var entry = dataset.Sites.FirstOrDefault(s => s.Entry.Site == siteName);
            if (entry is null)
            {
                continue;
            }

            if (!entry.Targets.Any(t => t.Id == target.GetString()))
            {
                throw new FixEngineException($"answers.jsonl names target '{target.GetString()}' of site '{siteName}', which the site's records do not hold.");
            }

            answers[(siteName, target.GetString()!)] = id.GetString()!;
        }

        return answers;
    }

    private static RelocationDatasetReport Score(
        LoadedDataset dataset,
        Dictionary<(string Site, string Target), string> answers,
        Dictionary<(string Site, string Target), (RelocationResult Result, IReadOnlyDictionary<string, double> Scores)> chosen)
    {
        var pairs = new List<RelocationPairResult>();
        foreach (var site in dataset.Sites)
        {
            foreach (var (id, _) in site.Targets)
            {
                if (answers.TryGetValue((site.Entry.Site, id), out var answerId) && chosen.TryGetValue((site.Entry.Site, id), out var got))
                {
                    pairs.Add(new RelocationPairResult(site.Entry.Site, id, answerId, got.Result, got.Scores.GetValueOrDefault(answerId)));
                }
            }
        }

        var rows = dataset.Sites.Select(s =>
        {
            var mine = pairs.Where(p => p.Site == s.Entry.Site).ToArray();
            return new RelocationSiteResult(s.Entry.Site, s.Entry.AnswersOnlyPool, s.Candidates, mine.Length, mine.Count(p => p.Correct), mine.Count(p => p.Wrong), mine.Count(p => p.Result.Abstained));
        }).ToArray();
        return new RelocationDatasetReport(dataset.Name, rows, pairs);
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
