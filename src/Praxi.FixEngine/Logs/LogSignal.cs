namespace Praxi.FixEngine.Logs;

/// <summary>
/// A block of log lines that says something went wrong outside a test's own report: a backend exception,
/// a database error, a package-manager failure, a web server that never started.
/// </summary>
/// <param name="Source">The artifact, relative to the analysed path.</param>
/// <param name="Lines">The block's lines (the anchor line first or near the top; capped).</param>
/// <param name="Timestamp">When the log says it happened, if it does.</param>
/// <param name="RequestPath">The HTTP request path the block names, if any (<c>/checkout</c>).</param>
internal sealed record LogSignal(
    string Source,
    IReadOnlyList<LogLine> Lines,
    DateTimeOffset? Timestamp = null,
    string? RequestPath = null)
{
    /// <summary>1-based line of the block's first line.</summary>
    public int FirstLine => Lines.Count == 0 ? 0 : Lines[0].Number;
}
