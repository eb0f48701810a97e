using System.Text.Json;

namespace Praxi.FixEngine.Cli.Tests.Commands;

public sealed class BenchSweepCommandTests : IDisposable
{
    private const string Spec = """
        import { test, expect } from '@playwright/test';

        test('signs in', async ({ page }) => {
          await page.locator('#user').fill('ann');
          await page.getByRole('button', { name: 'Sign in' }).click({ timeout: 5000 });
          await expect(page.getByTestId('banner')).toBeVisible();
        });

        """;

    private const string CSharp = """
        using Microsoft.Playwright;
        using OpenQA.Selenium;

        public sealed class LoginTests
        {
            public async Task SignsIn(IPage page, IWebDriver driver)
            {
                await page.Locator("#user").FillAsync("ann");
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(new() { Timeout = 5000 });
                driver.FindElement(By.Id("legacy")).Click();
            }
        }

        """;

    private readonly TempFolder _temp = TempFolder.Create("sweep");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sweep_TsAndCsFile_EveryLiteralEditedAcceptedByGitAndSpanExact()
    {
        Write("tests/login.spec.ts", Spec);
        Write("tests/LoginTests.cs", CSharp.Replace("\n", "\r\n", StringComparison.Ordinal), bom: true);
        Write("src/app.ts", "export const x = document.querySelector('#x');\n");

        var (code, output, error) = await AnalyzeCommandTests.RunAsync("bench", "sweep", _temp.Path, "--json");

        code.Should().Be(ExitCodes.Success, because: error + output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("files").GetInt32().Should().Be(2);
        root.GetProperty("outside_allowlist").GetInt32().Should().Be(1);
        root.GetProperty("noop_identical").GetInt32().Should().Be(2);
        root.GetProperty("selector_instructions").GetInt32().Should().Be(6);
        root.GetProperty("timeout_instructions").GetInt32().Should().Be(2);
        root.GetProperty("edited").GetInt32().Should().Be(8, because: output);
        root.GetProperty("git_apply_accepted").GetInt32().Should().Be(8);
        root.GetProperty("span_exact").GetInt32().Should().Be(8);
        root.GetProperty("parse_ok").GetInt32().Should().Be(8);
        root.GetProperty("manual_review").GetInt32().Should().Be(0);
        root.GetProperty("not_found").GetInt32().Should().Be(0);
        root.GetProperty("clean").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Sweep_Limit_RunsAtMostThatManyInstructions()
    {
        Write("tests/login.spec.ts", Spec);

        var (code, output, error) = await AnalyzeCommandTests.RunAsync("bench", "sweep", _temp.Path, "--limit", "2");

        code.Should().Be(ExitCodes.Success, because: error);
        output.Should().Contain("instructions          2 ").And.Contain("git apply accepted    2 (100.0%)").And.Contain("no-op identical       1 (100.0%)");
    }

    [Fact]
    public async Task Sweep_RepositoryIsNotTouched()
    {
        Write("tests/login.spec.ts", Spec);
        var before = File.ReadAllBytes(Path.Combine(_temp.Path, "tests/login.spec.ts"));

        await AnalyzeCommandTests.RunAsync("bench", "sweep", _temp.Path);

        File.ReadAllBytes(Path.Combine(_temp.Path, "tests/login.spec.ts")).Should().Equal(before);
        Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact]
    public async Task Sweep_MissingRepository_OneLineOnStderr()
    {
        var (code, _, error) = await AnalyzeCommandTests.RunAsync("bench", "sweep", Path.Combine(_temp.Path, "nope"));

        code.Should().Be(ExitCodes.BadInput);
        error.Trim().Should().Contain("sweep takes the checkout of a test suite").And.NotContain("\n");
    }

    private void Write(string path, string text, bool bom = false)
    {
        var full = Path.Combine(_temp.Path, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new System.Text.UTF8Encoding(bom));
    }
}
