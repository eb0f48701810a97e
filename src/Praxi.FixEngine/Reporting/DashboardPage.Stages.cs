using System.Globalization;
using System.Text.Json;

namespace Praxi.FixEngine.Reporting;

/// <summary>The sections of one run: classification, tests, self-heal, selector healing, guardrails, validation.</summary>
internal static partial class DashboardPage
{
    private static void WriteClassification(HtmlWriter w, RunOutputs run)
    {
        var c = run.Analysis.Prop("classification");
        if (!c.IsObject())
        {
            return;
        }

        w.Open("section", "classification").Element("h3", null, "Classification")
            .Open("p").Markup("<strong>").Text(c.Str("error_type") ?? "unknown").Markup("</strong> · confidence ")
            .Text(JsonRead.Fixed2(c.Num("confidence")));
        var plan = run.Analysis.Prop("self_heal_plan");
        if (plan.Str("reason") is { } reason)
        {
            w.Text(" · self-heal plan: " + (plan.Bool("eligible") == true ? "eligible" : "not eligible") + " — " + reason);
        }

        w.Close("p");
        var evidence = c.Arr("evidence");
        if (evidence.Count > 0)
        {
            w.Open("ul", "evidence");
            foreach (var e in evidence)
            {
                w.Open("li").Open("code").Text(Source(e)).Close("code").Text(" " + e.Str("text")).Close("li");
            }

            w.Close("ul");
        }

        w.Close("section");
    }

    private static string Source(JsonElement e) =>
        (e.Str("source") ?? "?") + (e.Num("line") is > 0 and var line ? ":" + HtmlWriter.Number(line) : string.Empty);

    private static void WriteTests(HtmlWriter w, RunOutputs run)
    {
        var failures = run.Failures;
        if (failures.Count == 0)
        {
            return;
        }

        w.Element("h3", null, $"Failed tests ({failures.Count})").Markup("<table class=\"tests\">")
            .HeaderRow("Test", "Type", "Confidence", "Where", "Message").Open("tbody");
        foreach (var f in failures)
        {
            var where = f.Str("file") is { } file ? file + (f.Str("line") is { } line ? ":" + line : string.Empty) : "–";
            w.Open("tr", "test-row")
                .Cell(f.Str("test"))
                .Cell(f.Str("error_type") + (f.Str("secondary_type") is { } s ? " (+" + s + ")" : string.Empty))
                .Cell(JsonRead.Fixed2(f.Num("confidence")), "num")
                .Cell(where)
                .Cell(f.Str("message"))
                .Close("tr");
        }

        w.Markup("</tbody></table>\n");
    }

    private static void WriteSelfHeal(HtmlWriter w, RunOutputs run)
    {
        var d = run.Decision;
        var r = run.SelfHealReport;
        if (!d.IsObject() && !r.IsObject())
        {
            return;
        }

        w.Open("section", "self-heal").Element("h3", null, "Self-heal");
        if (d.IsObject())
        {
            w.Open("p", "decision").Markup("Decision: <strong>").Text(d.Bool("allowed") == true ? "allowed" : "refused").Markup("</strong> by rule ")
                .Open("code").Text(d.Str("rule")).Close("code").Text(" — " + d.Str("reason"));
            var actions = d.Strings("actions");
            if (actions.Count > 0)
            {
                w.Text(" · actions: " + string.Join(" → ", actions));
            }

            w.Text($" · attempt {d.Str("attempt") ?? "?"} of {d.Str("max_attempts") ?? "?"} · trigger {d.Prop("trigger").Str("source") ?? "none"}").Close("p");
            foreach (var x in d.Arr("excluded"))
            {
                w.Element("p", "sub", $"left out: {x.Str("test")} ({x.Str("type")}): {x.Str("reason")}");
            }
        }

        var attempts = run.Attempts.Arr("attempts");
        if (attempts.Count > 0)
        {
            w.Element("p", "sub", $"{attempts.Count} attempt(s) recorded: " + string.Join(", ", attempts.Select(a => a.Str("status") ?? "?")));
        }

        if (r.IsObject())
        {
            w.Open("p", "report").Markup("Report: <strong>").Text(r.Str("status")).Markup("</strong> — ").Text(r.Str("summary")).Close("p");
            WriteActions(w, r.Arr("actions"));
            foreach (var rerun in r.Arr("rerun"))
            {
                WriteRerun(w, rerun);
            }

            var tree = r.Prop("tree");
            if (tree.IsObject())
            {
                var changed = tree.Strings("changed");
                w.Element("p", tree.Bool("verified") == true ? "ok" : "bad",
                    $"Working tree ({tree.Str("method")}): before {tree.Str("before")}; " + (changed.Count == 0 ? "unchanged" : "changed: " + string.Join(", ", changed)));
            }
        }

        w.Close("section");
    }

