using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Praxi.FixEngine.Cli.Tests.Commands;

/// <summary>
/// <c>praxi fix --validate</c> end to end in-process: the real fix agent plans the patch, validation applies it to a real
/// git worktree and runs a small node runner there that passes the test only when the file clicks <c>sign-in</c>.
/// </summary>
public sealed class FixValidateTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private const string Spec = "import { test } from '@playwright/test';\n\ntest('signs in', async ({ page }) => {\n  await page.locator('#login-btn').click();\n});\n";

    private const string Runner = """
        const fs = require('fs');
        const ok = fs.readFileSync('e2e/login.spec.ts', 'utf8').includes('sign-in');
        const cases = process.argv.slice(2).map(n => ok ? `<testcase classname="login.spec.ts" name="${n}"/>` : `<testcase classname="login.spec.ts" name="${n}"><failure message="locator not found">x</failure></testcase>`).join('');
        fs.mkdirSync('out', { recursive: true });
        fs.writeFileSync('out/junit.xml', `<?xml version="1.0"?><testsuites><testsuite name="s">${cases}</testsuite></testsuites>`);
        process.exit(ok ? 0 : 1);
        """;

    private const string Config = """
        { "tests": [ { "name": "e2e", "match": ["e2e/*"], "command": ["node", "run.js", "{tests}"], "results": ["out/junit.xml"], "timeout_s": 120 } ] }
        """;

    [Fact]
    public async Task FixValidate_PatchThatMakesTheTestPass_WritesThePatchAndExitsZero()
    {
        var (repo, work) = NewRepo();
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("fix", repo, "--analysis", WriteAnalysis(work, "[data-testid=\"sign-in\"]"), "--out", outDir, "--validate");

        code.Should().Be(ExitCodes.Success, stdout + stderr);
        stdout.Should().Contain("validation passed: node run.js 'login.spec.ts › signs in' (");
        File.ReadAllText(Path.Combine(outDir, "patch-42-1.diff")).Should().Contain("+  await page.getByTestId('sign-in').click();");
        File.Exists(Path.Combine(outDir, "patch-42-1.rejected.diff")).Should().BeFalse();
        var metadata = File.ReadAllText(Path.Combine(outDir, "metadata-42-1.json"));
        AssertSchemaValid(metadata);
        using var json = JsonDocument.Parse(metadata);
        json.RootElement.GetProperty("validation").GetProperty("status").GetString().Should().Be("passed");
        json.RootElement.GetProperty("needs_manual_review").GetBoolean().Should().BeFalse();
        File.ReadAllText(Path.Combine(repo, "e2e", "login.spec.ts")).Should().Be(Spec);
    }

    [Fact]
    public async Task FixValidate_PatchThatDoesNotFixTheTest_IsWithheldWithTheRejectedDiffAndExitsOne()
    {
        var (repo, work) = NewRepo();
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("fix", repo, "--analysis", WriteAnalysis(work, "#still-wrong"), "--out", outDir, "--validate", "--apply");

        code.Should().Be(ExitCodes.Failed, stdout + stderr);
        stdout.Should().Contain("validation still failing: check 'target_passes' failed: 'login.spec.ts › signs in' still fails")
            .And.Contain("patch withheld: the patch file is empty").And.Contain("not applied: validation withheld the patch");
        File.ReadAllText(Path.Combine(outDir, "patch-42-1.diff")).Should().BeEmpty();
        File.ReadAllText(Path.Combine(outDir, "patch-42-1.rejected.diff")).Should().Contain("+  await page.locator('#still-wrong').click();");
        var metadata = File.ReadAllText(Path.Combine(outDir, "metadata-42-1.json"));
        AssertSchemaValid(metadata);
        using var json = JsonDocument.Parse(metadata);
        json.RootElement.GetProperty("validation").GetProperty("status").GetString().Should().Be("still_failing");
        json.RootElement.GetProperty("needs_manual_review").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("manual_review")[0].GetProperty("status").GetString().Should().Be("validation_failed");
        json.RootElement.GetProperty("pr_body").GetString().Should().Contain("**Still failing — the patch is withheld**");
        File.ReadAllText(Path.Combine(repo, "e2e", "login.spec.ts")).Should().Be(Spec, "--apply writes nothing that was withheld");
    }

    [Fact]
    public async Task FixValidate_HealedTestFailsLaterOn_SaysProgressedWithTheNewFailureOnOneLineAndKeepsThePatch()
    {
        using var repo = ProgressRepo.Create();
        var work = _temp.Subfolder();
        var outDir = Path.Combine(work, "out");
        var analysis = WriteProgressAnalysis(work);

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("fix", repo.Root, "--analysis", analysis, "--out", outDir, "--validate");

        code.Should().Be(ExitCodes.Success, stdout + stderr);
        stdout.Split('\n').Should().Contain($"validation progressed: '{ProgressRepo.TestName}' got past the call that failed (tests/items.spec.js:5) and now fails at tests/items.spec.js:6: "
            + "Error: page.fill: SqliteException: SQLite Error 1: 'table \"Items\" already exists'. (database) (the patch is kept)");
        File.ReadAllText(Path.Combine(outDir, "patch-43-1.diff")).Should().Contain("+  await page.click('#add-item');");
        var metadata = File.ReadAllText(Path.Combine(outDir, "metadata-43-1.json"));
        AssertSchemaValid(metadata);
        using var json = JsonDocument.Parse(metadata);
        var validation = json.RootElement.GetProperty("validation");
        validation.GetProperty("status").GetString().Should().Be("progressed");
        var failure = validation.GetProperty("tests")[0].GetProperty("failure");
        (failure.GetProperty("file").GetString(), failure.GetProperty("line").GetInt32(), failure.GetProperty("error_type").GetString()).Should().Be((ProgressRepo.SpecPath, 6, "database"));
    }

    [Fact]
    public async Task FixValidate_HealedTestFailsLaterOnUnderWithhold_IsWithheldAndExitsOne()
    {
        using var repo = ProgressRepo.Create("\"on_progressed\": \"withhold\"");
        var work = _temp.Subfolder();
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("fix", repo.Root, "--analysis", WriteProgressAnalysis(work), "--out", outDir, "--validate");

        code.Should().Be(ExitCodes.Failed, stdout + stderr);
        stdout.Should().Contain("(on_progressed: withhold, the patch is withheld)").And.Contain("patch withheld: the patch file is empty");
        File.ReadAllText(Path.Combine(outDir, "patch-43-1.diff")).Should().BeEmpty();
    }

    [Fact]
    public async Task FixValidate_BrokenValidationConfig_IsOneLineErrorWithExitTwo()
    {
        var (repo, work) = NewRepo();
        File.WriteAllText(Path.Combine(repo, "praxi.json"), """{ "validation": { "timeout_s": 0 } }""");
        var outDir = Path.Combine(work, "out");

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("fix", repo, "--analysis", WriteAnalysis(work, "[data-testid=\"sign-in\"]"), "--out", outDir, "--validate");

        code.Should().Be(ExitCodes.BadInput);
        stderr.Trim().Should().EndWith("validation: timeout_s must be between 1 and 86400.").And.NotContain("\n").And.NotContain("   at ");
        Directory.Exists(outDir).Should().BeFalse();
    }

    private (string Repo, string Work) NewRepo()
    {
        var work = _temp.Subfolder();
        var repo = Path.Combine(work, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "e2e"));
        File.WriteAllText(Path.Combine(repo, "e2e", "login.spec.ts"), Spec);
        File.WriteAllText(Path.Combine(repo, "run.js"), Runner);
        File.WriteAllText(Path.Combine(repo, "praxi.json"), Config);
        File.WriteAllText(Path.Combine(repo, ".gitignore"), "out/\n");
        GitRunner.Run(repo, "init", "-q").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "add", "-A").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "-c", "user.name=praxi", "-c", "user.email=praxi@example.invalid", "commit", "-q", "-m", "initial").ExitCode.Should().Be(0);
        return (repo, work);
    }

    private static string WriteAnalysis(string work, string newSelector)
    {
        const string test = "login.spec.ts › signs in";
        var analysis = new JsonObject
        {
            ["schema_version"] = 1,
            ["run_id"] = "42-1",
            ["classification"] = new JsonObject
            {
                ["error_type"] = "selector_not_found",
                ["confidence"] = 0.9,
                ["evidence"] = new JsonArray(),
                ["failures"] = new JsonArray(new JsonObject
                {
                    ["test"] = test,
                    ["file"] = "e2e/login.spec.ts",
                    ["line"] = 4,
                    ["error_type"] = "selector_not_found",
                    ["confidence"] = 0.9,
                    ["message"] = "locator('#login-btn') not found",
                }),
            },
            ["self_heal_plan"] = new JsonObject { ["eligible"] = false, ["reason"] = "selector drift", ["actions"] = new JsonArray(), ["max_attempts"] = 2 },
            ["fix_agent_instructions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "replace_selector",
                ["test"] = test,
                ["file"] = "e2e/login.spec.ts",
                ["line"] = 4,
                ["column"] = 22,
                ["old"] = new JsonObject { ["by"] = "css", ["value"] = "#login-btn" },
                ["new"] = new JsonObject { ["by"] = "css", ["value"] = newSelector },
                ["confidence"] = 0.88,
                ["evidence"] = "DOM snapshot",
            }),
            ["triggers"] = new JsonObject { ["self_heal"] = false, ["fix_agent"] = true, ["human_review"] = false },
        };
        var path = Path.Combine(work, "analysis.json");
        File.WriteAllText(path, analysis.ToJsonString());
        return path;
    }

    /// <summary>The analysis of <see cref="ProgressRepo"/>'s failed run: the click on <c>#add-btn</c> timed out; heal it to <c>#add-item</c>.</summary>
    private static string WriteProgressAnalysis(string work)
    {
        var analysis = new JsonObject
        {
            ["schema_version"] = 1,
            ["run_id"] = "43-1",
            ["classification"] = new JsonObject
            {
                ["error_type"] = "selector_not_found",
                ["confidence"] = 0.9,
                ["evidence"] = new JsonArray(),
                ["failures"] = new JsonArray(new JsonObject
                {
                    ["test"] = ProgressRepo.TestName,
                    ["file"] = ProgressRepo.SpecPath,
                    ["line"] = ProgressRepo.ClickLine,
                    ["test_file"] = ProgressRepo.SpecPath,
                    ["test_line"] = 3,
                    ["error_type"] = "selector_not_found",
                    ["confidence"] = 0.9,
                    ["action"] = "page.click",
                    ["message"] = ProgressRepo.ClickError,
                    ["framework"] = "playwright",
                }),
            },
            ["self_heal_plan"] = new JsonObject { ["eligible"] = false, ["reason"] = "selector drift", ["actions"] = new JsonArray(), ["max_attempts"] = 2 },
            ["fix_agent_instructions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "replace_selector",
                ["test"] = ProgressRepo.TestName,
                ["file"] = ProgressRepo.SpecPath,
                ["line"] = ProgressRepo.ClickLine,
                ["column"] = 20,
                ["old"] = new JsonObject { ["by"] = "css", ["value"] = "#add-btn" },
                ["new"] = new JsonObject { ["by"] = "css", ["value"] = "#add-item" },
                ["confidence"] = 0.9,
                ["evidence"] = "DOM snapshot",
            }),
            ["triggers"] = new JsonObject { ["self_heal"] = false, ["fix_agent"] = true, ["human_review"] = false },
        };
        var path = Path.Combine(work, "analysis.json");
        File.WriteAllText(path, analysis.ToJsonString());
        return path;
    }

    private static void AssertSchemaValid(string json)
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "fix-metadata.schema.json"));
        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(json);
    }
}
