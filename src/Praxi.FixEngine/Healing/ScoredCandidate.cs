namespace Praxi.FixEngine.Healing;

/// <summary>A candidate with its similarity to the target, between 0 and 1.</summary>
internal sealed record ScoredCandidate(string Id, double Score);
