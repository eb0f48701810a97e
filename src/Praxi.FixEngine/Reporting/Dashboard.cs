namespace Praxi.FixEngine.Reporting;

/// <summary>
/// Renders runs' outputs (<see cref="RunOutputs.Load(string)"/>) for people: a self-contained HTML dashboard, a GitHub job
/// summary and a PR comment. Everything that comes from logs, tests or patches is treated as hostile text: HTML-encoded
/// in the page, quoted in code spans in the markdown.
/// </summary>
public static class Dashboard
{
    /// <summary>The title used when none is given.</summary>
    public const string DefaultTitle = "praxi dashboard";

    /// <summary>Renders <c>index.html</c>: one file, no external requests, readable without JavaScript.</summary>
    /// <param name="runs">The runs, in any order (the page orders them by time).</param>
    /// <param name="title">The page's title (default <see cref="DefaultTitle"/>).</param>
    /// <returns>The HTML.</returns>
    public static string RenderHtml(IReadOnlyList<RunOutputs> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return DashboardPage.Render(runs, string.IsNullOrWhiteSpace(title) ? DefaultTitle : title);
    }

    /// <summary>Renders a short markdown job summary (for <c>$GITHUB_STEP_SUMMARY</c>): a table with one row per run.</summary>
    /// <param name="runs">The runs.</param>
    /// <param name="title">The heading (default <see cref="DefaultTitle"/>).</param>
    /// <returns>The markdown, link-free.</returns>
    public static string RenderSummary(IReadOnlyList<RunOutputs> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return MarkdownReport.Summary(runs, string.IsNullOrWhiteSpace(title) ? DefaultTitle : title);
    }

    /// <summary>Renders a short PR comment body: the summary table plus the proposed patches' titles, behind a marker line
    /// (<c>&lt;!-- praxi-dashboard --&gt;</c>) a workflow can use to update its earlier comment.</summary>
    /// <param name="runs">The runs.</param>
    /// <param name="title">The heading (default <see cref="DefaultTitle"/>).</param>
    /// <returns>The markdown, link-free.</returns>
    public static string RenderPrComment(IReadOnlyList<RunOutputs> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return MarkdownReport.PrComment(runs, string.IsNullOrWhiteSpace(title) ? DefaultTitle : title);
    }
}
