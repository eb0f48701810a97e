using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>A locator proposed for an element, already checked to resolve to exactly that element.</summary>
/// <param name="Spec">The locator.</param>
/// <param name="Strategy">What it relies on: <c>author</c> (the author's own form), <c>test_id</c>, <c>role</c>,
/// <c>label</c>, <c>placeholder</c>, <c>alt_text</c>, <c>title</c>, <c>text</c>, <c>id</c>, <c>css</c>, <c>xpath</c>;
/// for a narrowed locator <c>exact</c>, <c>scope</c>, <c>filter</c>, <c>nth</c>.</param>
/// <param name="Fragile">True when it depends on position (an index, an absolute path) and breaks when the page is reordered.</param>
/// <param name="Why">One sentence for a reviewer: what the locator keys on and why it is unique.</param>
internal sealed record GeneratedLocator(LocatorSpec Spec, string Strategy, bool Fragile, string Why);
