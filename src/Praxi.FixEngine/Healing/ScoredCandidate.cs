namespace Praxi.FixEngine.Healing;

/// <summary>A candidate with its similarity to the target, between 0 and 1, and whether the element is hidden.</summary>
internal sealed record ScoredCandidate(string Id, double Score, bool Hidden = false);
