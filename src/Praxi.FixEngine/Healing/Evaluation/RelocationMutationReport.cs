namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>What <see cref="RelocationMutationEvaluator"/> measured: every case, and counts per mutation.</summary>
/// <param name="Pages">HTML pages read.</param>
/// <param name="Targets">Elements sampled over all pages.</param>
/// <param name="Seed">The sampling and mutation seed.</param>
/// <param name="Cases">Every target under every mutation that applied to it.</param>
public sealed record RelocationMutationReport(int Pages, int Targets, int Seed, IReadOnlyList<RelocationMutationCase> Cases)
{
    /// <summary>The counts of one mutation, or of all cases (<see langword="null"/>).</summary>
    /// <param name="mutation">The mutation, or null for every case.</param>
    /// <returns>The counts, labelled with the mutation's name or <c>all</c>.</returns>
    public RelocationMutationRow Row(RelocationMutation? mutation)
    {
        var cases = Cases.Where(c => mutation is null || c.Mutation == mutation).ToArray();
        return new RelocationMutationRow(mutation?.Name() ?? "all", cases.Length, cases.Count(c => c.Correct), cases.Count(c => c.Wrong), cases.Count(c => c.Abstained));
    }

    /// <summary>The counts of every case whose element is still on the page.</summary>
    /// <returns>The counts, labelled <c>all but removed</c>.</returns>
    public RelocationMutationRow StillThere()
    {
        var cases = Cases.Where(c => c.Mutation != RelocationMutation.Removed).ToArray();
        return new RelocationMutationRow("all but removed", cases.Length, cases.Count(c => c.Correct), cases.Count(c => c.Wrong), cases.Count(c => c.Abstained));
    }
}
