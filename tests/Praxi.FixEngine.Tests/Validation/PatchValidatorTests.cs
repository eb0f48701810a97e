using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Running;
using Praxi.FixEngine.Validation;

namespace Praxi.FixEngine.Tests.Validation;

/// <summary>Real git worktrees, real <c>git apply</c>, a real node process writing JUnit results (see <see cref="ValidationRepo"/>).</summary>
public sealed class PatchValidatorTests
{
    private static readonly string GoodPatch = ValidationRepo.PatchSpec(s => s.Replace("#login-btn", "#sign-in", StringComparison.Ordinal));

    [Fact]
    public async Task ValidateAsync_PatchThatFixesTheTest_PassesEveryCheckAndKeepsThePatch()
    {
        using var repo = ValidationRepo.Create();

        var result = await ValidateAsync(repo, GoodPatch);

        result.Withheld.Should().BeFalse();
        result.RejectedPatch.Should().BeNull();
        result.Fix.Patch.Should().Be(GoodPatch);
        var v = result.Validation;
        v.Status.Should().Be(FixValidation.Passed, v.Reason);
        v.Checks.Select(c => (c.Name, c.Passed)).Should().Equal(("applies", true), ("parses", true), ("assertions_intact", true), ("target_passes", true), ("no_new_failures", true));
        v.Command.Should().Be("node run.js 'Suite.signs in'");
        v.Cwd.Should().Be(".");
        v.DurationMs.Should().NotBeNull();
        v.Tests.Should().BeEquivalentTo([new ValidatedTest { Test = "Suite.signs in", Status = "passed" }, new ValidatedTest { Test = "Suite.neighbour", Status = "passed" }]);
        result.Fix.Metadata.NeedsManualReview.Should().BeFalse();
        result.Fix.Metadata.PrBody.Should().Contain("## Validation\n\n**Passed.**").And.Contain("`node run.js 'Suite.signs in'`").And.NotContain("Not run");
    }

