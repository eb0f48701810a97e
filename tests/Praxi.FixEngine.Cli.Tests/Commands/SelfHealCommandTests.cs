using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Praxi.FixEngine.Cli.Tests.Commands;

/// <summary>
/// <c>praxi self-heal</c> in-process on a temp git repository with a tiny suite (<c>run-tests.sh</c>, JUnit in out/):
/// the failed run's artifacts are a real JUnit report; the remediation is a real script from praxi.json.
/// </summary>
public sealed class SelfHealCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private const string Suite = """
        #!/usr/bin/env bash
        # One argument per test; a test passes when .state/seeded exists (the database is seeded).
        mkdir -p out
        cases=""
        failed=0
        for name in "$@"; do
          esc=$(printf '%s' "$name" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/"/\&quot;/g')
          if [ -f .state/seeded ]; then cases="$cases<testcase name=\"$esc\"/>"
          else failed=1; cases="$cases<testcase name=\"$esc\"><failure message=\"error: relation &quot;orders&quot; does not exist\">error: relation \"orders\" does not exist</failure></testcase>"
          fi
        done
        printf '<?xml version="1.0"?><testsuites><testsuite tests="%s">%s</testsuite></testsuites>' "$#" "$cases" > out/junit.xml
        exit $failed
        """;

    private const string FailedRun = """
        <?xml version="1.0"?><testsuites><testsuite tests="1"><testcase name="checkout needs seed"><failure message="error: relation &quot;orders&quot; does not exist">error: relation "orders" does not exist
            at Database.query (db.js:10)</failure></testcase></testsuite></testsuites>
        """;

    [Fact]
    public async Task PrepareDecideExecute_DatabaseRunFromArtifacts_HealsByReseedAndExitsZero()
    {
        var (repo, outDir, artifacts) = NewRepo("""["bash", "-c", "mkdir -p .state && touch .state/seeded"]""");

        var prepare = await AnalyzeCommandTests.RunAsync("self-heal", "prepare", "--repo", repo, "--artifacts", artifacts, "--out", outDir, "--run-id", "r-7");
        var decide = await AnalyzeCommandTests.RunAsync("self-heal", "decide", "--out", outDir, "--trigger-source", "push");
        var execute = await AnalyzeCommandTests.RunAsync("self-heal", "execute", "--repo", repo, "--out", outDir);

        prepare.Code.Should().Be(ExitCodes.Success, prepare.Stderr);
        prepare.Stdout.Should().StartWith("database (0.").And.Contain("1 failed test(s) from artifacts");
        decide.Code.Should().Be(ExitCodes.Success, decide.Stderr);
        decide.Stdout.Should().StartWith("allowed (eligible): database");
        execute.Code.Should().Be(ExitCodes.Success, execute.Stderr);
        execute.Stderr.Should().BeEmpty();
        execute.Stdout.Should().StartWith("healed: 1 of 1 test(s) passed after reseed").And.Contain("healed        checkout needs seed");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "self-heal", "report-r-7.json")));
        report.RootElement.GetProperty("status").GetString().Should().Be("healed");
        report.RootElement.GetProperty("tree").GetProperty("before").GetString().Should().Be("clean");
        using var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "self-heal", "decision.json")));
        decision.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).Should().Equal("reseed", "rerun");
        decision.RootElement.GetProperty("trigger").GetProperty("source").GetString().Should().Be("push");
        SchemaErrors("self-heal-decision", Path.Combine(outDir, "self-heal", "decision.json")).Should().BeEmpty();
        SchemaErrors("self-heal-report", Path.Combine(outDir, "self-heal", "report-r-7.json")).Should().BeEmpty();
    }

    [Fact]
    public async Task Execute_ActionModifiesATrackedFile_ExitsOneNamingTheFile()
    {
        var (repo, outDir, artifacts) = NewRepo("""["bash", "-c", "mkdir -p .state && touch .state/seeded && echo oops >> app.txt"]""");
        (await AnalyzeCommandTests.RunAsync("self-heal", "prepare", "--repo", repo, "--artifacts", artifacts, "--out", outDir)).Code.Should().Be(0);
        (await AnalyzeCommandTests.RunAsync("self-heal", "decide", "--out", outDir)).Code.Should().Be(0);

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("self-heal", "execute", "--repo", repo, "--out", outDir);

        code.Should().Be(ExitCodes.Failed);
        stderr.Should().Be("praxi: self-heal changed files in the working tree (app.txt); the heal failed\n");
        stdout.Should().StartWith("failed: the working tree changed");
        SchemaErrors("self-heal-report", Path.Combine(outDir, "self-heal", "report-local.json")).Should().BeEmpty();
    }

    [Fact]
    public async Task Execute_RefusedDecision_ExitsOneAndWritesARefusedReport()
    {
        var (repo, outDir, artifacts) = NewRepo("""["true"]""");
        (await AnalyzeCommandTests.RunAsync("self-heal", "prepare", "--repo", repo, "--artifacts", artifacts, "--out", outDir)).Code.Should().Be(0);
        (await AnalyzeCommandTests.RunAsync("self-heal", "decide", "--out", outDir, "--require-manual-trigger", "--trigger-source", "schedule")).Code.Should().Be(0);

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("self-heal", "execute", "--repo", repo, "--out", outDir);

        code.Should().Be(ExitCodes.Failed);
        stderr.Should().Contain("refused (manual_trigger_required)").And.Contain("'schedule'");
        File.ReadAllText(Path.Combine(outDir, "self-heal", "report-local.json")).Should().Contain("\"status\": \"refused\"");
        SchemaErrors("self-heal-decision", Path.Combine(outDir, "self-heal", "decision.json")).Should().BeEmpty();
        SchemaErrors("self-heal-report", Path.Combine(outDir, "self-heal", "report-local.json")).Should().BeEmpty();
    }

    [Fact]
    public async Task Run_NoAnalysisAtAll_RefusesConservativelyAndExitsOne()
    {
        var (repo, outDir, _) = NewRepo("""["true"]""");

        var (code, stdout, _) = await AnalyzeCommandTests.RunAsync("self-heal", "run", "--repo", repo, "--analysis", Path.Combine(repo, "missing.json"), "--out", outDir);

        code.Should().Be(ExitCodes.Failed);
        stdout.Should().StartWith("refused (no_analysis)").And.Contain("missing.json");
        File.ReadAllText(Path.Combine(outDir, "self-heal", "context.json")).Should().Contain("\"source\": \"none\"");
    }

    [Fact]
    public async Task Execute_NoDecision_OneLineAndExitTwo()
    {
        var (repo, outDir, _) = NewRepo("""["true"]""");

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("self-heal", "execute", "--repo", repo, "--out", outDir);

        code.Should().Be(ExitCodes.BadInput);
        stderr.Should().StartWith("praxi: '").And.Contain("decision.json' does not exist; run 'praxi self-heal decide' first");
        stderr.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public async Task Decide_MalformedContext_OneLineAndExitTwo()
    {
        var (_, outDir, _) = NewRepo("""["true"]""");
        Directory.CreateDirectory(Path.Combine(outDir, "self-heal"));
        File.WriteAllText(Path.Combine(outDir, "self-heal", "context.json"), """{ "run_id": "x", "analysis": """);

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("self-heal", "decide", "--out", outDir);

        code.Should().Be(ExitCodes.BadInput);
        stderr.Should().Contain("context.json' is not a valid self-heal file").And.Contain("run 'praxi self-heal prepare' again");
        stderr.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public async Task Prepare_BrokenConfig_OneLineAndExitTwo()
    {
        var (repo, outDir, artifacts) = NewRepo("""[]""");

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("self-heal", "prepare", "--repo", repo, "--artifacts", artifacts, "--out", outDir);

        code.Should().Be(ExitCodes.BadInput);
        stderr.Should().Contain("self_heal.actions.reseed: command must be a non-empty argument list");
        stderr.TrimEnd('\n').Should().NotContain("\n");
        Directory.Exists(Path.Combine(outDir, "self-heal")).Should().BeFalse("nothing is written on bad input");
    }

    /// <summary>The schema's complaints about a file praxi wrote (docs/schemas/&lt;name&gt;.schema.json).</summary>
    private static IEnumerable<string> SchemaErrors(string name, string file)
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", $"{name}.schema.json"));
        var result = schema.Evaluate(JsonNode.Parse(File.ReadAllText(file)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
    }

    private (string Repo, string Out, string Artifacts) NewRepo(string reseedCommand)
    {
        var work = _temp.Subfolder();
        var repo = Path.Combine(work, "repo");
        Directory.CreateDirectory(repo);
        File.WriteAllText(Path.Combine(repo, "run-tests.sh"), Suite);
        File.WriteAllText(Path.Combine(repo, "app.txt"), "the app\n");
        File.WriteAllText(Path.Combine(repo, ".gitignore"), ".state/\nout/\n");
        File.WriteAllText(Path.Combine(repo, "praxi.json"), $$"""
            { "tests": [ { "name": "suite", "command": ["bash", "run-tests.sh", "{tests}"], "results": ["out/junit.xml"], "timeout_s": 60 } ],
              "self_heal": { "actions": { "reseed": { "command": {{reseedCommand}}, "timeout_s": 60 } } } }
            """);
        GitRunner.Run(repo, "init", "-q").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "add", "-A").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "-c", "user.name=praxi", "-c", "user.email=praxi@example.invalid", "commit", "-q", "-m", "initial").ExitCode.Should().Be(0);
        var artifacts = Path.Combine(work, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "junit.xml"), FailedRun);
        return (repo, Path.Combine(work, "out"), artifacts);
    }
}
