using System.Globalization;
using System.Text;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Cli;

/// <summary>The <c>--format text</c> view: what a person at a terminal needs first.</summary>
internal static class TextSummary
{
    public static string Render(AnalysisReport report)
    {
        var c = report.Classification;
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"Run {report.RunId}: {c.ErrorType.ToName()} (confidence {c.Confidence:0.00}), {c.Failures.Count} failure(s)").AppendLine();
        if (c.Evidence.Count > 0)
        {
            sb.Append(inv, $"  evidence: {c.Evidence[0].Source}:{c.Evidence[0].Line}: {c.Evidence[0].Text}").AppendLine();
        }

        foreach (var f in c.Failures)
        {
            var where = f.File is null ? string.Empty : string.Create(inv, $" at {f.File}{(f.Line is null ? string.Empty : ":" + f.Line)}{(f.Column is null ? string.Empty : ":" + f.Column)}");
            sb.AppendLine();
            sb.Append(inv, $"  ✘ {f.Test}{where}").AppendLine();
            sb.Append(inv, $"    {f.ErrorType.ToName()} ({f.Confidence:0.00}){(f.SecondaryType is { } s ? ", also " + s.ToName() : string.Empty)}").AppendLine();
            sb.Append(inv, $"    {f.Message}").AppendLine();
            if (f.Evidence.Count > 0 && f.Evidence[0].Text != f.Message)
            {
                sb.Append(inv, $"    ← {f.Evidence[0].Source}:{f.Evidence[0].Line}: {f.Evidence[0].Text}").AppendLine();
            }
        }

        sb.AppendLine();
        sb.Append(inv, $"Self-heal: {(report.SelfHealPlan.Eligible ? string.Join(" → ", report.SelfHealPlan.Actions) : "not eligible")} — {report.SelfHealPlan.Reason}").AppendLine();
        sb.Append(inv, $"Fix agent: {report.FixAgentInstructions.Count} instruction(s); human review: {(report.Triggers.HumanReview ? "yes" : "no")}").AppendLine();
        return sb.ToString();
    }
}
