using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing;

/// <summary>An element of the new page that the relocator may return, under a caller's id.</summary>
internal sealed record RelocationCandidate(string Id, ElementProps Props);
