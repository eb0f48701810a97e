using System.Text.Json;

namespace Praxi.FixEngine.Evidence;

/// <summary>One <c>frame-snapshot</c> event: the DOM of one frame at one phase of one call, still in its compact form.</summary>
/// <param name="CallId">The call it belongs to.</param>
/// <param name="Phase"><c>before</c>, <c>action</c> or <c>after</c>.</param>
/// <param name="FrameId">The frame; back-references count within this frame's snapshots.</param>
/// <param name="FrameUrl">The frame's URL when the snapshot was taken.</param>
/// <param name="IsMainFrame">Whether it is the page's main frame.</param>
/// <param name="Doctype">The doctype name (<c>html</c>), when the document had one.</param>
/// <param name="Html">The node tree: strings, <c>[NAME, {attrs}, ...children]</c> and <c>[[k, i]]</c> references.</param>
/// <param name="Index">Its position in its frame's list of snapshots, in file order.</param>
internal sealed record TraceSnapshot(
    string CallId,
    string Phase,
    string FrameId,
    string? FrameUrl,
    bool IsMainFrame,
    string? Doctype,
    JsonElement Html,
    int Index);
