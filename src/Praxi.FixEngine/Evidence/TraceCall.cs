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
    /// <summary>The test code's stack when the call was made, innermost first; empty when the trace recorded none.</summary>
    public IReadOnlyList<TraceFrame> Stack { get; init; } = [];

    /// <summary>The call log Playwright kept for the call (<c>waiting for locator('#add-to-cart')</c>…), in order.</summary>
    public IReadOnlyList<string> Log { get; init; } = [];

    /// <summary>Whether the call ended without an error.</summary>
    public bool Passed => Ended && Error is null;
}

/// <summary>One frame of a stack the test runner recorded (<c>test.trace</c> error events).</summary>
/// <param name="File">The source file, as on the machine that ran the test.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, when recorded.</param>
/// <param name="Function">The function, when recorded.</param>
internal sealed record TraceFrame(string File, int Line, int? Column, string? Function);

/// <summary>An error the test runner recorded for the test (<c>test.trace</c>): its message and stack.</summary>
/// <param name="Message">The message, as the runner printed it (ANSI codes may remain).</param>
/// <param name="Stack">The frames, innermost first.</param>
internal sealed record TraceError(string Message, IReadOnlyList<TraceFrame> Stack);
