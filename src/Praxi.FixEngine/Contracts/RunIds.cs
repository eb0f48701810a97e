using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Contracts;

/// <summary>The run id rule of the contracts.</summary>
public static partial class RunIds
{
    /// <summary>True when <paramref name="runId"/> matches <c>^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$</c>.</summary>
    /// <param name="runId">A candidate run id.</param>
    /// <returns>True when it is valid.</returns>
    public static bool IsValid(string? runId) => runId is not null && Pattern().IsMatch(runId);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
