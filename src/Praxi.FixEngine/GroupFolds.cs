namespace Praxi.FixEngine;

/// <summary>Splits examples into folds by group, so that no group is on both sides of a fold.</summary>
public static class GroupFolds
{
    /// <summary>
    /// The fold of every example: groups, largest first (then by name), each go to the fold with the fewest examples
    /// so far. Deterministic: the same groups give the same folds.
    /// </summary>
    /// <param name="groups">Each example's group.</param>
    /// <param name="folds">How many folds (at least 2, at most the number of groups).</param>
    /// <returns>A fold index per example.</returns>
    public static int[] Assign(IReadOnlyList<string> groups, int folds)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var distinct = groups.GroupBy(g => g, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (folds < 2 || folds > distinct.Count)
        {
            throw new FixEngineException($"{folds} folds need between 2 and {distinct.Count} (the number of source projects).");
        }

        var size = new int[folds];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in distinct)
        {
            var f = Array.IndexOf(size, size.Min());
            foldOf[g.Key] = f;
            size[f] += g.Count();
        }

        return [.. groups.Select(g => foldOf[g])];
    }
}
