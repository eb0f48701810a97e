namespace Praxi.FixEngine.Evidence;

/// <summary>What a trace says about itself before its calls (<see cref="TraceReader.ReadHeader"/>).</summary>
/// <param name="Path">The trace file.</param>
/// <param name="Version">The trace format (<c>context-options.version</c>), when it says it.</param>
/// <param name="Title">The title the test started tracing with (the runner's <c>file:line › title</c>, or what a .NET fixture passed to <c>Tracing.StartAsync</c>).</param>
/// <param name="PlaywrightVersion">The Playwright version that wrote it (format v8 on).</param>
/// <param name="WallTime">When its context was created, ms since the epoch: orders the attempts of one test.</param>
internal sealed record TraceHeader(string Path, int? Version, string? Title, string? PlaywrightVersion, double? WallTime);
