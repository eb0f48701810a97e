using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// A memo of per-element ARIA facts for one query: hidden-ness depends on every ancestor, and a query over a page
/// asks it of many siblings. Owned by one query (or one name computation) and dropped with it.
/// </summary>
internal sealed class AriaCache
{
    /// <summary>Display-none, aria-hidden and visibility flags, inherited from the ancestors.</summary>
    public Dictionary<IElement, byte> Facts { get; } = new(ReferenceEqualityComparer.Instance);
}
