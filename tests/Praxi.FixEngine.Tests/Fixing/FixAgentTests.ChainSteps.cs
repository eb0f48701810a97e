using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Rewriting.JavaScript;

namespace Praxi.FixEngine.Tests.Fixing;

public sealed partial class FixAgentTests
{
    [Fact]
    public void Plan_OldMatchingTwoStepsOfAChain_IsListedForManualReviewAndTheClearOneIsPatched()
    {
        const string tree = """
            test('tree', async ({ page }) => {
              await page.getByTestId('tree').getByTestId('row').first().click();
              await page.getByTestId('row').getByTestId('row').first().click();
            });

            """;
        using var repo = TestRepo.Create().With("e2e/tree.spec.ts", tree).Commit();
        var sut = new FixAgent(null, [new JavaScriptRewriter()]);
        FixInstruction Step(int line) => new()
        {
            Kind = FixKind.ReplaceSelector,
            File = "e2e/tree.spec.ts",
            Line = line,
            Column = 60,
            Old = new LocatorSpec { By = LocatorKind.TestId, Value = "row" },
            New = new LocatorSpec { By = LocatorKind.TestId, Value = "item" },
            Confidence = 0.8,
            Evidence = "another tool",
        };

        var result = sut.Plan(Input(Step(2), Step(3)), repo.Root);

        result.Metadata.Edits.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = 2, Before = "'row'", After = "'item'" });
        result.Metadata.NeedsManualReview.Should().BeTrue();
        var item = result.Metadata.ManualReview.Should().ContainSingle().Subject;
        item.Should().BeEquivalentTo(new { Instruction = 1, Status = "needs_manual_review", Line = 3 });
        item.Reason.Should().Contain("matches 2 steps");
        repo.Apply(result.Patch, check: true).Code.Should().Be(0);
    }
}
