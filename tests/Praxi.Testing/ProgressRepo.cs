namespace Praxi.Testing;

/// <summary>
/// A real git repository with one Playwright-style spec and a small node "runner" that stands in for
/// <c>npx playwright test</c> at the seam validation does not test: it walks the (patched) spec's <c>page.click</c> /
/// <c>page.fill</c> calls against a fixed page and writes a Playwright JSON report (<c>out/results.json</c>) whose error
/// carries the failing call's <c>location</c> and stack, as the real reporter does. The page has <c>#add-item</c> and
/// <c>#name</c>; a call on any other selector times out there; filling <c>#name</c> meets the app's race
/// (<c>table "Items" already exists</c>). So the original spec fails at the click (line 5); healing the click to
/// <c>#add-item</c> makes the test get past it and fail at the fill (line 6).
/// </summary>
public sealed class ProgressRepo : IDisposable
{
    /// <summary>The spec, relative to the repository root.</summary>
    public const string SpecPath = "tests/items.spec.js";

    /// <summary>The test as the JSON report names it.</summary>
    public const string TestName = "items.spec.js › adds an item";

    /// <summary>Line of the failing click in <see cref="Spec"/>.</summary>
    public const int ClickLine = 5;

    /// <summary>The error of the failing click, as the report gives it.</summary>
    public const string ClickError = "TimeoutError: page.click: Timeout 5000ms exceeded.";

    /// <summary>The spec: the click on <c>#add-btn</c> (line 5) fails.</summary>
    public const string Spec = """
        const { test, expect } = require('./harness');

        test('adds an item', async ({ page }) => {
          await page.goto('/items');
          await page.click('#add-btn');
          await page.fill('#name', 'Milk');
          expect(await page.count('.item')).toBe(1);
        });

        """;

    private const string Runner = """
        const fs = require('fs');
        const path = require('path');
        const cwd = process.cwd();
        const file = path.join(cwd, 'tests', 'items.spec.js');
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        const present = new Set(['#add-item', '#name']);
        let error = null;
        let testLine = 0;
        lines.forEach((l, i) => {
          if (l.startsWith('test(')) testLine = i + 1;
          const m = /page\.(click|fill)\('([^']+)'/.exec(l);
          if (!m || error) return;
          const location = { file, line: i + 1, column: l.indexOf('page.') + 1 };
          if (!present.has(m[2])) {
            error = { message: `TimeoutError: page.${m[1]}: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('${m[2]}')\n`, location };
          } else if (m[1] === 'fill') {
            error = { message: `Error: page.fill: SqliteException: SQLite Error 1: 'table "Items" already exists'.`, location };
          }
        });
        const started = new Date().toISOString();
        const result = error
          ? { status: 'failed', duration: 5, retry: 0, startTime: started, attachments: [],
              error: { message: error.message, stack: `${error.message}\n    at ${file}:${error.location.line}:${error.location.column}`, location: error.location },
              errors: [{ message: error.message, location: error.location }] }
          : { status: 'passed', duration: 5, retry: 0, startTime: started, attachments: [], errors: [] };
        const report = {
          config: { configFile: path.join(cwd, 'playwright.config.js'), rootDir: path.join(cwd, 'tests'), projects: [{ name: '', testDir: path.join(cwd, 'tests') }] },
          suites: [{ title: 'items.spec.js', file: 'items.spec.js', line: 0, column: 0, specs: [{
            title: 'adds an item', ok: !error, file: 'items.spec.js', line: testLine, column: 1,
            tests: [{ projectName: '', projectId: '', expectedStatus: 'passed', status: error ? 'unexpected' : 'expected', results: [result] }] }] }],
          errors: [],
          stats: { startTime: started, duration: 5, expected: error ? 0 : 1, unexpected: error ? 1 : 0, flaky: 0, skipped: 0 },
        };
        fs.mkdirSync('out', { recursive: true });
        fs.writeFileSync('out/results.json', JSON.stringify(report, null, 2));
        process.exit(error ? 1 : 0);
        """;

    private readonly TempFolder _folder;

    private ProgressRepo(TempFolder folder) => _folder = folder;

    /// <summary>The repository root (a git checkout).</summary>
    public string Root => _folder.Path;

    /// <summary>Creates and commits the repository.</summary>
    /// <param name="validation">Extra members of praxi.json's <c>validation</c> object (JSON text without braces), or empty.</param>
    /// <returns>The repository.</returns>
    public static ProgressRepo Create(string validation = "")
    {
        var repo = new ProgressRepo(TempFolder.Create("progress"));
        repo.Write(SpecPath, Spec);
        repo.Write("run.js", Runner);
        repo.Write("praxi.json", $$"""
            {
              "tests": [ { "name": "pw", "command": ["node", "run.js", "{tests}"], "results": ["out/results.json"], "timeout_s": 120 } ],
              "validation": { {{validation}} }
            }
            """);
        repo.Write(".gitignore", "out/\n");
        GitRunner.Check(repo.Root, "init", "-q");
        GitRunner.Check(repo.Root, "add", "-A");
        GitRunner.Check(repo.Root, "commit", "-q", "-m", "initial");
        return repo;
    }

    /// <summary>Reads a file of the repository.</summary>
    /// <param name="relative">Its path under the root.</param>
    /// <returns>Its text.</returns>
    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();

    private void Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
