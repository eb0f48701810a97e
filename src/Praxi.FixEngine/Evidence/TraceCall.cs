namespace Praxi.FixEngine.Evidence;

/// <summary>One library call recorded in a trace: its <c>before</c> event and, when it ended, its <c>after</c>.</summary>
/// <param name="CallId">The call id shared by its events and snapshots (<c>toib@238</c>).</param>
/// <param name="Class">The channel class (<c>Frame</c>, <c>Page</c>, <c>BrowserContext</c>).</param>
/// <param name="Method">The protocol method (<c>click</c>, <c>fill</c>, <c>expect</c>).</param>
/// <param name="Selector">The <c>params.selector</c> the call resolved, when it had one.</param>
/// <param name="Error">The <c>after.error.message</c>, when the call failed.</param>
/// <param name="Ended">Whether an <c>after</c> event was seen.</param>
internal sealed record TraceCall(string CallId, string Class, string Method, string? Selector, string? Error, bool Ended)
{
    /// <summary>Whether the call ended without an error.</summary>
    public bool Passed => Ended && Error is null;
}