    private static void WriteActions(HtmlWriter w, IReadOnlyList<JsonElement> actions)
    {
        if (actions.Count == 0)
        {
            return;
        }

        w.Markup("<table class=\"actions\">").HeaderRow("Action", "Command", "Exit", "Duration", "Status", "Output (tail)").Open("tbody");
        foreach (var a in actions)
        {
            w.Open("tr", "action-row")
                .Cell(a.Str("name"))
                .Open("td").Open("code").Text(string.Join(" ", a.Strings("command"))).Close("code").Close("td")
                .Cell(a.Bool("timed_out") == true ? "timed out" : a.Str("exit_code") ?? "–", "num")
                .Cell(Duration(a.Num("duration_ms")), "num")
                .Cell(a.Str("status"));
            Tail(w.Open("td"), a.Str("output_tail")).Close("td").Close("tr");
        }

        w.Markup("</tbody></table>\n");
    }

    private static void WriteRerun(HtmlWriter w, JsonElement rerun)
    {
        w.Open("p").Text($"Rerun {rerun.Str("runner")} ({rerun.Str("scope")}): exit {(rerun.Bool("timed_out") == true ? "timed out" : rerun.Str("exit_code") ?? "–")}, {Duration(rerun.Num("duration_ms"))}")
            .Markup(" ").Open("code").Text(string.Join(" ", rerun.Strings("command"))).Close("code").Close("p");
        foreach (var problem in rerun.Strings("problems"))
        {
            w.Element("p", "bad", problem);
        }

        var results = rerun.Arr("results");
        if (results.Count > 0)
        {
            w.Markup("<table class=\"verdicts\">").HeaderRow("Test", "Status", "Verdict", "Evidence").Open("tbody");
            foreach (var v in results)
            {
                var verdict = v.Str("verdict") ?? "?";
                w.Open("tr", "verdict-row").Cell(v.Str("test")).Cell(v.Str("status"))
                    .Cell(verdict.Replace('_', ' '), "verdict v-" + Token(verdict)).Cell(v.Str("message")).Close("tr");
            }

            w.Markup("</tbody></table>\n");
        }

        Tail(w, rerun.Str("output_tail"));
    }

    private static void WriteSelectorHeal(HtmlWriter w, RunOutputs run)
    {
        var outcomes = run.Heal.Arr("outcomes");
        if (outcomes.Count == 0)
        {
            return;
        }

        w.Open("section", "selector-heal").Element("h3", null, "Selector healing: DOM evidence")
            .Markup("<table class=\"heal\">").HeaderRow("Test", "Status", "Locator", "Matched element", "Runner-up", "Why").Open("tbody");
        foreach (var o in outcomes)
        {
            var status = o.Str("status") ?? "?";
            var candidates = o.Arr("candidates");
            var healed = status == "healed";
            w.Open("tr", "heal-row").Cell(o.Str("test")).Cell(status.Replace('_', ' '), "verdict v-" + Token(status))
                .Open("td").Open("code", "before").Text(o.Prop("old").Locator()).Close("code");
            if (o.Prop("new").IsObject())
            {
                w.Markup(" → ").Open("code", "after").Text(o.Prop("new").Locator()).Close("code");
            }

            w.Text($" ({JsonRead.Fixed2(o.Num("confidence"))})").Close("td");
            Candidate(w, healed && candidates.Count > 0 ? candidates[0] : default, healed ? null : "none: abstained");
            Candidate(w, candidates.Count > (healed ? 1 : 0) ? candidates[healed ? 1 : 0] : default, "–");
            var evidence = o.Prop("evidence");
            w.Cell((healed ? string.Empty : "abstained: ") + o.Str("reason")
                + (evidence.Str("snapshot") is { } snap ? $" [{snap}; {evidence.Str("source")}]" : string.Empty)).Close("tr");
        }

        w.Markup("</tbody></table></section>\n");
    }

    private static void Candidate(HtmlWriter w, JsonElement candidate, string? none)
    {
        w.Open("td");
        if (candidate.IsObject())
        {
            w.Open("code").Text(candidate.Str("element")).Close("code").Text($" score {JsonRead.Fixed2(candidate.Num("score"))}");
        }
        else
        {
            w.Text(none ?? "–");
        }

        w.Close("td");
    }

