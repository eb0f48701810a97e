namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>What <see cref="RelocationDatasetEvaluator"/> measured: the counts per site, and every target's outcome for diagnosis.</summary>
/// <param name="Dataset">The dataset's name (from <c>dataset.json</c>, else the folder's name).</param>
/// <param name="Sites">The counts of each site, in the order of <c>sites.json</c>.</param>
/// <param name="Pairs">Every target with its answer and what the relocator said, in the order of <c>answers.jsonl</c>.</param>
public sealed record RelocationDatasetReport(string Dataset, IReadOnlyList<RelocationSiteResult> Sites, IReadOnlyList<RelocationPairResult> Pairs)
{
    /// <summary>The counts over all sites, or over the sites whose candidates are not only the answers.</summary>
    /// <param name="withAnswersOnlySites">Whether sites whose pool holds only the answers are counted.</param>
    /// <returns>The summed counts, labelled <c>all sites</c> or <c>without answers-only</c>.</returns>
    public RelocationSiteResult Total(bool withAnswersOnlySites)
    {
        var sites = Sites.Where(s => withAnswersOnlySites || !s.AnswersOnlyPool).ToArray();
        return new RelocationSiteResult(
            withAnswersOnlySites ? "all sites" : "without answers-only",
            false,
            sites.Sum(s => s.Candidates),
            sites.Sum(s => s.Pairs),
            sites.Sum(s => s.Correct),
            sites.Sum(s => s.Wrong),
            sites.Sum(s => s.Abstained));
    }
}
