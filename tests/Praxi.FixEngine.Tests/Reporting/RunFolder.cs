using System.Text.Json;
using System.Text.Json.Nodes;

namespace Praxi.FixEngine.Tests.Reporting;

/// <summary>
/// A run's output folder in a temp directory, written in the shapes <c>praxi heal --out</c> writes (snake_case JSON,
/// unified diffs); each stage is optional so a test writes only what it is about.
/// </summary>
internal sealed class RunFolder : IDisposable
{
    private readonly TempFolder _temp;

    private RunFolder(TempFolder temp, string path)
    {
        _temp = temp;
        Path = path;
    }

    public string Path { get; }

    public static RunFolder Create(string name)
    {
        var temp = TempFolder.Create("dash");
        var path = temp.Combine(name);
        Directory.CreateDirectory(path);
        return new RunFolder(temp, path);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>analysis.json with one failure per (test, type, message).</summary>
    public RunFolder Analysis(string runId, string type, params (string Test, string Type, string Message)[] failures) =>
        Json("analysis.json", new JsonObject
        {
            ["schema_version"] = 1,
            ["run_id"] = runId,
            ["classification"] = new JsonObject
            {
                ["error_type"] = type,
                ["confidence"] = 0.81,
                ["evidence"] = new JsonArray(new JsonObject { ["source"] = "playwright.log", ["line"] = 12, ["text"] = failures.FirstOrDefault().Message ?? "all passed" }),
                ["failures"] = new JsonArray([.. failures.Select((f, i) => (JsonNode)new JsonObject
                {
                    ["test"] = f.Test,
                    ["file"] = "tests/cart.spec.ts",
                    ["line"] = 10 + i,
                    ["error_type"] = f.Type,
                    ["confidence"] = 0.8,
                    ["message"] = f.Message,
                })]),
            },
            ["triggers"] = new JsonObject { ["self_heal"] = false, ["fix_agent"] = true, ["human_review"] = false },
        });

    /// <summary>heal.json: one healed outcome per test given, and one abstention.</summary>
    public RunFolder Heal(string test, string from, string to) =>
        Json("heal.json", new JsonObject
        {
            ["run_id"] = "r",
            ["outcomes"] = new JsonArray(
                new JsonObject
                {
                    ["test"] = test,
                    ["status"] = "healed",
                    ["old"] = new JsonObject { ["by"] = "css", ["value"] = from },
                    ["new"] = new JsonObject { ["by"] = "css", ["value"] = to },
                    ["confidence"] = 0.97,
                    ["reason"] = "matches the baseline fingerprint",
                    ["evidence"] = new JsonObject { ["source"] = "trace.zip", ["snapshot"] = "trace abc@1 after" },
                    ["candidates"] = new JsonArray(
                        new JsonObject { ["element"] = $"<button id=\"{to}\">Add to cart", ["score"] = 0.92 },
                        new JsonObject { ["element"] = "<button class=\"link\">Sign out", ["score"] = 0.27 }),
                },
                new JsonObject
                {
                    ["test"] = test + " (other)",
                    ["status"] = "element_gone",
                    ["old"] = new JsonObject { ["by"] = "test_id", ["value"] = "cart-count" },
                    ["confidence"] = 0,
                    ["reason"] = "nothing similar enough: the element looks removed",
                    ["candidates"] = new JsonArray(new JsonObject { ["element"] = "<span class=\"badge\">", ["score"] = 0.24 }),
                }),
        });

    /// <summary>fix-agent/: metadata with one edit, guardrails and validation, and the diff.</summary>
    public RunFolder Patch(string runId, string prTitle, string before, string after, string validation = "passed", bool rejected = false)
    {
        Json($"fix-agent/metadata-{runId}.json", new JsonObject
        {
            ["run_id"] = runId,
            ["suggested_branch"] = "praxi/fix-" + runId,
            ["pr_title"] = prTitle,
            ["pr_body"] = "## Changes\n" + prTitle,
            ["risk"] = new JsonObject { ["class"] = "test-only", ["score"] = 0.22 },
            ["edits"] = new JsonArray(new JsonObject { ["file"] = "e2e/pages/product.ts", ["line"] = 9, ["kind"] = "replace_selector", ["before"] = before, ["after"] = after }),
            ["guardrails"] = new JsonObject
            {
                ["allowed"] = true,
                ["decisions"] = new JsonArray(
                    new JsonObject { ["rule"] = "path_allowlist", ["subject"] = "e2e/pages/product.ts", ["verdict"] = "allowed" },
                    new JsonObject { ["rule"] = "max_files", ["value"] = 1, ["limit"] = 5, ["verdict"] = "allowed" }),
            },
            ["validation"] = new JsonObject
            {
                ["status"] = validation,
                ["command"] = "npx playwright test",
                ["checks"] = new JsonArray(
                    new JsonObject { ["name"] = "applies", ["passed"] = true, ["detail"] = "git apply --check" },
                    new JsonObject { ["name"] = "target_passes", ["passed"] = validation == "passed", ["detail"] = "rerun" }),
                ["tests"] = new JsonArray(validation == "progressed"
                    ? new JsonObject
                    {
                        ["test"] = "cart", ["status"] = "progressed",
                        ["failure"] = new JsonObject { ["file"] = "e2e/cart.spec.ts", ["line"] = 6, ["message"] = "Error: table \"Items\" already exists", ["error_type"] = "database" },
                    }
                    : new JsonObject { ["test"] = "cart", ["status"] = validation == "passed" ? "passed" : "failed" }),
            },
            ["needs_manual_review"] = false,
            ["manual_review"] = new JsonArray(),
        });
        var diff = $"diff --git a/e2e/pages/product.ts b/e2e/pages/product.ts\n--- a/e2e/pages/product.ts\n+++ b/e2e/pages/product.ts\n@@ -8,3 +8,3 @@\n   constructor() {{}}\n-  add = {before};\n+  add = {after};\n }}\n";
        Text($"fix-agent/patch-{runId}.diff", rejected ? string.Empty : diff);
        return rejected ? Text($"fix-agent/patch-{runId}.rejected.diff", diff) : this;
    }

    /// <summary>self-heal/: a decision and a report with one action and the given verdicts.</summary>
    public RunFolder SelfHeal(string runId, string status, params (string Test, string Verdict)[] verdicts)
    {
        Json("self-heal/decision.json", new JsonObject
        {
            ["run_id"] = runId,
            ["decided_at"] = "2026-01-02T03:04:05+00:00",
            ["allowed"] = true,
            ["rule"] = "allowed",
            ["reason"] = "database is eligible: reseed then rerun",
            ["actions"] = new JsonArray("reseed", "rerun"),
            ["attempt"] = 1,
            ["max_attempts"] = 2,
            ["trigger"] = new JsonObject { ["source"] = "workflow_dispatch", ["manual"] = true, ["required"] = false },
        });
        return Json($"self-heal/report-{runId}.json", new JsonObject
        {
            ["run_id"] = runId,
            ["rule"] = "allowed",
            ["status"] = status,
            ["summary"] = "reseed then rerun",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["name"] = "reseed",
                ["command"] = new JsonArray("dotnet", "run", "--", "seed"),
                ["cwd"] = ".",
                ["exit_code"] = 0,
                ["timed_out"] = false,
                ["duration_ms"] = 1234,
                ["output_tail"] = "seeded 12 products",
                ["status"] = "succeeded",
            }),
            ["rerun"] = new JsonArray(new JsonObject
            {
                ["runner"] = "playwright",
                ["scope"] = "subset",
                ["command"] = new JsonArray("npx", "playwright", "test"),
                ["exit_code"] = 0,
                ["duration_ms"] = 5000,
                ["results"] = new JsonArray([.. verdicts.Select(v => (JsonNode)new JsonObject
                {
                    ["test"] = v.Test,
                    ["status"] = v.Verdict == "still_failing" ? "failed" : "passed",
                    ["verdict"] = v.Verdict,
                    ["message"] = "rerun " + v.Verdict,
                })]),
                ["problems"] = new JsonArray(),
            }),
            ["tree"] = new JsonObject { ["before"] = "clean", ["changed"] = new JsonArray(), ["verified"] = true, ["method"] = "git" },
        });
    }

    public RunFolder Text(string relative, string content)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public RunFolder Touch(DateTime utc)
    {
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, utc);
        }

        return this;
    }

    private RunFolder Json(string relative, JsonNode node) =>
        Text(relative, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