    private static void WriteGuardrails(HtmlWriter w, RunOutputs run)
    {
        var g = run.Metadata.Prop("guardrails");
        if (!g.IsObject())
        {
            return;
        }

        var decisions = g.Arr("decisions");
        var blocked = decisions.Where(d => d.Str("verdict") != "allowed").ToList();
        var risk = run.Metadata.Prop("risk");
        w.Open("section", "guardrails").Element("h3", null, "Guardrails")
            .Open("p").Markup("<strong>").Text(g.Bool("allowed") == false ? "blocked" : "allowed").Markup("</strong>")
            .Text($" · risk {risk.Str("class") ?? "?"} ({JsonRead.Fixed2(risk.Num("score"))}) · {decisions.Count} check(s), {blocked.Count} not allowed").Close("p");
        if (blocked.Count > 0)
        {
            WriteDecisions(w, blocked);
        }

        if (decisions.Count > blocked.Count)
        {
            w.Open("details").Element("summary", null, $"all {decisions.Count} checks");
            WriteDecisions(w, decisions);
            w.Close("details");
        }

        w.Close("section");
    }

    private static void WriteDecisions(HtmlWriter w, IEnumerable<JsonElement> decisions)
    {
        w.Markup("<table class=\"guardrail-decisions\">").HeaderRow("Rule", "Subject", "Verdict", "Detail").Open("tbody");
        foreach (var d in decisions)
        {
            var verdict = d.Str("verdict") ?? "?";
            var detail = string.Join(" ", new[]
            {
                d.Str("value") is { } v ? $"{v} / limit {d.Str("limit") ?? "–"}" : null,
                d.Str("before") is { } b ? $"{b} before, {d.Str("after") ?? "–"} after" : null,
                d.Str("reason") ?? d.Str("detail"),
            }.Where(s => s is not null));
            w.Open("tr", "guardrail-row").Cell(d.Str("rule")).Cell(d.Str("subject") ?? "–").Cell(verdict, "verdict v-" + Token(verdict)).Cell(detail).Close("tr");
        }

        w.Markup("</tbody></table>\n");
    }

    private static void WriteValidation(HtmlWriter w, RunOutputs run)
    {
        var v = run.Metadata.Prop("validation");
        if (!v.IsObject())
        {
            return;
        }

        var status = v.Str("status") ?? "?";
        w.Open("section", "validation").Element("h3", null, "Validation")
            .Open("p").Markup("Status: ").Element("strong", "verdict v-" + Token(status), status.Replace('_', ' '))
            .Text((v.Str("reason") is { } reason ? " — " + reason : string.Empty) + (v.Num("duration_ms") is { } ms ? " · " + Duration(ms) : string.Empty)).Close("p");
        if (v.Str("command") is { } command)
        {
            w.Open("p").Markup("Command: ").Element("code", null, command).Close("p");
        }

        var checks = v.Arr("checks");
        if (checks.Count > 0)
        {
            w.Markup("<table class=\"checks\">").HeaderRow("Check", "Result", "Detail").Open("tbody");
            foreach (var c in checks)
            {
                var passed = c.Bool("passed") == true;
                w.Open("tr", "check-row").Cell(c.Str("name")).Cell(passed ? "passed" : "failed", passed ? "ok" : "bad").Cell(c.Str("detail")).Close("tr");
            }

            w.Markup("</tbody></table>\n");
        }

        var tests = v.Arr("tests");
        if (tests.Count > 0)
        {
            w.Open("ul", "validated-tests");
            foreach (var t in tests)
            {
                var f = t.Prop("failure");
                var at = f.IsObject()
                    ? " at " + f.Str("file") + (f.Num("line") is { } line ? ":" + line.ToString(CultureInfo.InvariantCulture) : string.Empty) + " — " + f.Str("message")
                      + (f.Str("error_type") is { } type ? $" ({type})" : string.Empty)
                    : string.Empty;
                w.Open("li").Text(t.Str("test") + ": ").Element("span", "verdict v-" + Token(t.Str("status") ?? "?"), t.Str("status")).Text(at).Close("li");
            }

            w.Close("ul");
        }

        Tail(w, v.Str("output_tail"));
        w.Close("section");
    }

    /// <summary>An output tail, folded (a details element works without JavaScript).</summary>
    private static HtmlWriter Tail(HtmlWriter w, string? tail) =>
        string.IsNullOrWhiteSpace(tail) ? w : w.Open("details").Element("summary", null, "output").Element("pre", null, tail).Close("details");

    private static string Duration(double? ms) => ms is { } v
        ? v >= 1000 ? (v / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s" : HtmlWriter.Number(v) + " ms"
        : "–";

    /// <summary>A class-name token from input: lowercase letters, digits and '_' only (anything else becomes '_').</summary>
    internal static string Token(string value) =>
        new([.. value.ToLowerInvariant().Take(40).Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_')]);
}
