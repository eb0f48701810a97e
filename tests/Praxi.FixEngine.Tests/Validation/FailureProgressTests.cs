using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Running;
using Praxi.FixEngine.Validation;

namespace Praxi.FixEngine.Tests.Validation;

public sealed class FailureProgressTests
{
    private const string Spec = """
        import { test, expect } from '@playwright/test';

        test('adds an item', async ({ page }) => {
          await page.goto('/items');
          await page.locator('#add-btn').click();
          await page.getByLabel('Name').fill('Milk');
          await expect(page.locator('.item')).toHaveCount(1);
        });

        """;

    private static readonly TestTarget Target = new(
        "items.spec.ts › adds an item", "e2e/items.spec.ts", 5, "playwright", "e2e/items.spec.ts", 3,
        Message: "TimeoutError: locator.click: Timeout 5000ms exceeded.", Action: "locator.click", Selector: "locator('#add-btn')");

    private static readonly IReadOnlyList<FileDiff> Healed = [UnifiedDiff.Create("e2e/items.spec.ts", Spec, Spec.Replace("#add-btn", "#add-item", StringComparison.Ordinal))];

    [Fact]
    public void Compare_SameCallFailsAgain_IsStillFailing()
    {
        var rerun = Failed("e2e/items.spec.ts", 5, "TimeoutError: locator.click: Timeout 5000ms exceeded.");

        var verdict = FailureProgress.Compare(Target, [rerun], Healed);

        verdict.Status.Should().Be(FixValidation.StillFailing);
        verdict.Detail.Should().Be("'items.spec.ts › adds an item' still fails at the same call (e2e/items.spec.ts:5)");
    }

    [Fact]
    public void Compare_FailsAtALaterCall_IsProgressedNamingTheNewPlace()
    {
        var rerun = Failed("e2e/items.spec.ts", 6, "Error: SqliteException: table \"Items\" already exists");

        var verdict = FailureProgress.Compare(Target, [rerun], Healed);

        verdict.Status.Should().Be(FixValidation.Progressed);
        verdict.At.Should().Be(rerun);
        verdict.Detail.Should().Be("'items.spec.ts › adds an item' got past the call that failed (e2e/items.spec.ts:5) and now fails at e2e/items.spec.ts:6");
    }

    [Fact]
    public void Compare_PatchAddsLinesAboveTheCall_ComparesWithTheShiftedLine()
    {
        var shifted = Spec.Replace("#add-btn", "#add-button", StringComparison.Ordinal).Replace("test('adds", "// healed by praxi\n// (selector drift)\ntest('adds", StringComparison.Ordinal);
        IReadOnlyList<FileDiff> patch = [UnifiedDiff.Create("e2e/items.spec.ts", Spec, shifted)];

        var atSameCall = FailureProgress.Compare(Target, [Failed("e2e/items.spec.ts", 7, "TimeoutError")], patch);
        var atOldLineNumber = FailureProgress.Compare(Target, [Failed("e2e/items.spec.ts", 5, "Error: page.goto: net::ERR")], patch);
        var later = FailureProgress.Compare(Target, [Failed("e2e/items.spec.ts", 8, "Error: SqliteException")], patch);

        atSameCall.Status.Should().Be(FixValidation.StillFailing, "line 5 is line 7 once two lines are added above it");
        atSameCall.Detail.Should().Contain("(e2e/items.spec.ts:5, line 7 after the patch)");
        atOldLineNumber.Status.Should().Be(FixValidation.Failed, "line 5 of the patched file is above the healed call");
        later.Status.Should().Be(FixValidation.Progressed);
    }

    [Fact]
    public void Compare_ResultNamesThePathRelativeToItsConfigFolder_IsTheSameFile()
    {
        var verdict = FailureProgress.Compare(Target, [Failed("items.spec.ts", 5, "TimeoutError")], Healed);

        verdict.Status.Should().Be(FixValidation.StillFailing);
    }

    [Fact]
    public void Compare_FailsInAnotherFile_IsProgressed()
    {
        var verdict = FailureProgress.Compare(Target, [Failed("e2e/pages/items-page.ts", 2, "Error: boom")], Healed);

        verdict.Status.Should().Be(FixValidation.Progressed);
    }

    [Fact]
    public void Compare_OriginalCallInAPageObject_LineOrderThereSaysNothing()
    {
        var target = Target with { File = "e2e/pages/items-page.ts", Line = 20 };

        var verdict = FailureProgress.Compare(target, [Failed("e2e/pages/items-page.ts", 8, "Error: boom")], []);

        verdict.Status.Should().Be(FixValidation.Progressed, "a page object's methods run in any order");
    }

    [Fact]
    public void Compare_RerunWithoutLocation_SameActionAndLocatorIsStillFailing_ElseCannotTellAndStaysStillFailing()
    {
        var same = new TestResult(Target.Test, TestResult.Failed, "other words", Action: "locator.click", Selector: "locator('#add-btn')");
        var other = new TestResult(Target.Test, TestResult.Failed, "Error: something else");

        FailureProgress.Compare(Target, [same], Healed).Detail.Should().Contain("still fails with the same error");
        var unknown = FailureProgress.Compare(Target, [other], Healed);

        unknown.Status.Should().Be(FixValidation.StillFailing);
        unknown.Detail.Should().Contain("cannot be told");
    }

    [Fact]
    public void Compare_AnalysisWithoutLocation_CannotClaimProgress()
    {
        var target = Target with { File = null, Line = null };

        var verdict = FailureProgress.Compare(target, [Failed("e2e/items.spec.ts", 6, "Error: SqliteException")], Healed);

        verdict.Status.Should().Be(FixValidation.StillFailing);
        verdict.Detail.Should().Contain("the analysis does not say which call failed");
    }

    [Fact]
    public void Compare_SeveralResultsOfOneTest_StillFailingAnywhereWins()
    {
        var verdict = FailureProgress.Compare(Target, [Failed("e2e/items.spec.ts", 6, "Error: x"), Failed("e2e/items.spec.ts", 5, "TimeoutError")], Healed);

        verdict.Status.Should().Be(FixValidation.StillFailing);
    }

    [Fact]
    public void Compare_SeveralTargetsMixed_EachGetsItsOwnVerdict()
    {
        var second = new TestTarget("items.spec.ts › removes an item", "e2e/items.spec.ts", 14, "playwright", "e2e/items.spec.ts", 12);
        var third = new TestTarget("cart.spec.ts › checks out", "e2e/cart.spec.ts", 9, "playwright", "e2e/cart.spec.ts", 4);

        var verdicts = new[]
        {
            FailureProgress.Compare(Target, [Failed("e2e/items.spec.ts", 6, "Error: x")], Healed),
            FailureProgress.Compare(second, [Failed("e2e/items.spec.ts", 14, "TimeoutError")], Healed),
            FailureProgress.Compare(third, [Failed("e2e/cart.spec.ts", 7, "Error: y")], Healed),
        };

        verdicts.Select(v => v.Status).Should().Equal(FixValidation.Progressed, FixValidation.StillFailing, FixValidation.Failed);
    }

    private static TestResult Failed(string file, int line, string message) => new(Target.Test, TestResult.Failed, message, file, line);
}
