namespace Praxi.FixEngine.Cli.Benchmarks;

/// <summary>The figures of <c>praxi bench relocate</c>: per site, and every target's outcome for diagnosis.</summary>
internal sealed record RelocationBenchReport(string Dataset, IReadOnlyList<RelocationSiteResult> Sites, IReadOnlyList<RelocationPairResult> Pairs)
{
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
