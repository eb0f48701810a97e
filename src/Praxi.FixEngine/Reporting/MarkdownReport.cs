using System.Globalization;
using System.Text;

namespace Praxi.FixEngine.Reporting;

/// <summary>
/// The job summary and the PR comment: short, link-free markdown. Every value that comes from the runs' files sits in a
/// code span (<see cref="Markdown.Code(string?)"/>: no HTML, no mentions, no emphasis) with <c>|</c> escaped for the table.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>The first line of a PR comment, so a workflow can find and update its own comment.</summary>
    public const string CommentMarker = "<!-- praxi-dashboard -->";

    private const int MaxRows = 30;

    public static string Summary(IReadOnlyList<RunOutputs> runs, string title)
    {
        var sb = new StringBuilder();
        Table(sb, DashboardPage.Order(runs), title);
        return sb.ToString();
    }

    public static string PrComment(IReadOnlyList<RunOutputs> runs, string title)
    {
        var ordered = DashboardPage.Order(runs);
        var sb = new StringBuilder(CommentMarker).Append('\n');
        Table(sb, ordered, title);
        var patches = ordered.Where(r => r.Status is RunStatus.PatchOffered or RunStatus.PatchWithheld).Take(MaxRows).ToList();
        if (patches.Count > 0)
        {
            sb.Append('\n');
            foreach (var run in patches)
            {
                var risk = run.Metadata.Prop("risk").Str("class");
                sb.Append(CultureInfo.InvariantCulture, $"- {Cell(run.Name)}: {(run.Status == RunStatus.PatchOffered ? "proposed patch" : "withheld patch")} {Cell(run.Metadata.Str("pr_title"))}")
                    .Append(risk is null ? string.Empty : $" (risk {Cell(risk)})").Append('\n');
            }
        }

        sb.Append("\nThe full report is the dashboard artifact (index.html).\n");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, IReadOnlyList<RunOutputs> runs, string title)
    {
        var counts = RunStatus.All.Select(s => (s, n: runs.Count(r => r.Status == s))).Where(x => x.n > 0).Select(x => $"{x.n} {RunStatus.Label(x.s)}");
        sb.Append("### ").Append(Markdown.OneLine(title, 80).Replace("<", "&lt;", StringComparison.Ordinal).Replace("@", "@\u200B", StringComparison.Ordinal))
            .Append(CultureInfo.InvariantCulture, $" — {runs.Count} run(s): {string.Join(", ", counts)}\n\n")
            .Append("| Run | Status | Type | Failed tests | Heal | Validation |\n| --- | --- | --- | ---: | --- | --- |\n");
        foreach (var run in runs.Take(MaxRows))
        {
            var c = run.Analysis.Prop("classification");
            var type = run.ErrorType is { } t ? $"{Cell(t)} ({JsonRead.Fixed2(c.Num("confidence"))})" : "–";
            var failed = run.Analysis.IsObject() ? run.Failures.Count.ToString(CultureInfo.InvariantCulture) : "–";
            var validation = run.Metadata.Prop("validation").Str("status") is { } v ? Cell(v) : "–";
            sb.Append(CultureInfo.InvariantCulture, $"| {Cell(run.Name)} | {RunStatus.Label(run.Status)} | {type} | {failed} | {(DashboardPage.HealSummary(run) is var heal && heal != "–" ? Cell(heal) : heal)} | {validation} |\n");
        }

        if (runs.Count > MaxRows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n…and {runs.Count - MaxRows} more run(s).\n");
        }

        foreach (var run in runs.Where(r => r.Problems.Count > 0).Take(MaxRows))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n- {Cell(run.Name)} unreadable: {Cell(string.Join("; ", run.Problems))}");
        }

        if (runs.Any(r => r.Problems.Count > 0))
        {
            sb.Append('\n');
        }
    }

    /// <summary>A table cell from input: a code span, with the table's pipe escaped.</summary>
    private static string Cell(string? text) => Markdown.Code(text).Replace("|", "\\|", StringComparison.Ordinal);
}
