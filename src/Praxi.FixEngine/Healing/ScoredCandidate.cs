namespace Praxi.FixEngine.Healing;

/// <summary>A candidate with its similarity to the target, between 0 and 1, and whether the element is hidden.</summary>
/// <param name="Id">The caller's id of the candidate.</param>
/// <param name="Score">The weighted similarity over every property the target has.</param>
/// <param name="Hidden">Whether the element is hidden.</param>
/// <param name="Identity">
/// The same similarity over only the properties that name the element (test id, id, name, text, accessible name,
/// link target); null when the target has none of them.
/// </param>
public sealed record ScoredCandidate(string Id, double Score, bool Hidden = false, double? Identity = null);
