using System.Text.Json;

namespace Praxi.FixEngine.Cli.Tests.Commands;

/// <summary>
/// <c>praxi heal --self-heal / --validate</c>: the loop end to end in-process, on a throwaway git repository whose tiny
/// suite (<c>run-tests.sh</c>, one argument per test, JUnit out) depends on state a remediation creates. The failed run's
/// artifacts are a JUnit report of that suite. The real loop on the sample app in Chromium is in the samples tests.
/// </summary>
public sealed class HealLoopCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private const string Suite = """
        #!/usr/bin/env bash
        # One argument per test; a test whose name contains "seed" passes only once .state/seeded exists.
        mkdir -p out
        cases=""
        failed=0
        for name in "$@"; do
          if [[ "$name" == *seed* && ! -f .state/seeded ]]; then
            failed=1
            cases="$cases<testcase name=\"$name\"><failure message=\"no such table: products\">SqliteException</failure></testcase>"
          else
            cases="$cases<testcase name=\"$name\"/>"
          fi
        done
        printf '<?xml version="1.0"?><testsuites><testsuite tests="%s">%s</testsuite></testsuites>' "$#" "$cases" > out/junit.xml
        exit $failed
        """;

    private const string FailedRun = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites tests="2" failures="2">
          <testsuite name="catalogue" tests="2" failures="2">
            <testcase name="lists the seeded catalogue" classname="catalogue">
              <failure message="Microsoft.Data.Sqlite.SqliteException (0x80004005): SQLite Error 1: 'no such table: products'.">Microsoft.Data.Sqlite.SqliteException (0x80004005): SQLite Error 1: 'no such table: products'.
           at Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRc(Int32 rc, sqlite3 db)</failure>
            </testcase>
            <testcase name="shows a seeded product" classname="catalogue">
              <failure message="Microsoft.Data.Sqlite.SqliteException (0x80004005): SQLite Error 1: 'no such table: products'.">Microsoft.Data.Sqlite.SqliteException (0x80004005): SQLite Error 1: 'no such table: products'.</failure>
            </testcase>
          </testsuite>
        </testsuites>
        """;

    private const string Runner = """{ "name": "suite", "command": ["bash", "run-tests.sh", "{tests}"], "results": ["out"], "timeout_s": 60 }""";

    [Fact]
    public async Task Heal_SelfHealOnAnUnseededDatabase_ReseedsRerunsAndPlansNoPatch()
    {
        var (repo, artifacts, outDir) = NewRepo("""{ "actions": { "reseed": { "command": ["bash", "-c", "mkdir -p .state && touch .state/seeded"], "timeout_s": 30 } } }""");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", artifacts, "--repo", repo, "--out", outDir, "--run-id", "db-1", "--self-heal", "--trigger-source", "push");

        code.Should().Be(ExitCodes.Success, stdout + stderr);
        stdout.Should().StartWith("database (").And.Contain("self-heal: ").And.Contain("no code change: self-heal made every failed test pass");
        using (var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "self-heal", "decision.json"))))
        {
            decision.RootElement.GetProperty("allowed").GetBoolean().Should().BeTrue();
            decision.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).Should().Equal("reseed", "rerun");
        }

        using (var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "self-heal", "report-db-1.json"))))
        {
            report.RootElement.GetProperty("status").GetString().Should().Be("healed");
            report.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Equal("reseed");
        }

        File.Exists(Path.Combine(repo, ".state", "seeded")).Should().BeTrue("the reseed action ran in the repository");
        Directory.Exists(Path.Combine(outDir, "fix-agent")).Should().BeFalse("nothing is left for the fix agent");
        File.Exists(Path.Combine(outDir, "analysis.json")).Should().BeTrue();
        GitRunner.Run(repo, "diff", "--quiet").ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Heal_SelfHealWithoutTheReseedAction_RefusesWithTheRuleAndGoesOnToTheFixAgent()
    {
        var (repo, artifacts, outDir) = NewRepo("{}");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", artifacts, "--repo", repo, "--out", outDir, "--run-id", "db-2", "--self-heal");

        code.Should().Be(ExitCodes.Success, stdout + stderr);
        using (var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "self-heal", "decision.json"))))
        {
            decision.RootElement.GetProperty("allowed").GetBoolean().Should().BeFalse();
            decision.RootElement.GetProperty("rule").GetString().Should().Be("actions_unavailable");
            decision.RootElement.GetProperty("reason").GetString().Should().Contain("reseed");
        }

        File.Exists(Path.Combine(outDir, "self-heal", "report-db-2.json")).Should().BeFalse("nothing was executed");
        File.Exists(Path.Combine(repo, ".state", "seeded")).Should().BeFalse();
        File.Exists(Path.Combine(outDir, "fix-agent", "metadata-db-2.json")).Should().BeTrue("the fix agent still plans (and says a person must look)");
    }

    [Fact]
    public async Task Heal_SelfHealRequiringAManualTriggerOnAPush_RefusesAndRunsNothing()
    {
        var (repo, artifacts, outDir) = NewRepo("""{ "actions": { "reseed": { "command": ["bash", "-c", "mkdir -p .state && touch .state/seeded"] } } }""");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", artifacts, "--repo", repo, "--out", outDir, "--run-id", "db-3", "--self-heal", "--require-manual-trigger", "--trigger-source", "push");

        code.Should().Be(ExitCodes.Success, stdout + stderr);
        using var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "self-heal", "decision.json")));
        decision.RootElement.GetProperty("rule").GetString().Should().Be("manual_trigger_required");
        File.Exists(Path.Combine(repo, ".state", "seeded")).Should().BeFalse("a refused heal runs no action");
    }

    [Fact]
    public async Task Heal_SelfHealWhoseActionEditsATrackedFile_FailsLoudlyAndPlansNothing()
    {
        var (repo, artifacts, outDir) = NewRepo("""{ "actions": { "reseed": { "command": ["bash", "-c", "echo tampered >> run-tests.sh"] } } }""");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("heal", artifacts, "--repo", repo, "--out", outDir, "--run-id", "db-4", "--self-heal");

        code.Should().Be(ExitCodes.Failed, stdout);
        stderr.Should().Contain("run-tests.sh").And.Contain("self-heal changed files");
        Directory.Exists(Path.Combine(outDir, "fix-agent")).Should().BeFalse("no patch is planned on a tree the heal changed");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "self-heal", "report-db-4.json")));
        report.RootElement.GetProperty("status").GetString().Should().Be("failed");
    }

    private (string Repo, string Artifacts, string Out) NewRepo(string selfHeal)
    {
        var work = _temp.Subfolder();
        var repo = Path.Combine(work, "repo");
        Directory.CreateDirectory(repo);
        File.WriteAllText(Path.Combine(repo, "run-tests.sh"), Suite);
        File.WriteAllText(Path.Combine(repo, ".gitignore"), ".state/\nout/\n");
        File.WriteAllText(Path.Combine(repo, "praxi.json"), $$"""{ "tests": [ {{Runner}} ], "self_heal": {{selfHeal}} }""");
        GitRunner.Run(repo, "init", "-q").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "add", "-A").ExitCode.Should().Be(0);
        GitRunner.Run(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "suite").ExitCode.Should().Be(0);
        var artifacts = Path.Combine(work, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "junit.xml"), FailedRun);
        return (repo, artifacts, Path.Combine(work, "out"));
    }
}
