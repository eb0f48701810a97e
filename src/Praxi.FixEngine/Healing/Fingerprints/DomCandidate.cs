using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Fingerprints;

/// <summary>An element of a page with its fingerprint.</summary>
/// <param name="Element">The element (in the document, or in an open shadow root of it).</param>
/// <param name="Props">Its fingerprint; <see cref="ElementProps.XPath"/> is unique within the page.</param>
internal sealed record DomCandidate(IElement Element, ElementProps Props);
