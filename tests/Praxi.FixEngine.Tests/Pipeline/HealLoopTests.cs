using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Tests.Healing;

namespace Praxi.FixEngine.Tests.Pipeline;

/// <summary>The loop through the library's public API on a recorded failed run of the samples (plan only: nothing is applied).</summary>
public sealed class HealLoopTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static string Samples => Path.Combine(RepositoryRoot.Path, "samples");

    private static string Artifacts(string scenario) => Path.Combine(Samples, "artifacts", scenario);

    [Fact]
    public async Task RunAsync_RenamedSelector_HealsPlansAndWritesEveryFile()
    {
        var outDir = _temp.Subfolder();
        var logs = new CollectingLoggerFactory();
        var sut = new HealLoop(logs);

        var result = await sut.RunAsync(new HealLoopRequest { ArtifactsPath = Artifacts("renamed-selector"), RepositoryRoot = Samples, OutputFolder = outDir, RunId = "rs-7" });

        result.Stopped.Should().Be(HealLoopStop.None);
        result.Analysis.Classification.ErrorType.Should().Be(ErrorType.SelectorNotFound);
        result.Heal!.Outcomes.Should().HaveCount(3).And.OnlyContain(o => o.Status == HealStatus.Healed);
        result.Fix!.Allowed.Should().BeTrue();
        result.Fix.Metadata.Edits.Should().HaveCount(3);
        result.Validation.Should().BeNull();
        result.Applied.Should().BeNull();
        File.ReadAllText(result.PatchPath).Should().Be(result.Fix.Patch).And.StartWith("diff --git ");
        FixJson.DeserializeMetadata(File.ReadAllText(result.MetadataPath)).RunId.Should().Be("rs-7");
        AnalysisJson.Deserialize(File.ReadAllText(Path.Combine(outDir, "analysis.json"))).FixAgentInstructions
            .Should().OnlyContain(i => i.New != null, "analysis.json carries the healed locators");
        File.Exists(Path.Combine(outDir, "heal.json")).Should().BeTrue();
        logs.Entries.Select(e => e.Event.Id).Should().Equal(1, 3, 4);
        logs.Entries.Select(e => e.Message).Should().Equal(
            "Analyzed run rs-7: selector_not_found (0.81), 8 failed test(s)",
            "Healed 3 of 3 broken locator(s)",
            "Planned the fix: 3 edit(s), guardrails True, risk test-only");
    }

    [Fact]
    public async Task RunAsync_TestResultsHoldingOnlyAnErrorContext_PatchesTheSpecFromItsAriaSnapshot()
    {
        const string Title = "places an order";
        const string Locator = "locator('#place-order')";
        var repo = _temp.Subfolder();
        Directory.CreateDirectory(Path.Combine(repo, "tests"));
        File.WriteAllText(Path.Combine(repo, "tests", "checkout.spec.ts"), HealArtifacts.SpecSource(Title, Locator));
        var artifacts = new HealArtifacts(_temp.Subfolder())
            .ErrorContext("checkout", Title, Locator, """
                - main [ref=e1]:
                  - heading "Checkout" [level=1] [ref=e2]
                  - button "Cancel order" [ref=e3]
                  - button "Place order" [ref=e4]
                """)
            .Build();

        var result = await new HealLoop().RunAsync(new HealLoopRequest { ArtifactsPath = artifacts, RepositoryRoot = repo, OutputFolder = _temp.Subfolder(), RunId = "ec-1" });

        var outcome = result.Heal!.Outcomes.Should().ContainSingle().Subject;
        outcome.Status.Should().Be(HealStatus.Healed, outcome.Reason);
        outcome.Evidence!.Snapshot.Should().Be("aria snapshot");
        result.Fix!.Allowed.Should().BeTrue();
        result.Fix.Metadata.Edits.Should().ContainSingle();
        result.Fix.Patch.Should().Contain("-  await page.locator('#place-order').click();")
            .And.Contain("+  await page.getByRole('button', { name: 'Place order' }).click();");
    }

    [Fact]
    public async Task RunAsync_RenamedSelectorWithoutTracesOrDumps_PatchesThePageObjectFromTheAriaSnapshot()
    {
        var artifacts = SelectorHealerAriaTests.PlaywrightRunWithoutTraces(_temp.Subfolder());

        var result = await new HealLoop().RunAsync(new HealLoopRequest { ArtifactsPath = artifacts, RepositoryRoot = Samples, OutputFolder = _temp.Subfolder(), RunId = "rs-aria" });

        result.Heal!.Outcomes.Should().ContainSingle().Which.Evidence!.Snapshot.Should().Be("aria snapshot");
        result.Fix!.Allowed.Should().BeTrue();
        result.Fix.Patch.Should().Contain("-    readonly addToCart = page.locator('#add-to-cart'),")
            .And.Contain("+    readonly addToCart = page.getByRole('button', { name: 'Add to cart' }),");
    }

    [Fact]
    public async Task RunAsync_BackendError_PlansNoCodeChange()
    {
        var outDir = _temp.Subfolder();

        var result = await new HealLoop().RunAsync(new HealLoopRequest { ArtifactsPath = Artifacts("backend-500"), RepositoryRoot = Samples, OutputFolder = outDir });

        result.Analysis.Classification.ErrorType.Should().Be(ErrorType.BackendError);
        result.Heal!.Outcomes.Should().BeEmpty();
        result.Fix!.Patch.Should().BeEmpty();
        File.ReadAllText(result.PatchPath).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_MissingArtifacts_IsBadInputAndWritesNothing()
    {
        var outDir = Path.Combine(_temp.Subfolder(), "out");

        var act = () => new HealLoop().RunAsync(new HealLoopRequest { ArtifactsPath = Path.Combine(outDir, "nope"), RepositoryRoot = Samples, OutputFolder = outDir });

        await act.Should().ThrowAsync<FixEngineException>().WithMessage("artifacts '*nope' do not exist*");
        Directory.Exists(outDir).Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_BaselineThatIsAFolder_IsBadInputBeforeAnyStepRuns()
    {
        var outDir = Path.Combine(_temp.Subfolder(), "out");
        var folder = _temp.Subfolder();

        var act = () => new HealLoop().RunAsync(new HealLoopRequest { ArtifactsPath = Artifacts("renamed-selector"), RepositoryRoot = Samples, OutputFolder = outDir, BaselinePath = folder });

        await act.Should().ThrowAsync<FixEngineException>().WithMessage("baseline '*' is a folder*");
        Directory.Exists(outDir).Should().BeFalse();
    }

    [Fact]
    public void StillFailing_TestsSelfHealMadePass_LeaveTheFixAgentsWork()
    {
        var report = new AnalysisReport
        {
            RunId = "r",
            Classification = new RunClassification
            {
                ErrorType = ErrorType.Database,
                Confidence = 0.9,
                Evidence = [],
                Failures = [Failure("a › one"), Failure("b › two")],
            },
            SelfHealPlan = new SelfHealPlan { Eligible = true, Reason = "x", Actions = ["reseed"] },
            FixAgentInstructions = [Instruction("a › one"), Instruction("b › two")],
            Triggers = new Triggers(true, true, false),
        };

        var sut = HealLoop.StillFailing(report, ["a › one"]);

        sut.Classification.Failures.Select(f => f.Test).Should().Equal("b › two");
        sut.FixAgentInstructions.Select(i => i.Test).Should().Equal("b › two");
        HealLoop.StillFailing(report, []).Should().BeSameAs(report);
    }

    private static FailureReport Failure(string test) => new() { Test = test, ErrorType = ErrorType.Database, Confidence = 0.9, Message = "m" };

    private static FixInstruction Instruction(string test) => new() { Kind = FixKind.RaiseTimeout, Test = test, File = "t.spec.ts", Confidence = 0.5, Evidence = "e" };
}
