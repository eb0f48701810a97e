using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Cli.Tests.Commands;

public sealed class FixCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private const string UnknownBy = "unknown locator \"by\": \"cssx\" (expected one of css, selector, xpath, id, name, class, link_text, test_id, text, label, placeholder, title, alt_text, role)";

    private const string Spec = "import { test } from '@playwright/test';\n\ntest('signs in', async ({ page }) => {\n  await page.locator('#login-btn').click();\n});\n";

    [Fact]
    public async Task Fix_AnalysisWithAbsoluteCiPath_WritesAPatchGitAcceptsAndSchemaValidMetadata()
    {
        var (repo, work) = NewRepo();
        var analysis = WriteAnalysis(work, Selector("/home/runner/work/shop/shop/e2e/login.spec.ts"));
        var outDir = Path.Combine(work, "fix-agent");

        var (code, stdout, stderr) = await RunAsync(WithFake(), "fix", repo, "--analysis", analysis, "--out", outDir);

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().StartWith("guardrails allowed: 1 edit(s) in 1 file(s), risk test-only");
        var patch = File.ReadAllText(Path.Combine(outDir, "patch-42-1.diff"));
        patch.Should().Contain("+  await page.locator('[data-testid=\"sign-in\"]').click();");
        GitRunner.Run(repo, "apply", "--check", Path.Combine(outDir, "patch-42-1.diff")).ExitCode.Should().Be(0);
        var metadata = File.ReadAllText(Path.Combine(outDir, "metadata-42-1.json"));
        AssertSchemaValid(metadata);
        File.ReadAllText(Path.Combine(repo, "e2e/login.spec.ts")).Should().Be(Spec, "plan-only by default");
    }

    [Fact]
    public async Task Fix_Apply_WritesTheEditedFile()
    {
        var (repo, work) = NewRepo();
        var analysis = WriteAnalysis(work, Selector("e2e/login.spec.ts"));

        var (code, stdout, stderr) = await RunAsync(WithFake(), "fix", repo, "--analysis", analysis, "--out", Path.Combine(work, "out"), "--apply");

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("applied: e2e/login.spec.ts");
        File.ReadAllText(Path.Combine(repo, "e2e/login.spec.ts")).Should().Be(Spec.Replace("#login-btn", "[data-testid=\"sign-in\"]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fix_GuardrailRefusal_ExitsZeroWithAnEmptyPatchAndTheReasons()
    {
        var (repo, work) = NewRepo();
        File.WriteAllText(Path.Combine(repo, "praxi.json"), """{ "guardrails": { "deny": ["e2e/login.*"] } }""");
        var analysis = WriteAnalysis(work, Selector("e2e/login.spec.ts"));
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await RunAsync(WithFake(), "fix", repo, "--analysis", analysis, "--out", outDir, "--apply");

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("guardrails refused (1 rule(s))").And.Contain("path_denylist e2e/login.spec.ts: matches the configured deny glob 'e2e/login.*'").And.Contain("applied: nothing to write");
        File.ReadAllText(Path.Combine(outDir, "patch-42-1.diff")).Should().BeEmpty();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metadata-42-1.json")));
        json.RootElement.GetProperty("guardrails").GetProperty("allowed").GetBoolean().Should().BeFalse();
        File.ReadAllText(Path.Combine(repo, "e2e/login.spec.ts")).Should().Be(Spec);
    }

    [Fact]
    public async Task Fix_InstructionWithoutARewriter_MetadataSaysNeedsManualReview()
    {
        var (repo, work) = NewRepo();
        File.WriteAllText(Path.Combine(repo, "e2e", "visual.xyz"), "#login-btn\n");
        var analysis = WriteAnalysis(work, Selector("e2e/visual.xyz", line: 1));
        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await RunAsync(CliServices.Default, "fix", repo, "--analysis", analysis, "--out", outDir);

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().StartWith("no code change (1 instruction(s)); empty patch").And.Contain("needs manual review: 1 instruction(s)");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metadata-42-1.json")));
        json.RootElement.GetProperty("needs_manual_review").GetBoolean().Should().BeTrue();
        var item = json.RootElement.GetProperty("manual_review")[0];
        item.GetProperty("status").GetString().Should().Be("no_rewriter");
        item.GetProperty("reason").GetString().Should().Be("no rewriter for .xyz");
        File.ReadAllText(Path.Combine(outDir, "patch-42-1.diff")).Should().BeEmpty();
    }

    [Fact]
    public async Task Fix_PreparedInput_IsAcceptedLikeAnAnalysis()
    {
        var (repo, work) = NewRepo();
        var analysis = WriteAnalysis(work, Selector("C:\\agent\\_work\\1\\s\\e2e\\login.spec.ts"));
        var prepared = Path.Combine(work, "fix-agent");

        var (prepCode, prepOut, prepErr) = await RunAsync(WithFake(), "fix", "prepare", "--analysis", analysis, "--repo", repo, "--out", prepared);
        var (code, _, stderr) = await RunAsync(WithFake(), "fix", repo, "--analysis", Path.Combine(prepared, "input.json"), "--out", prepared);

        prepCode.Should().Be(ExitCodes.Success, prepErr);
        prepOut.Should().StartWith("1 instruction(s), 1 path(s) resolved");
        using (var input = JsonDocument.Parse(File.ReadAllText(Path.Combine(prepared, "input.json"))))
        {
            input.RootElement.GetProperty("instructions")[0].GetProperty("file").GetString().Should().Be("e2e/login.spec.ts");
            input.RootElement.GetProperty("paths")[0].GetProperty("original").GetString().Should().Be("C:\\agent\\_work\\1\\s\\e2e\\login.spec.ts");
        }

        code.Should().Be(ExitCodes.Success, stderr);
        File.ReadAllText(Path.Combine(prepared, "patch-42-1.diff")).Should().Contain("data-testid");
    }

    [Theory]
    [InlineData("missing-repo", "repository '")]
    [InlineData("missing-analysis", "does not exist")]
    [InlineData("broken-analysis", "not valid JSON")]
    [InlineData("foreign-json", "neither 'fix_agent_instructions'")]
    [InlineData("bad-run-id", "run id")]
    [InlineData("unknown-by", UnknownBy + " (at $.fix_agent_instructions[0].old.by)")]
    [InlineData("unknown-by-in-input", UnknownBy + " (at $.instructions[0].new.by)")]
    [InlineData("broken-config", "praxi.json")]
    [InlineData("bad-config-values", "max_hunks")]
    public async Task Fix_BadInput_ExitsTwoWithOneLineAndNoOutput(string kind, string message)
    {
        var (repo, work) = NewRepo();
        var analysis = WriteAnalysis(work, Selector("e2e/login.spec.ts"));
        switch (kind)
        {
            case "missing-repo":
                repo = Path.Combine(work, "nope");
                break;
            case "missing-analysis":
                analysis = Path.Combine(work, "nope.json");
                break;
            case "broken-analysis":
                File.WriteAllText(analysis, "{ \"run_id\": ");
                break;
            case "foreign-json":
                File.WriteAllText(analysis, "{ \"name\": \"package\" }");
                break;
            case "bad-run-id":
                File.WriteAllText(analysis, """{ "run_id": "../../x", "instructions": [] }""");
                break;
            case "unknown-by":
                var unknownOld = Selector("e2e/login.spec.ts");
                unknownOld["old"]!["by"] = "cssx";
                analysis = WriteAnalysis(work, unknownOld);
                break;
            case "unknown-by-in-input":
                var unknownNew = Selector("e2e/login.spec.ts");
                unknownNew["new"]!["by"] = "cssx";
                File.WriteAllText(analysis, new JsonObject { ["run_id"] = "42-1", ["instructions"] = new JsonArray(unknownNew) }.ToJsonString());
                break;
            case "broken-config":
                File.WriteAllText(Path.Combine(repo, "praxi.json"), "{ \"guardrails\": ");
                break;
            default:
                File.WriteAllText(Path.Combine(repo, "praxi.json"), """{ "guardrails": { "max_hunks": 0 } }""");
                break;
        }

        var outDir = Path.Combine(work, "out");

        var (code, stdout, stderr) = await RunAsync(WithFake(), "fix", repo, "--analysis", analysis, "--out", outDir);

        code.Should().Be(ExitCodes.BadInput);
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("praxi: ").And.Contain(message);
        stdout.Should().BeEmpty();
        Directory.Exists(outDir).Should().BeFalse("nothing partial is written");
    }

    [Fact]
    public async Task Fix_WithoutAnalysisOption_IsAUsageError()
    {
        var (repo, _) = NewRepo();

        var (code, _, stderr) = await RunAsync(WithFake(), "fix", repo);

        code.Should().Be(ExitCodes.BadInput);
        stderr.Should().StartWith("praxi: ").And.Contain("--analysis");
    }

    private static CliServices WithFake() => new(options => new FixAgent(options, [new LiteralRewriter()]));

    private static Task<(int Code, string Stdout, string Stderr)> RunAsync(CliServices services, params string[] args) => RunCoreAsync(services, args);

    private static async Task<(int Code, string Stdout, string Stderr)> RunCoreAsync(CliServices services, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await PraxiCli.RunAsync(args, stdout, stderr, services);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private (string Repo, string Work) NewRepo()
    {
        var work = _temp.Subfolder();
        var repo = Path.Combine(work, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "e2e"));
        File.WriteAllText(Path.Combine(repo, "e2e", "login.spec.ts"), Spec);
        GitRunner.Run(repo, "init", "-q");
        return (repo, work);
    }

    private static string WriteAnalysis(string work, JsonObject instruction)
    {
        var analysis = new JsonObject
        {
            ["schema_version"] = 1,
            ["run_id"] = "42-1",
            ["classification"] = new JsonObject { ["error_type"] = "selector_not_found", ["confidence"] = 0.9, ["evidence"] = new JsonArray(), ["failures"] = new JsonArray() },
            ["self_heal_plan"] = new JsonObject { ["eligible"] = false, ["reason"] = "selector drift", ["actions"] = new JsonArray(), ["max_attempts"] = 2 },
            ["fix_agent_instructions"] = new JsonArray(instruction),
            ["triggers"] = new JsonObject { ["self_heal"] = false, ["fix_agent"] = true, ["human_review"] = false },
        };
        var path = Path.Combine(work, "analysis.json");
        File.WriteAllText(path, analysis.ToJsonString());
        return path;
    }

    private static JsonObject Selector(string file, int line = 4) => new()
    {
        ["kind"] = "replace_selector",
        ["test"] = "login.spec.ts › signs in",
        ["file"] = file,
        ["line"] = line,
        ["column"] = 22,
        ["old"] = new JsonObject { ["by"] = "css", ["value"] = "#login-btn" },
        ["new"] = new JsonObject { ["by"] = "test_id", ["value"] = "[data-testid=\"sign-in\"]" },
        ["confidence"] = 0.88,
        ["evidence"] = "DOM snapshot: the only button whose text is 'Sign in' lost id login-btn",
    };

    private static void AssertSchemaValid(string json)
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "fix-metadata.schema.json"));
        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(json);
    }

    /// <summary>The fake for the rewriter seam: swaps the instruction's old literal for the new one on its line.</summary>
    private sealed class LiteralRewriter : ICodeRewriter
    {
        public bool Handles(string repoRelativePath) => repoRelativePath.EndsWith(".ts", StringComparison.Ordinal);

        public RewriteResult Rewrite(RewriteRequest request, CancellationToken cancellationToken)
        {
            var i = request.Instruction;
            var text = request.Repository.Read(i.File)!.Text;
            var at = text.IndexOf(i.Old!.Value!, StringComparison.Ordinal);
            return at < 0
                ? RewriteResult.NotFound("not on the line")
                : RewriteResult.Edited([new TextEdit(i.File, at, i.Old.Value!.Length, i.New!.Value!, i.Line ?? 1, i.Kind.ToName())]);
        }

        public string? NewSyntaxProblem(string path, string? before, string after, CancellationToken cancellationToken) => null;
    }
}
