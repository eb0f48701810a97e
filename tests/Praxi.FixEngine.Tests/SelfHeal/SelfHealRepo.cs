using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Tests.SelfHeal;

/// <summary>
/// A throwaway git repository with a tiny test suite (<c>run-tests.sh</c>: one argument per test, JUnit XML in out/) and a
/// praxi.json whose <c>self_heal</c> section the test writes. The suite's tests depend on state, not on who calls them:
/// a test whose name contains <c>seed</c> passes only when <c>.state/seeded</c> exists; one whose name contains
/// <c>flaky</c> fails on its first run and passes afterwards; one containing <c>broken</c> always fails.
/// </summary>
internal sealed class SelfHealRepo : IDisposable
{
    private const string Suite = """
        #!/usr/bin/env bash
        # A tiny suite: each argument is one test. Names are data: they are only printed, escaped, never evaluated.
        mkdir -p out .state
        : > out/args.txt
        cases=""
        failed=0
        for name in "$@"; do
          printf '%s\n' "$name" >> out/args.txt
          ok=1
          case "$name" in
            *seed*) [ -f .state/seeded ] || ok=0 ;;
            *flaky*) if [ -f .state/flaky-ran ]; then ok=1; else ok=0; touch .state/flaky-ran; fi ;;
            *broken*) ok=0 ;;
          esac
          esc=$(printf '%s' "$name" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g')
          if [ "$ok" = 1 ]; then
            cases="$cases<testcase name=\"$esc\"/>"
          else
            failed=1
            cases="$cases<testcase name=\"$esc\"><failure message=\"failed: $esc\">failed</failure></testcase>"
          fi
        done
        printf '<?xml version="1.0"?><testsuites><testsuite tests="%s">%s</testsuite></testsuites>' "$#" "$cases" > out/junit.xml
        exit $failed
        """;

    private readonly TempFolder _folder;

    private SelfHealRepo(TempFolder folder) => _folder = folder;

    public string Root => _folder.Path;

    /// <summary>The output folder, inside the repository and not git-ignored: its files must not count as changes.</summary>
    public string Out => Path.Combine(Root, "praxi-out");

    /// <summary>A repository whose praxi.json has <paramref name="selfHeal"/> as its <c>self_heal</c> section.</summary>
    public static SelfHealRepo Create(string selfHeal = "{}", bool git = true, string runnerFramework = "null")
    {
        var repo = new SelfHealRepo(TempFolder.Create("self-heal"));
        repo.Write("run-tests.sh", Suite);
        repo.Write("app.txt", "the app's code\n");
        repo.Write(".gitignore", ".state/\nscratch/\n");
        repo.Write("praxi.json", $$"""
            { "tests": [ { "name": "suite", "framework": {{runnerFramework}}, "command": ["bash", "run-tests.sh", "{tests}"],
                           "full_command": ["bash", "run-tests.sh", "suite other", "suite broken neighbour"],
                           "results": ["out"], "timeout_s": 60 } ],
              "self_heal": {{selfHeal}} }
            """);
        if (git)
        {
            repo.Git("init", "-q");
            repo.Git("add", "-A");
            repo.Git("commit", "-q", "-m", "initial");
        }

        return repo;
    }

    /// <summary>An analysis of a run whose failed tests have the given types.</summary>
    public static AnalysisReport Analysis(params (string Test, ErrorType Type, double Confidence)[] failures) => new()
    {
        RunId = "run-1",
        Classification = new RunClassification
        {
            ErrorType = failures.Length > 0 ? failures[0].Type : ErrorType.Unknown,
            Confidence = failures.Length > 0 ? failures[0].Confidence : 0,
            Evidence = [],
            Failures = [.. failures.Select(f => new FailureReport { Test = f.Test, ErrorType = f.Type, Confidence = f.Confidence, Message = $"{f.Type.ToName()} in {f.Test}" })],
        },
        SelfHealPlan = new SelfHealPlan { Eligible = true, Reason = "test", Actions = [] },
        FixAgentInstructions = [],
        Triggers = new Triggers(true, false, false),
    };

    public SelfHealRequest Request(AnalysisReport? analysis = null, string? trigger = null, bool requireManual = false) => new()
    {
        RepositoryRoot = Root,
        OutputFolder = Out,
        Analysis = analysis,
        TriggerSource = trigger,
        RequireManualTrigger = requireManual,
        Config = PraxiConfig.Load(Path.Combine(Root, "praxi.json")),
    };

    public string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    public bool Exists(string path) => File.Exists(Path.Combine(Root, path));

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Runs the suite once for <paramref name="tests"/> (the CI run that failed).</summary>
    public int RunSuite(params string[] tests) => ChildProcess.Run("bash", ["run-tests.sh", .. tests], Root).ExitCode;

    public void Git(params string[] args) => GitRunner.Run(Root, args).ExitCode.Should().Be(0, $"git {string.Join(' ', args)}");

    public void Dispose() => _folder.Dispose();
}
