namespace Praxi.FixEngine.Healing.Dom;

/// <summary>An element's text: all of it, normalised, and its own text-node runs (the legacy quoted <c>text=</c> engine).</summary>
/// <param name="Full">Raw text, regexes run on this.</param>
/// <param name="Normalized">Whitespace-normalised text, strings match this.</param>
/// <param name="Immediate">Runs of the element's own adjacent text nodes.</param>
internal sealed record ElementText(string Full, string Normalized, IReadOnlyList<string> Immediate);
