using System.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Guardrails;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Tests.Guardrails;

/// <summary>The adversarial suite: everything the agent must never do is refused, with the rule and the reason recorded.</summary>
public sealed class GuardrailEvaluatorTests
{
    private const string Spec = """
        import { test, expect } from '@playwright/test';

        test('signs in', async ({ page }) => {
          await page.goto('/login');
          await page.locator('#login-btn').click({ timeout: 5000 });
          await expect(page.getByText('Welcome')).toBeVisible();
          await expect(page.locator('#menu')).toHaveCount(3);
        });

        """;

    private const string CSharpTest = """
        using Microsoft.Playwright;

        public class LoginTests : PageTest
        {
            [Fact]
            public async Task SignsIn()
            {
                await Page.Locator("#login-btn").ClickAsync();
                await Expect(Page.GetByText("Welcome")).ToBeVisibleAsync();
                var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(10));
            }
        }

        """;

    [Fact]
    public void Evaluate_CleanSelectorEditInATestFile_IsAllowedWithEveryDecisionRecorded()
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "e2e/login.spec.ts", "'#login-btn'", "'[data-testid=\"sign-in\"]'"));

        plan.Guardrails.Allowed.Should().BeTrue(Describe(plan));
        plan.Guardrails.Decisions.Select(d => d.Rule).Should().Contain(
            ["path_inside_repository", "path_denylist", "path_allowlist", "text_file", "max_files", "max_changed_lines", "max_hunks", "assertions_kept", "no_skip_added", "no_hard_wait_added", "max_timeout_ms"]);
        plan.Guardrails.Decisions.Should().OnlyContain(d => d.Verdict == GuardrailVerdict.Allowed);
        plan.Guardrails.Decisions.Single(d => d.Rule == "max_changed_lines").Value.Should().Be(1);
        plan.Risk.Class.Should().Be(RiskClass.TestOnly);
        plan.Patch.Should().Contain("+  await page.locator('[data-testid=\"sign-in\"]').click({ timeout: 5000 });");
    }

    [Theory]
    [InlineData("samples/e2e-dotnet/Selectors.cs")]
    [InlineData("samples/e2e-dotnet/Pages/ProductPage.cs")]
    [InlineData("src/Shop.E2E/Pages/LoginPage.cs")]
    [InlineData("shop-e2e/pages/login-page.ts")]
    public void Evaluate_PageObjectInAnEndToEndProject_IsAllowed(string path)
    {
        using var repo = TestRepo.Create().With(path, "const string Save = \"#save\";\n");

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, path, "#save", "#store"));

        plan.Guardrails.Allowed.Should().BeTrue(Describe(plan));
    }

    [Fact]
    public void Evaluate_RaisedTimeoutWithinTheCeiling_IsAllowed()
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "e2e/login.spec.ts", "5000", "15000", "raise_timeout"));

        plan.Guardrails.Allowed.Should().BeTrue(Describe(plan));
        plan.Guardrails.Decisions.Single(d => d.Rule == "max_timeout_ms").Value.Should().Be(15000);
    }

    [Theory]
    [InlineData("src/app/login.ts", "path_allowlist")]
    [InlineData("docs/readme.md", "path_allowlist")]
    [InlineData(".github/workflows/x.yml", "path_denylist")]
    [InlineData(".GitHub/workflows/x.yml", "path_denylist")]
    [InlineData("e2e/.github/workflows/x.yml", "path_denylist")]
    [InlineData("package-lock.json", "path_denylist")]
    [InlineData("yarn.lock", "path_denylist")]
    [InlineData("e2e/pnpm-lock.yaml", "path_denylist")]
    [InlineData("tests/Shop.Tests/packages.lock.json", "path_denylist")]
    [InlineData(".env", "path_denylist")]
    [InlineData("e2e/.env.local", "path_denylist")]
    [InlineData("tests/certs/server.key", "path_denylist")]
    [InlineData("tests/certs/client.pem", "path_denylist")]
    [InlineData("tests/appsettings.Development.json", "path_denylist")]
    [InlineData("tests/Shop.Tests/Shop.Tests.csproj", "path_denylist")]
    [InlineData("tests/Directory.Build.props", "path_denylist")]
    [InlineData("e2e/package.json", "path_denylist")]
    [InlineData("tests/run.sh", "path_denylist")]
    [InlineData("tests/run.ps1", "path_denylist")]
    [InlineData(".ci/run", "path_denylist")]
    [InlineData("Makefile", "path_denylist")]
    [InlineData("e2e/Dockerfile", "path_denylist")]
    [InlineData("praxi.json", "path_denylist")]
    public void Evaluate_EditOfAForbiddenPath_IsRefusedWithRuleAndReason(string path, string rule)
    {
        using var repo = TestRepo.Create().With(path, "const timeout = 1;\n");

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, path, "1", "2"));

        AssertRefused(plan, rule, path);
    }

    [Fact]
    public void Evaluate_ConfiguredAllowOfADeniedPath_IsStillRefused()
    {
        using var repo = TestRepo.Create().With(".github/workflows/x.yml", "timeout: 1\n");
        var policy = new GuardrailPolicy();
        policy.Allow.Add("**");

        var plan = Plan(repo, policy, Edits.Replace(repo, ".github/workflows/x.yml", "1", "2"));

        AssertRefused(plan, "path_denylist", ".github/workflows/x.yml");
    }

    [Fact]
    public void Evaluate_ConfiguredDeny_RefusesAnOtherwiseAllowedTestFile()
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec);
        var policy = new GuardrailPolicy();
        policy.Deny.Add("e2e/login.*");

        var plan = Plan(repo, policy, Edits.Replace(repo, "e2e/login.spec.ts", "'#login-btn'", "'#go'"));

        AssertRefused(plan, "path_denylist", "e2e/login.spec.ts").Reason.Should().Contain("configured deny glob 'e2e/login.*'");
    }

    [Theory]
    [InlineData("../x.spec.ts")]
    [InlineData("e2e/../../x.spec.ts")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("e2e\\login.spec.ts")]
    [InlineData("e2e/./login.spec.ts")]
    public void Evaluate_PathOutsideTheRepository_IsRefused(string path)
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec);
        var edit = new TextEdit(path, 0, 1, "x", 1, "replace_selector");

        var plan = Plan(repo, new GuardrailPolicy(), edit);

        AssertRefused(plan, "path_inside_repository", path);
    }

    [Fact]
    public void Evaluate_SymlinkedFileInsideTheRepoPointingOutside_IsRefused()
    {
        using var outsideFolder = TempFolder.Create("outside");
        var outside = outsideFolder.Path;
        File.WriteAllText(Path.Combine(outside, "secret.spec.ts"), Spec);
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "e2e", "link.spec.ts"), Path.Combine(outside, "secret.spec.ts"));
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "e2e", "linked"), outside);

        var plan = Plan(
            repo,
            new GuardrailPolicy(),
            new TextEdit("e2e/link.spec.ts", 0, 6, "export", 1, "replace_selector"),
            new TextEdit("e2e/linked/secret.spec.ts", 0, 6, "export", 1, "replace_selector"));

        AssertRefused(plan, "path_inside_repository", "e2e/link.spec.ts").Reason.Should().Contain("symbolic link");
        AssertRefused(plan, "path_inside_repository", "e2e/linked/secret.spec.ts").Reason.Should().Contain("symbolic link");
        File.ReadAllText(Path.Combine(outside, "secret.spec.ts")).Should().Be(Spec);
    }

    [Fact]
    public void Evaluate_MaxFilesPlusOne_IsRefused()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec).With("e2e/b.spec.ts", Spec).With("e2e/c.spec.ts", Spec);
        var policy = new GuardrailPolicy { MaxFiles = 2 };

        var plan = Plan(
            repo,
            policy,
            [.. new[] { "a", "b", "c" }.Select(n => Edits.Replace(repo, $"e2e/{n}.spec.ts", "'#login-btn'", "'#go'"))]);

        AssertCap(plan, "max_files", 3, 2);
    }

    [Fact]
    public void Evaluate_MaxChangedLinesPlusOne_IsRefused()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec);
        var policy = new GuardrailPolicy { MaxChangedLines = 2 };

        var plan = Plan(
            repo,
            policy,
            Edits.Replace(repo, "e2e/a.spec.ts", "'/login'", "'/signin'"),
            Edits.Replace(repo, "e2e/a.spec.ts", "'#login-btn'", "'#go'"),
            Edits.Replace(repo, "e2e/a.spec.ts", "'Welcome'", "'Hello'"));

        AssertCap(plan, "max_changed_lines", 3, 2);
    }

    [Fact]
    public void Evaluate_MaxHunksPlusOne_IsRefused()
    {
        var lines = string.Concat(Enumerable.Range(1, 40).Select(i => $"  await page.locator('#item-{i}').click();\n"));
        using var repo = TestRepo.Create().With("e2e/long.spec.ts", lines);
        var policy = new GuardrailPolicy { MaxHunks = 1 };

        var plan = Plan(
            repo,
            policy,
            Edits.Replace(repo, "e2e/long.spec.ts", "'#item-2'", "'#a'"),
            Edits.Replace(repo, "e2e/long.spec.ts", "'#item-30'", "'#b'"));

        AssertCap(plan, "max_hunks", 2, 1);
    }

    [Theory]
    [InlineData("  await expect(page.getByText('Welcome')).toBeVisible();\n", "", "removed")]
    [InlineData("await expect(page.getByText('Welcome')).toBeVisible();", "// await expect(page.getByText('Welcome')).toBeVisible();", "removed")]
    [InlineData("await expect(page.getByText('Welcome')).toBeVisible();", "/* await expect(page.getByText('Welcome')).toBeVisible(); */", "removed")]
    [InlineData(".toBeVisible()", ".not.toBeVisible()", "inverted")]
    [InlineData(".toBeVisible()", ".toBeHidden()", "toBeVisible")]
    [InlineData(".toHaveCount(3)", ".toBeTruthy()", "toHaveCount")]
    public void Evaluate_EditThatRemovesOrInvertsAnAssertion_IsRefused(string find, string replace, string reason)
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "e2e/login.spec.ts", find, replace));

        AssertRefused(plan, "assertions_kept", "e2e/login.spec.ts").Reason.Should().Contain(reason);
    }

    [Theory]
    [InlineData("ToBeVisibleAsync()", "Not.ToBeVisibleAsync()")]
    [InlineData("await Expect(Page.GetByText(\"Welcome\")).ToBeVisibleAsync();", "")]
    public void Evaluate_CSharpAssertionInvertedOrRemoved_IsRefused(string find, string replace)
    {
        using var repo = TestRepo.Create().With("tests/LoginTests.cs", CSharpTest);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "tests/LoginTests.cs", find, replace));

        AssertRefused(plan, "assertions_kept", "tests/LoginTests.cs");
    }

    [Theory]
    [InlineData("test('signs in'", "test.skip('signs in'")]
    [InlineData("test('signs in'", "test.only('signs in'")]
    [InlineData("test('signs in'", "test.fixme('signs in'")]
    [InlineData("test('signs in'", "it.skip('signs in'")]
    [InlineData("await page.goto('/login');", "test.skip(); await page.goto('/login');")]
    public void Evaluate_EditThatSkipsATest_IsRefused(string find, string replace)
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "e2e/login.spec.ts", find, replace));

        AssertRefused(plan, "no_skip_added", "e2e/login.spec.ts").Reason.Should().Contain("skip, fixme or only");
    }

    [Theory]
    [InlineData("[Fact]", "[Fact(Skip = \"flaky\")]")]
    [InlineData("[Fact]", "[Fact, Ignore]")]
    [InlineData("[Fact]", "[Ignore]\n    [Fact]")]
    public void Evaluate_CSharpSkipAttributeAdded_IsRefused(string find, string replace)
    {
        using var repo = TestRepo.Create().With("tests/LoginTests.cs", CSharpTest);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "tests/LoginTests.cs", find, replace));

        AssertRefused(plan, "no_skip_added", "tests/LoginTests.cs");
    }

    [Theory]
    [InlineData("e2e/login.spec.ts", "await page.goto('/login');", "await page.goto('/login'); await page.waitForTimeout(3000);")]
    [InlineData("e2e/login.spec.ts", "await page.goto('/login');", "await page.goto('/login'); await new Promise(r => setTimeout(r, 500));")]
    [InlineData("tests/LoginTests.cs", "await Page.Locator", "Thread.Sleep(2000); await Page.Locator")]
    [InlineData("tests/LoginTests.cs", "await Page.Locator", "await Task.Delay(2000); await Page.Locator")]
    public void Evaluate_EditThatAddsAHardWait_IsRefused(string path, string find, string replace)
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec).With("tests/LoginTests.cs", CSharpTest);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, path, find, replace));

        AssertRefused(plan, "no_hard_wait_added", path).Reason.Should().Contain("hard wait");
    }

    [Theory]
    [InlineData("e2e/login.spec.ts", "5000", "120000", 120000)]
    [InlineData("e2e/login.spec.ts", "5000", "120_000", 120000)]
    [InlineData("e2e/login.spec.ts", "5000", "2 * 60 * 1000", 120000)]
    [InlineData("e2e/login.spec.ts", "await page.goto('/login');", "test.setTimeout(600000); await page.goto('/login');", 600000)]
    [InlineData("tests/LoginTests.cs", "FromSeconds(10)", "FromSeconds(90)", 90000)]
    [InlineData("tests/LoginTests.cs", "FromSeconds(10)", "FromMinutes(5)", 300000)]
    [InlineData("tests/LoginTests.cs", ".ClickAsync()", ".ClickAsync(new() { Timeout = 61000 })", 61000)]
    public void Evaluate_TimeoutAboveTheCeiling_IsRefused(string path, string find, string replace, long written)
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec).With("tests/LoginTests.cs", CSharpTest);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, path, find, replace, "raise_timeout"));

        var decision = AssertRefused(plan, "max_timeout_ms", path);
        decision.Value.Should().Be(written);
        decision.Limit.Should().Be(60000);
    }

    [Fact]
    public void Evaluate_SelectorEditNextToAnOldLongTimeout_IsNotBlamedForIt()
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec.Replace("timeout: 5000", "timeout: 90000", StringComparison.Ordinal));

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "e2e/login.spec.ts", "'#login-btn'", "'#go'"));

        plan.Guardrails.Allowed.Should().BeTrue(Describe(plan));
    }

    [Fact]
    public void Evaluate_Utf16File_IsRefusedAsNotPatchable()
    {
        using var repo = TestRepo.Create().WithBytes("e2e/login.spec.ts", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Spec)]);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "e2e/login.spec.ts", "'#login-btn'", "'#go'"));

        AssertRefused(plan, "text_file", "e2e/login.spec.ts").Reason.Should().Contain("utf-16");
    }

    [Fact]
    public void Evaluate_InvalidUtf8File_IsRefusedBecauseBytesWouldChange()
    {
        using var repo = TestRepo.Create().WithBytes("e2e/login.spec.ts", [.. Encoding.UTF8.GetBytes("// caf"), 0xE9, .. Encoding.UTF8.GetBytes("\n" + Spec)]);

        var plan = Plan(repo, new GuardrailPolicy(), Edits.Replace(repo, "e2e/login.spec.ts", "'#login-btn'", "'#go'"));

        AssertRefused(plan, "text_file", "e2e/login.spec.ts").Reason.Should().Contain("not valid UTF-8");
    }

    [Fact]
    public void Evaluate_OneBadFileAmongGoodOnes_RefusesTheWholePatch()
    {
        using var repo = TestRepo.Create().With("e2e/login.spec.ts", Spec).With("src/app.ts", "const a = '#login-btn';\n");

        var plan = Plan(
            repo,
            new GuardrailPolicy(),
            Edits.Replace(repo, "e2e/login.spec.ts", "'#login-btn'", "'#go'"),
            Edits.Replace(repo, "src/app.ts", "'#login-btn'", "'#go'"));

        AssertRefused(plan, "path_allowlist", "src/app.ts");
        plan.Guardrails.Decisions.Should().Contain(d => d.Rule == "path_allowlist" && d.Subject == "e2e/login.spec.ts" && d.Verdict == GuardrailVerdict.Allowed);
    }

    [Fact]
    public void Risk_BackendFileAllowedByConfiguration_IsClassedBackend()
    {
        using var repo = TestRepo.Create().With("src/app.ts", "const a = '#login-btn';\n").With("playwright.config.ts", "export default { timeout: 5000 };\n");
        var policy = new GuardrailPolicy();
        policy.Allow.Add("src/**");

        var backend = Plan(repo, policy, Edits.Replace(repo, "src/app.ts", "'#login-btn'", "'#go'"));
        var config = Plan(repo, policy, Edits.Replace(repo, "playwright.config.ts", "5000", "10000", "raise_timeout"));

        backend.Guardrails.Allowed.Should().BeTrue(Describe(backend));
        backend.Risk.Class.Should().Be(RiskClass.Backend);
        config.Guardrails.Allowed.Should().BeTrue(Describe(config));
        config.Risk.Class.Should().Be(RiskClass.Config);
        backend.Risk.Score.Should().BeGreaterThan(config.Risk.Score);
    }

    [Fact]
    public void Validate_BadPolicy_ReportsEveryProblemTogether()
    {
        var sut = new GuardrailPolicy { MaxFiles = 0, MaxHunks = -1 };
        sut.Allow.Add("../x");

        var act = sut.Validate;

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("max_files").And.Contain("max_hunks").And.Contain("'../x'");
    }

    private static PatchPlan Plan(TestRepo repo, GuardrailPolicy policy, params TextEdit[] edits) =>
        PatchPlanner.Plan(repo.Source(), [.. edits.Select((e, i) => Edits.Instruction(i, e))], policy);

    private static GuardrailDecision AssertRefused(PatchPlan plan, string rule, string subject)
    {
        plan.Guardrails.Allowed.Should().BeFalse(Describe(plan));
        plan.Patch.Should().BeEmpty();
        var decision = plan.Guardrails.Decisions.Should().ContainSingle(d => d.Rule == rule && d.Subject == subject && d.Verdict == GuardrailVerdict.Refused, Describe(plan)).Subject;
        decision.Reason.Should().NotBeNullOrWhiteSpace();
        return decision;
    }

    private static void AssertCap(PatchPlan plan, string rule, long value, long limit)
    {
        plan.Guardrails.Allowed.Should().BeFalse(Describe(plan));
        plan.Patch.Should().BeEmpty();
        var decision = plan.Guardrails.Decisions.Should().ContainSingle(d => d.Rule == rule).Subject;
        decision.Verdict.Should().Be(GuardrailVerdict.Refused);
        decision.Value.Should().Be(value);
        decision.Limit.Should().Be(limit);
        decision.Reason.Should().Contain("the policy allows");
    }

    private static string Describe(PatchPlan plan) =>
        string.Join("; ", plan.Guardrails.Decisions.Select(d => $"{d.Rule}({d.Subject}) {d.Verdict} {d.Value}/{d.Limit} {d.Reason}"));
}
