using AngleSharp.Dom;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>What a query needs beyond the DOM: the project's test-id attribute and a way into child frames.</summary>
internal sealed record DomQueryContext
{
    /// <summary>The context with Playwright's defaults and no frames.</summary>
    public static DomQueryContext Default { get; } = new();

    /// <summary>The attribute <c>getByTestId</c> reads (a <see cref="Contracts.LocatorSpec"/> with <c>by = test_id</c>).</summary>
    /// <value>
    /// The default is <c>data-testid</c>; the healer uses the first of praxi.json's <c>selectors.test_id_attributes</c>
    /// (where a project that calls <c>setTestIdAttribute</c> names its attribute).
    /// </value>
    public string TestIdAttribute { get; init; } = PlaywrightSelectors.DefaultTestIdAttribute;

    /// <summary>Gives the document of an <c>&lt;iframe&gt;</c> for <c>internal:control=enter-frame</c>.</summary>
    /// <value>The default is null: entering a frame matches nothing.</value>
    public Func<IElement, IDocument?>? FrameResolver { get; init; }

    /// <summary>
    /// A resolver for rebuilt trace snapshots, whose iframes point at <c>/snapshot/&lt;frameId&gt;</c>
    /// (docs/evidence.md#shadow-roots-and-frames).
    /// </summary>
    public static Func<IElement, IDocument?> SnapshotFrames(IReadOnlyDictionary<string, IDocument> documentsByFrameId)
    {
        ArgumentNullException.ThrowIfNull(documentsByFrameId);
        return frame =>
        {
            var src = frame.GetAttribute("src");
            const string Prefix = "/snapshot/";
            var at = src?.IndexOf(Prefix, StringComparison.Ordinal) ?? -1;
            return at >= 0 && documentsByFrameId.TryGetValue(src![(at + Prefix.Length)..], out var document) ? document : null;
        };
    }
}
