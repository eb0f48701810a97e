using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>The fingerprint a locator's element had in a passing run.</summary>
/// <param name="Test">The test that used the locator (its trace title, else its result folder); null when unknown.</param>
/// <param name="Locator">The locator as a normalised Playwright selector string (<see cref="BaselineKeys.Normalize"/>).</param>
/// <param name="Fingerprint">The element's properties.</param>
/// <param name="Source">Where it was taken.</param>
/// <param name="RecordedAt">When it was recorded.</param>
internal sealed record BaselineEntry(string? Test, string Locator, ElementProps Fingerprint, BaselineSource Source, DateTimeOffset RecordedAt);
