using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing;

/// <summary>An entry of an ARIA page snapshot with its fingerprint.</summary>
/// <param name="Element">The entry.</param>
/// <param name="Props">Its fingerprint; <see cref="ElementProps.XPath"/> holds its path of roles, unique within the snapshot.</param>
internal sealed record AriaCandidate(AriaElement Element, ElementProps Props);
