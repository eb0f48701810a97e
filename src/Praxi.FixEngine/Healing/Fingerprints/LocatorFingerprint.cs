namespace Praxi.FixEngine.Healing.Fingerprints;

/// <summary>What a locator alone tells about the element it was written for.</summary>
/// <param name="Props">
/// The partial fingerprint: only what the locator names is set; <see cref="ElementProps.Tag"/> is
/// <see cref="ElementFingerprints.AnyTag"/> when the locator does not name one, and the paths stay null.
/// </param>
/// <param name="Scope">
/// The chain before the element's own part, as a Playwright selector string (<c>form#login</c>,
/// <c>iframe &gt;&gt; internal:control=enter-frame</c>); null when the locator is not a chain.
/// </param>
/// <param name="AncestorPath">
/// The ancestor steps of a CSS or XPath selector before its last step, as written
/// (<c>main &gt; section.product-detail &gt; div.price-box</c>); null when there are none.
/// </param>
internal sealed record LocatorFingerprint(ElementProps Props, string? Scope, string? AncestorPath);
