namespace Praxi.FixEngine.Cli.Benchmarks;

/// <summary>The figures of <c>praxi bench relocate --mutate</c>: every case, and counts per mutation.</summary>
internal sealed record RelocationMutationReport(int Pages, int Targets, int Seed, IReadOnlyList<RelocationMutationCase> Cases)
{
    /// <summary>The counts of one mutation, or of all cases (<see langword="null"/>).</summary>
    public RelocationMutationRow Row(RelocationMutation? mutation)
    {
        var cases = Cases.Where(c => mutation is null || c.Mutation == mutation).ToArray();
        return new RelocationMutationRow(mutation?.Name() ?? "all", cases.Length, cases.Count(c => c.Correct), cases.Count(c => c.Wrong), cases.Count(c => c.Abstained));
    }

    /// <summary>The counts of every case whose element is still on the page.</summary>
    public RelocationMutationRow StillThere()
    {
        var cases = Cases.Where(c => c.Mutation != RelocationMutation.Removed).ToArray();
        return new RelocationMutationRow("all but removed", cases.Length, cases.Count(c => c.Correct), cases.Count(c => c.Wrong), cases.Count(c => c.Abstained));
    }
}

/// <summary>Counts of a set of mutation cases; for removed elements an abstention is counted as correct.</summary>
internal sealed record RelocationMutationRow(string Label, int Cases, int Correct, int Wrong, int Abstained);
