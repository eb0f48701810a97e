using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Tests.Validation;

/// <summary>
/// A real git repository whose repository root is the subfolder <c>app/</c>, with a JavaScript test file and a small
/// node "runner" at the seam the validation does not test: it reads the (patched) test file and writes JUnit results.
/// <c>Suite.signs in</c> passes when the file clicks <c>'#sign-in'</c>; <c>Suite.neighbour</c> (always run, as a file-level
/// run would) fails when the file contains <c>BROKEN</c>; a file containing <c>HANG</c> makes the run never end.
/// </summary>
internal sealed class ValidationRepo : IDisposable
{
    public const string SpecPath = "tests/login.spec.js";

    public const string Spec = """
        const { test, expect } = require('./harness');

        test('signs in', async ({ page }) => {
          await page.click('#login-btn');
          expect(page.url()).toBe('/home');
        });

        test('neighbour', async ({ page }) => {
          expect(page.title()).toBe('Shop');
        });

        """;

    private const string Runner = """
        const fs = require('fs');
        const spec = fs.readFileSync('tests/login.spec.js', 'utf8');
        if (spec.includes('HANG')) {
          setInterval(() => {}, 1000);
        } else {
          const pass = { 'Suite.signs in': spec.includes("'#sign-in'"), 'Suite.neighbour': !spec.includes('BROKEN') };
          const names = [...new Set([...process.argv.slice(2), 'Suite.neighbour'])];
          const cases = names.map(n => pass[n]
            ? `<testcase classname="Suite" name="${n}"/>`
            : `<testcase classname="Suite" name="${n}"><failure message="failed: ${n}">x</failure></testcase>`).join('');
          fs.mkdirSync('out', { recursive: true });
          fs.writeFileSync('out/junit.xml', `<?xml version="1.0"?><testsuites><testsuite name="s" tests="${names.length}">${cases}</testsuite></testsuites>`);
          process.exit(names.every(n => pass[n]) ? 0 : 1);
        }
        """;

    private const string Config = """
        {
          "tests": [
            { "name": "node", "match": ["Suite.*"], "command": ["node", "run.js", "{tests}"], "results": ["out/junit.xml"], "timeout_s": 120 }
          ]
        }
        """;

    private readonly TempFolder _folder;

    private ValidationRepo(TempFolder folder) => _folder = folder;

    /// <summary>The git top level.</summary>
    public string Top => _folder.Path;

    /// <summary>The repository root (<c>app/</c>).</summary>
    public string Root => Path.Combine(Top, "app");

    /// <summary>The failed test the patches target.</summary>
    public static TestTarget Target { get; } = new("Suite.signs in", SpecPath, 4, "junit", null, null);

    public static ValidationRepo Create(bool git = true)
    {
        var repo = new ValidationRepo(TempFolder.Create("validation"));
        repo.Write("README.md", "top level\n");
        repo.Write("app/" + SpecPath, Spec);
        repo.Write("app/run.js", Runner);
        repo.Write("app/praxi.json", Config);
        repo.Write("app/.gitignore", "out/\nnode_modules/\n");
        if (git)
        {
            repo.Git("init", "-q");
            repo.Git("add", "-A");
            repo.Git("commit", "-q", "-m", "initial");
        }

        return repo;
    }

    public PraxiConfig LoadConfig() => PraxiConfig.Load(Path.Combine(Root, "praxi.json"));

    public void Write(string topRelative, string text)
    {
        var full = Path.Combine(Top, topRelative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public string Read(string topRelative) => File.ReadAllText(Path.Combine(Top, topRelative));

    /// <summary>A patch of the test file (paths relative to the repository root), from the real diff writer.</summary>
    public static string PatchSpec(Func<string, string> edit) =>
        UnifiedDiff.Render([UnifiedDiff.Create(SpecPath, Spec, edit(Spec))]);

    /// <summary>A fix as the fix agent would plan it (allowed by the guardrails) carrying <paramref name="patch"/>.</summary>
    public static FixResult Fix(string patch) => new()
    {
        Patch = patch,
        Metadata = new FixMetadata
        {
            RunId = "7",
            SuggestedBranch = "praxi/fix-selector-7",
            CommitMessage = "test: heal selector\n",
            PrTitle = "praxi: heal selector in login.spec.js (CI run 7)",
            PrBody = "Automated fix.\n\n## Guardrails\n\n**Allowed**.\n\n## Validation\n\nNot run: rerun the affected tests before merging.\n",
            Risk = new FixRisk(RiskClass.TestOnly, 0.1),
            Edits = [new FixEdit { File = SpecPath, Line = 4, Kind = "replace_selector", Before = "#login-btn", After = "#sign-in" }],
            Guardrails = new GuardrailReport { Allowed = true, Decisions = [] },
            Validation = new FixValidation { Status = FixValidation.NotRun },
            NeedsManualReview = false,
        },
    };

    /// <summary>Runs git in the top level and returns its standard output.</summary>
    public string Git(params string[] args)
    {
        var result = GitRunner.Run(Top, args);
        result.ExitCode.Should().Be(0, $"git {string.Join(' ', args)} failed: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>What the user would see of the checkout: status, stash list, worktree list.</summary>
    public string State() =>
        Git("status", "--porcelain") + "|" + Git("stash", "list") + "|" + Git("worktree", "list", "--porcelain");

    public void Dispose() => _folder.Dispose();
}
