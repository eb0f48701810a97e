using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Tests.Validation;

/// <summary>
/// Progress end to end: real git worktrees, real <c>git apply</c>, a real node process writing a Playwright JSON report
/// whose error names the failing call's place (see <see cref="ProgressRepo"/>).
/// </summary>
public sealed class ValidationProgressTests
{
    private static readonly TestTarget Target = new(
        ProgressRepo.TestName, ProgressRepo.SpecPath, ProgressRepo.ClickLine, "playwright", ProgressRepo.SpecPath, 3,
        Message: ProgressRepo.ClickError, Action: "page.click", Selector: "locator('#add-btn')");

    [Fact]
    public async Task ValidateAsync_HealedStepPassesAndTheTestFailsLater_IsProgressedWithTheNewTypedFailureAndKeepsThePatch()
    {
        using var repo = ProgressRepo.Create();
        var patch = Patch(s => s.Replace("#add-btn", "#add-item", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        var v = result.Validation;
        v.Status.Should().Be(FixValidation.Progressed, v.Reason);
        var test = v.Tests.Should().ContainSingle().Subject;
        test.Status.Should().Be("progressed");
        test.Failure.Should().BeEquivalentTo(new ValidatedFailure
        {
            File = ProgressRepo.SpecPath,
            Line = 6,
            Message = "Error: page.fill: SqliteException: SQLite Error 1: 'table \"Items\" already exists'.",
            ErrorType = ErrorType.Database,
        }, o => o.Excluding(f => f.Confidence));
        v.Reason.Should().Be($"'{ProgressRepo.TestName}' got past the call that failed (tests/items.spec.js:5) and now fails at tests/items.spec.js:6: "
            + "Error: page.fill: SqliteException: SQLite Error 1: 'table \"Items\" already exists'. (database)");
        result.Withheld.Should().BeFalse("on_progressed defaults to keep");
        result.Fix.Patch.Should().Be(patch);
        result.Fix.Metadata.NeedsManualReview.Should().BeFalse();
        result.Fix.Metadata.PrBody.Should().Contain("**Progressed.** The healed step now works, but the test fails later")
            .And.Contain("progressed at `tests/items.spec.js:6: Error: page.fill: SqliteException");
        FixJson.DeserializeMetadata(FixJson.Serialize(result.Fix.Metadata)).Validation.Tests[0].Failure!.ErrorType.Should().Be(ErrorType.Database);
    }

    [Fact]
    public async Task ValidateAsync_ProgressedUnderOnProgressedWithhold_IsWithheld()
    {
        using var repo = ProgressRepo.Create("\"on_progressed\": \"withhold\"");
        var patch = Patch(s => s.Replace("#add-btn", "#add-item", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        result.Validation.Status.Should().Be(FixValidation.Progressed);
        result.Withheld.Should().BeTrue();
        result.RejectedPatch.Should().Be(patch);
        result.Fix.Patch.Should().BeEmpty();
        result.Fix.Metadata.ManualReview.Should().ContainSingle().Which.Status.Should().Be("validation_failed");
        result.Fix.Metadata.PrBody.Should().Contain("**Progressed — the patch is withheld** (validation.on_progressed: withhold)");
    }

    [Fact]
    public async Task ValidateAsync_PatchShiftsLinesAndTheSameCallFailsAgain_IsStillFailingAndWithheld()
    {
        using var repo = ProgressRepo.Create();
        var patch = Patch(s => s.Replace("#add-btn", "#add-button", StringComparison.Ordinal).Replace("test('adds", "// healed by praxi\ntest('adds", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        var v = result.Validation;
        v.Status.Should().Be(FixValidation.StillFailing, v.Reason);
        v.Tests.Should().ContainSingle().Which.Failure!.Line.Should().Be(6, "the click moved down one line");
        v.Reason.Should().Be($"check 'target_passes' failed: '{ProgressRepo.TestName}' still fails at the same call (tests/items.spec.js:5, line 6 after the patch)");
        result.Withheld.Should().BeTrue();
        result.RejectedPatch.Should().Be(patch);
    }

    [Fact]
    public async Task ValidateAsync_PatchThatMakesTheTestPass_StaysPassed()
    {
        using var repo = ProgressRepo.Create();
        var patch = Patch(s => s.Replace("#add-btn", "#add-item", StringComparison.Ordinal).Replace("await page.fill('#name', 'Milk');", "await page.click('#name');", StringComparison.Ordinal));

        var result = await ValidateAsync(repo, patch);

        result.Validation.Status.Should().Be(FixValidation.Passed, result.Validation.Reason);
        result.Validation.Tests.Should().ContainSingle().Which.Failure.Should().BeNull();
    }

    private static string Patch(Func<string, string> edit) =>
        UnifiedDiff.Render([UnifiedDiff.Create(ProgressRepo.SpecPath, ProgressRepo.Spec, edit(ProgressRepo.Spec))]);

    private static Task<ValidationResult> ValidateAsync(ProgressRepo repo, string patch) =>
        PatchValidator.ValidateAsync(repo.Root, ValidationRepo.Fix(patch), [Target], PraxiConfig.Load(Path.Combine(repo.Root, "praxi.json")), null, CancellationToken.None);
}
