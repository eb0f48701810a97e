using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Fixing;

/// <summary>
/// <c>fix-agent/input.json</c>: the fix instructions of one run with file paths made repository-relative
/// (written by <c>praxi fix prepare</c>, read by <c>praxi fix</c>).
/// </summary>
public sealed record FixInput
{
    /// <summary>The contract version. <value>The current version is 1.</value></summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The CI run the instructions come from.</summary>
    public required string RunId { get; init; }

    /// <summary>The instructions, <see cref="FixInstruction.File"/> repository-relative where it could be resolved.</summary>
    public required IReadOnlyList<FixInstruction> Instructions { get; init; }

    /// <summary>How each instruction's path was resolved (same order as <see cref="Instructions"/>).</summary>
    public IReadOnlyList<PathResolution> Paths { get; init; } = [];

    /// <summary>The instructions of an analysis, paths as the analysis has them (<see cref="Prepare"/> resolves them).</summary>
    /// <param name="report">The analysis.</param>
    /// <returns>The input.</returns>
    public static FixInput From(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new FixInput { RunId = report.RunId, Instructions = report.FixAgentInstructions ?? [] };
    }

    /// <summary>Makes the paths of an input repository-relative (again: a prepared input stays as it is).</summary>
    /// <param name="input">The input.</param>
    /// <param name="repositoryRoot">The repository the paths should point into.</param>
    /// <returns>The prepared input.</returns>
    /// <exception cref="FixEngineException">The repository does not exist.</exception>
    public static FixInput Prepare(FixInput input, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryRoot);
        if (!Directory.Exists(repositoryRoot))
        {
            throw new FixEngineException($"repository '{repositoryRoot}' does not exist or is not a folder; pass the checkout of the repository under test.");
        }

        var problems = new List<string>();
        if (!RunIds.IsValid(input.RunId))
        {
            problems.Add($"run id '{input.RunId}' must match ^[A-Za-z0-9][A-Za-z0-9._-]{{0,127}}$");
        }

        if (input.Instructions is null)
        {
            problems.Add("the instructions are missing");
        }
        else
        {
            problems.AddRange(input.Instructions.Select((i, n) => i is null ? $"instruction {n} is null" : i.File is null || i.Kind is null ? $"instruction {n} has no file or no kind" : null).OfType<string>());
        }

        if (problems.Count > 0)
        {
            throw new FixEngineException($"the fix input is not valid: {string.Join("; ", problems)}.");
        }

        var resolver = new RepositoryPaths(new SourceRepository(repositoryRoot));
        // A prepared input keeps the paths the analysis had, so preparing again changes nothing.
        var earlier = input.Paths ?? [];
        var paths = input.Instructions!
            .Select((i, n) => resolver.Resolve(i.File) with { Original = n < earlier.Count && earlier.Count == input.Instructions!.Count && earlier[n] is { } p ? p.Original : i.File })
            .ToList();
        var instructions = input.Instructions!.Zip(paths, (i, p) => p.Resolved is null ? i : i with { File = p.Resolved }).ToList();
        return input with { Instructions = instructions, Paths = paths };
    }
}

/// <summary>How one instruction's path was mapped into the repository.</summary>
/// <param name="Original">The path as the analysis had it (absolute CI path, relative to the test folder, …).</param>
/// <param name="Resolved">The repository-relative path, or null when no single file matches.</param>
/// <param name="Problem">Why it could not be resolved.</param>
public sealed record PathResolution(string Original, string? Resolved, string? Problem = null);