    [Fact]
    public async Task ValidateAsync_PatchWhoseTargetStillFails_IsStillFailingAndWithheld()
    {
        using var repo = ValidationRepo.Create();
        var patch = ValidationRepo.PatchSpec(s => s.Replace("#login-btn", "#sign-on", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        result.Validation.Status.Should().Be(FixValidation.StillFailing);
        Check(result, "target_passes").Passed.Should().BeFalse();
        Check(result, "target_passes").Detail.Should().Be("'Suite.signs in' still fails (the rerun's result does not say where, so progress past tests/login.spec.js:4 cannot be told)");
        result.Validation.Tests[0].Status.Should().Be("still_failing");
        result.Validation.Tests[0].Failure!.Message.Should().Be("failed: Suite.signs in");
        Check(result, "no_new_failures").Passed.Should().BeTrue();
        AssertWithheld(result, patch);
        result.Fix.Metadata.PrBody.Should().Contain("**Still failing — the patch is withheld**").And.Contain("- **failed**: `target_passes`");
    }

    [Fact]
    public async Task ValidateAsync_PatchThatBreaksAnotherTest_FailsNoNewFailures()
    {
        using var repo = ValidationRepo.Create();
        var patch = ValidationRepo.PatchSpec(s => s.Replace("#login-btn", "#sign-in", StringComparison.Ordinal).Replace("'Shop'", "'BROKEN'", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        Check(result, "target_passes").Passed.Should().BeTrue();
        Check(result, "no_new_failures").Passed.Should().BeFalse();
        Check(result, "no_new_failures").Detail.Should().Be("newly failing: 'Suite.neighbour'");
        result.Validation.Tests.Should().ContainEquivalentOf(new ValidatedTest { Test = "Suite.neighbour", Status = "failed" });
        AssertWithheld(result, patch);
    }

    [Fact]
    public async Task ValidateAsync_FailureTheAnalysisAlreadyHad_IsNotANewFailure()
    {
        using var repo = ValidationRepo.Create();
        var patch = ValidationRepo.PatchSpec(s => s.Replace("#login-btn", "#sign-in", StringComparison.Ordinal).Replace("'Shop'", "'BROKEN'", StringComparison.Ordinal));
        var known = new TestTarget("Suite.neighbour", ValidationRepo.SpecPath, 9, "junit", null, null);

        var result = await PatchValidator.ValidateAsync(repo.Root, ValidationRepo.Fix(patch), [ValidationRepo.Target, known], repo.LoadConfig(), null, CancellationToken.None);

        Check(result, "no_new_failures").Passed.Should().BeTrue("the neighbour failed before the patch too");
        Check(result, "target_passes").Passed.Should().BeFalse("it is a targeted failure as well, and it still fails");
    }

    [Fact]
    public async Task ValidateAsync_PatchThatDeletesAnAssertion_FailsAssertionsIntactWithoutRerunning()
    {
        using var repo = ValidationRepo.Create();
        var patch = ValidationRepo.PatchSpec(s => s.Replace("#login-btn", "#sign-in", StringComparison.Ordinal).Replace("  expect(page.url()).toBe('/home');\n", string.Empty, StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        result.Validation.Status.Should().Be(FixValidation.Failed);
        Check(result, "assertions_intact").Passed.Should().BeFalse();
        Check(result, "assertions_intact").Detail.Should().Contain("tests/login.spec.js: an assertion was removed");
        result.Validation.Checks.Select(c => c.Name).Should().NotContain("target_passes", "a failing static check withholds without a rerun");
        result.Validation.Command.Should().BeNull();
        AssertWithheld(result, patch);
    }

    [Fact]
    public async Task ValidateAsync_PatchThatCommentsOutAnAssertion_FailsAssertionsIntact()
    {
        using var repo = ValidationRepo.Create();
        var patch = ValidationRepo.PatchSpec(s => s.Replace("#login-btn", "#sign-in", StringComparison.Ordinal).Replace("  expect(page.url())", "  // expect(page.url())", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        Check(result, "assertions_intact").Passed.Should().BeFalse();
        result.Withheld.Should().BeTrue();
    }

    [Fact]
    public async Task ValidateAsync_PatchThatAddsTestSkip_FailsAssertionsIntact()
    {
        using var repo = ValidationRepo.Create();
        var patch = ValidationRepo.PatchSpec(s => s.Replace("test('signs in'", "test.skip('signs in'", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        Check(result, "assertions_intact").Passed.Should().BeFalse();
        Check(result, "assertions_intact").Detail.Should().Contain("a skip, fixme or only was added: 'test.skip'");
        AssertWithheld(result, patch);
    }

    [Fact]
    public async Task ValidateAsync_PatchWithASyntaxError_FailsParses()
    {
        using var repo = ValidationRepo.Create();
        var patch = ValidationRepo.PatchSpec(s => s.Replace("page.click('#login-btn');", "page.click('#sign-in';", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        Check(result, "parses").Passed.Should().BeFalse();
        Check(result, "parses").Detail.Should().StartWith("new parse errors: tests/login.spec.js:");
        result.Validation.Reason.Should().StartWith("check 'parses' failed, so the tests were not rerun");
        AssertWithheld(result, patch);
    }

    [Fact]
    public async Task ValidateAsync_PatchThatDoesNotApply_FailsApplies()
    {
        using var repo = ValidationRepo.Create();
        var patch = UnifiedDiff.Render([UnifiedDiff.Create(ValidationRepo.SpecPath, "something else\nentirely\n", "something new\nentirely\n")]);

        var result = await ValidateAsync(repo, patch);

        result.Validation.Status.Should().Be(FixValidation.Failed);
        result.Validation.Checks.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "applies", Passed = false });
        result.Validation.Reason.Should().StartWith("the patch does not apply: git apply:");
        AssertWithheld(result, patch);
    }

    [Fact]
    public async Task ValidateAsync_RunOverTheOverallCap_IsTimedOutAndWithheld()
    {
        using var repo = ValidationRepo.Create();
        var patch = ValidationRepo.PatchSpec(s => s.Replace("#login-btn", "#sign-in", StringComparison.Ordinal) + "// HANG\n");

        var result = await PatchValidator.ValidateAsync(repo.Root, ValidationRepo.Fix(patch), [ValidationRepo.Target], repo.LoadConfig(), new ValidationOptions { Timeout = TimeSpan.FromSeconds(2) }, CancellationToken.None);

        result.Validation.Status.Should().Be(FixValidation.TimedOut);
        result.Validation.Reason.Should().Be("test runner 'node' was stopped by the overall validation.timeout_s");
        result.Validation.OutputTail.Should().Contain("[praxi: killed after");
        AssertWithheld(result, patch);
    }

    [Fact]
    public async Task ValidateAsync_NoRunnerSelectsTheTarget_IsNotRunAndFlaggedButOffered()
    {
        using var repo = ValidationRepo.Create();
        var stranger = new TestTarget("Other.test", "x.py", 1, "pytest", null, null);

        var result = await PatchValidator.ValidateAsync(repo.Root, ValidationRepo.Fix(GoodPatch), [stranger], repo.LoadConfig(), null, CancellationToken.None);

        result.Validation.Status.Should().Be(FixValidation.NotRun);
        result.Validation.Reason.Should().Be("no runner in praxi.json 'tests' selects the failed tests ('Other.test'); add one to validate patches");
        result.Withheld.Should().BeFalse();
        result.Fix.Patch.Should().Be(GoodPatch);
        result.Fix.Metadata.NeedsManualReview.Should().BeTrue();
        result.Fix.Metadata.ManualReview.Should().ContainSingle().Which.Status.Should().Be("not_validated");
        result.Fix.Metadata.PrBody.Should().Contain("**Not validated** — rerun the affected tests before merging");
    }

    [Fact]
    public async Task ValidateAsync_NotRunUnderRequirePass_IsWithheld()
    {
        using var repo = ValidationRepo.Create();
        var stranger = new TestTarget("Other.test", "x.py", 1, "pytest", null, null);

        var result = await PatchValidator.ValidateAsync(repo.Root, ValidationRepo.Fix(GoodPatch), [stranger], repo.LoadConfig(), new ValidationOptions { RequirePass = true }, CancellationToken.None);

        result.Validation.Status.Should().Be(FixValidation.NotRun);
        AssertWithheld(result, GoodPatch);
    }

    [Fact]
    public async Task ValidateAsync_RunnerThatBreaksBeforeAnyTest_IsNotRunNotAWrongPatch()
    {
        using var repo = ValidationRepo.Create();
        repo.Write("app/praxi.json", """{ "tests": [ { "name": "env", "match": ["Suite.*"], "command": ["bash", "-c", "echo 'env.sh: PRAXI_ENV_DIR is not set' >&2; exit 2", "x", "{tests}"], "results": ["out/junit.xml"] } ] }""");

        var result = await ValidateAsync(repo, GoodPatch);

        result.Validation.Status.Should().Be(FixValidation.NotRun);
        result.Validation.Reason.Should().StartWith("test runner 'env' reported no test (exit 2").And.Contain("PRAXI_ENV_DIR is not set");
        result.Withheld.Should().BeFalse("a rerun that could not run says nothing against the patch");
        result.Fix.Metadata.NeedsManualReview.Should().BeTrue();
    }

    [Fact]
    public async Task ValidateAsync_RunnerProgramMissing_IsNotRunWithTheReason()
    {
        using var repo = ValidationRepo.Create();
        repo.Write("app/praxi.json", """{ "tests": [ { "name": "gone", "match": ["Suite.*"], "command": ["praxi-no-such-program", "{tests}"], "results": ["out/junit.xml"] } ] }""");

        var result = await ValidateAsync(repo, GoodPatch);

        result.Validation.Status.Should().Be(FixValidation.NotRun);
        result.Validation.Reason.Should().StartWith("test runner 'gone' did not start: cannot run 'praxi-no-such-program'");
        result.Withheld.Should().BeFalse();
        result.Fix.Metadata.NeedsManualReview.Should().BeTrue();
    }

    [Fact]
    public async Task ValidateAsync_EmptyPatch_IsNotRunAndNotFlagged()
    {
        using var repo = ValidationRepo.Create();

        var result = await ValidateAsync(repo, string.Empty);

        result.Validation.Status.Should().Be(FixValidation.NotRun);
        result.Validation.Reason.Should().Be("the patch is empty: there is no code change to validate");
        result.Withheld.Should().BeFalse();
        result.Fix.Metadata.NeedsManualReview.Should().BeFalse();
    }

    [Fact]
    public async Task ValidateAsync_UncommittedTrackedChange_IsValidatedInTheCopyAndTheCheckoutIsLeftAsItWas()
    {
        using var repo = ValidationRepo.Create();
        var edited = ValidationRepo.Spec.Replace("#login-btn", "#sign-in", StringComparison.Ordinal);
        repo.Write("app/" + ValidationRepo.SpecPath, edited);
        var state = repo.State();
        var patch = UnifiedDiff.Render([UnifiedDiff.Create(ValidationRepo.SpecPath, edited, edited + "// reviewed\n")]);

        var result = await ValidateAsync(repo, patch);

        result.Validation.Status.Should().Be(FixValidation.Passed, "the copy has the uncommitted '#sign-in' the patch builds on; " + result.Validation.Reason);
        repo.State().Should().Be(state, "status, stash list and worktree list are the user's");
        repo.Read("app/" + ValidationRepo.SpecPath).Should().Be(edited);
        Directory.Exists(Path.Combine(repo.Root, "out")).Should().BeFalse("the tests ran in the copy");
    }

    [Fact]
    public async Task ValidateAsync_NotAGitCheckout_ValidatesACopy()
    {
        using var repo = ValidationRepo.Create(git: false);

        var result = await ValidateAsync(repo, GoodPatch);

        result.Validation.Status.Should().Be(FixValidation.Passed, result.Validation.Reason);
        repo.Read("app/" + ValidationRepo.SpecPath).Should().Be(ValidationRepo.Spec);
        Directory.Exists(Path.Combine(repo.Root, "out")).Should().BeFalse();
    }

    [Fact]
    public async Task ValidateAsync_CancelledDuringTheRun_ThrowsAndRemovesTheWorktree()
    {
        using var repo = ValidationRepo.Create();
        var state = repo.State();
        var patch = ValidationRepo.PatchSpec(s => s + "// HANG\n");
        using var cancel = new CancellationTokenSource();
        var outDir = Path.Combine(repo.Root, "out");

        var run = PatchValidator.ValidateAsync(repo.Root, ValidationRepo.Fix(patch), [ValidationRepo.Target], repo.LoadConfig(), null, cancel.Token);
        await cancel.CancelAsync();
        var act = () => run;

        await act.Should().ThrowAsync<OperationCanceledException>();
        repo.State().Should().Be(state, "the worktree is removed and pruned on cancellation too");
        Directory.Exists(outDir).Should().BeFalse();
    }

    private static Task<ValidationResult> ValidateAsync(ValidationRepo repo, string patch) =>
        PatchValidator.ValidateAsync(repo.Root, ValidationRepo.Fix(patch), [ValidationRepo.Target], repo.LoadConfig(), null, CancellationToken.None);

    private static ValidationCheck Check(ValidationResult result, string name) => result.Validation.Checks.Single(c => c.Name == name);

    private static void AssertWithheld(ValidationResult result, string patch)
    {
        result.Withheld.Should().BeTrue();
        result.Fix.Patch.Should().BeEmpty();
        result.RejectedPatch.Should().Be(patch);
        result.Fix.Metadata.NeedsManualReview.Should().BeTrue();
        result.Fix.Metadata.ManualReview.Should().ContainSingle().Which.Status.Should().Be("validation_failed");
        result.Fix.Metadata.ManualReview[0].Reason.Should().StartWith("withheld by validation: ");
    }
}
