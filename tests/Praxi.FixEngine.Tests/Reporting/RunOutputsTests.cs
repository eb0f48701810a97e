using Praxi.FixEngine.Reporting;

namespace Praxi.FixEngine.Tests.Reporting;

public sealed class RunOutputsTests
{
    [Fact]
    public void Load_MissingFolder_ThrowsSayingWhatToPass()
    {
        using var temp = TempFolder.Create();
        var missing = Path.Combine(temp.Path, "no-such");

        var act = () => RunOutputs.Load(missing);

        act.Should().Throw<FixEngineException>().WithMessage("*does not exist; pass the run's output folder*");
    }

    [Fact]
    public void Load_AFile_ThrowsSayingItIsAFile()
    {
        using var run = RunFolder.Create("f").Text("x.txt", "x");

        var act = () => RunOutputs.Load(Path.Combine(run.Path, "x.txt"));

        act.Should().Throw<FixEngineException>().WithMessage("*is a file*");
    }

    [Fact]
    public void Load_MalformedAnalysis_UnreadableWithTheReason()
    {
        using var run = RunFolder.Create("broken").Text("analysis.json", "{ \"run_id\": ");

        var sut = RunOutputs.Load(run.Path);

        sut.Status.Should().Be("unreadable");
        sut.Problems.Should().ContainSingle().Which.Should().StartWith("analysis.json: not valid JSON (");
    }

    [Fact]
    public void Load_AnalysisFineButMetadataMalformed_KeepsTheAnalysisAndNotesTheFile()
    {
        using var run = RunFolder.Create("half").Analysis("r9", "timeout", ("t", "timeout", "m")).Text("fix-agent/metadata-r9.json", "[1, 2]");

        var sut = RunOutputs.Load(run.Path);

        sut.Status.Should().Be("failed");
        sut.RunId.Should().Be("r9");
        sut.Problems.Should().Equal("fix-agent/metadata-r9.json: not a JSON object");
        Dashboard.RenderHtml([sut]).Should().Contain("unreadable: fix-agent/metadata-r9.json: not a JSON object");
    }

    [Fact]
    public void Load_BareAnalysisWithoutFailures_Passed()
    {
        using var run = RunFolder.Create("green").Analysis("r", "unknown");

        RunOutputs.Load(run.Path).Status.Should().Be("passed");
    }

    [Fact]
    public void Load_StagesPresent_StatusFollowsTheFurthestOutcome()
    {
        var statuses = DashboardTests.ThreeRuns().ToDictionary(r => r.Name, r => r.Status);

        statuses.Should().Equal(new Dictionary<string, string>
        {
            ["patched"] = "patch_offered",
            ["self-healed"] = "healed",
            ["withheld"] = "patch_withheld",
            ["empty"] = "unreadable",
        });
    }

    [Fact]
    public void Load_ManualReviewWithoutPatch_NeedsReview()
    {
        using var run = RunFolder.Create("review").Analysis("r", "selector_not_found", ("t", "selector_not_found", "m"))
            .Text("fix-agent/metadata-r.json", """{"run_id":"r","edits":[],"guardrails":{"allowed":true,"decisions":[]},"validation":{"status":"not_run"},"needs_manual_review":true,"manual_review":[{"instruction":0,"kind":"replace_selector","file":"a.ts","status":"element_gone","reason":"removed"}]}""")
            .Text("fix-agent/patch-r.diff", string.Empty);

        var sut = RunOutputs.Load(run.Path);

        sut.Status.Should().Be("needs_review");
        Dashboard.RenderHtml([sut]).Should().Contain("Needs a person (1)").And.Contain("No code change proposed.");
    }
}
