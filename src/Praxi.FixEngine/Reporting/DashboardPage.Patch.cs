namespace Praxi.FixEngine.Reporting;

/// <summary>The proposed patch: before/after locators side by side, manual review items, the unified diff.</summary>
internal static partial class DashboardPage
{
    private static void WritePatch(HtmlWriter w, RunOutputs run)
    {
        var m = run.Metadata;
        var edits = m.Arr("edits");
        var review = m.Arr("manual_review");
        if (!m.IsObject() && run.Patch is null && run.RejectedPatch is null)
        {
            return;
        }

        w.Open("section", "patch").Element("h3", null, "Proposed patch");
        if (m.Str("pr_title") is { } prTitle)
        {
            w.Open("p").Markup("PR: <strong>").Text(prTitle).Markup("</strong> · branch ").Element("code", null, m.Str("suggested_branch")).Close("p");
        }

        if (edits.Count > 0)
        {
            w.Markup("<table class=\"edits\">").HeaderRow("File", "Kind", "Before", "After").Open("tbody");
            foreach (var e in edits)
            {
                w.Open("tr", "edit-row").Cell($"{e.Str("file")}:{e.Str("line")}" + (e.Str("followed_from") is { } from ? $" (from {from})" : string.Empty))
                    .Cell(e.Str("kind"))
                    .Open("td", "before").Element("code", null, e.Str("before")).Close("td")
                    .Open("td", "after").Element("code", null, e.Str("after")).Close("td").Close("tr");
            }

            w.Markup("</tbody></table>\n");
        }

        if (review.Count > 0)
        {
            w.Element("h3", null, $"Needs a person ({review.Count})").Markup("<table class=\"manual-review\">")
                .HeaderRow("Where", "Kind", "Status", "Reason").Open("tbody");
            foreach (var r in review)
            {
                w.Open("tr", "review-row").Cell($"{r.Str("file")}:{r.Str("line") ?? "?"}").Cell(r.Str("kind"))
                    .Cell(r.Str("status")).Cell(r.Str("reason")).Close("tr");
            }

            w.Markup("</tbody></table>\n");
        }

        if (run.Patch is { } patch)
        {
            WriteDiff(w, patch, "diff");
        }

        if (run.RejectedPatch is { } rejected)
        {
            w.Element("p", "bad", "Withheld by validation (the rejected diff, for review only):");
            WriteDiff(w, rejected, "diff rejected");
        }
        else if (run.Patch is null && m.IsObject())
        {
            w.Element("p", "sub", "No code change proposed.");
        }

        if (m.Str("pr_body") is { } body)
        {
            w.Open("details").Element("summary", null, "PR body (markdown source)").Element("pre", null, body).Close("details");
        }

        w.Close("section");
    }

    /// <summary>A unified diff, one element per line, classed by kind (file header, hunk, added, removed, context).</summary>
    private static void WriteDiff(HtmlWriter w, string diff, string cls)
    {
        w.Open("div", cls);
        foreach (var line in diff.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            var kind = line switch
            {
                _ when line.StartsWith("diff ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal)
                    || line.StartsWith("+++ ", StringComparison.Ordinal) || line.StartsWith("index ", StringComparison.Ordinal) => "dl file",
                _ when line.StartsWith("@@", StringComparison.Ordinal) => "dl hunk",
                _ when line.StartsWith('+') => "dl add",
                _ when line.StartsWith('-') => "dl del",
                _ => "dl ctx",
            };
            w.Element("div", kind, line.Length == 0 ? " " : line);
        }

        w.Close("div");
    }
}
