using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Tests.Fixing;

public sealed partial class FixAgentTests
{
    private const string Spec = """
        import { test, expect } from '@playwright/test';
        import { LoginPage } from './pages/login-page';

        test('signs in', async ({ page }) => {
          await page.goto('/login');
          await page.locator('#login-btn').click();
          await expect(page.getByText('Welcome')).toBeVisible({ timeout: 5000 });
        });

        """;

    private const string PageObject = "export class LoginPage {\n  readonly submit = '#submit';\n}\n";

    [Fact]
    public void Plan_SelectorInstruction_PatchThatGitAppliesAndSchemaValidMetadata()
    {
        using var repo = Repo();
        var sut = Agent();

        var result = sut.Plan(Input(Selector("e2e/login.spec.ts", 6, "#login-btn", "[data-testid=\"sign-in\"]")), repo.Root);

        result.Allowed.Should().BeTrue();
        repo.Apply(result.Patch, check: true).Code.Should().Be(0);
        var m = result.Metadata;
        m.SuggestedBranch.Should().Be("praxi/fix-selector-9876543210-1");
        m.Edits.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File = "e2e/login.spec.ts", Line = 6, Kind = "replace_selector", Before = "#login-btn", After = "[data-testid=\"sign-in\"]" });
        m.Risk.Class.Should().Be(RiskClass.TestOnly);
        m.Validation.Status.Should().Be("not_run");
        m.NeedsManualReview.Should().BeFalse();
        m.PrTitle.Should().Be("praxi: heal selector in login.spec.ts (CI run 9876543210-1)");
        AssertSchemaValid(FixJson.Serialize(m));
        File.ReadAllText(Path.Combine(repo.Root, "e2e/login.spec.ts")).Should().Be(Spec, "planning writes nothing");
    }

    [Fact]
    public void Plan_MetadataAndPrBody_MatchTheApprovedText()
    {
        using var repo = Repo();
        var sut = Agent();

        var result = sut.Plan(
            Input(
                Selector("/home/runner/work/shop/shop/e2e/login.spec.ts", 6, "#login-btn", "[data-testid=\"sign-in\"]"),
                new FixInstruction { Kind = FixKind.RaiseTimeout, File = "e2e/login.spec.ts", Line = 7, OldMs = 5000, NewMs = 15000, Confidence = 0.6, Evidence = "toBeVisible ran out of its 5000 ms" },
                Selector("e2e/visual.xyz", 1, "a", "b")),
            repo.Root);

        Approvals.Verify(FixJson.Serialize(result.Metadata) + "\n", "FixAgentTests.Metadata");
        Approvals.Verify(result.Metadata.PrBody, "FixAgentTests.PrBody");
        Approvals.Verify(result.Patch, "FixAgentTests.Patch");
    }

    [Fact]
    public void Plan_AbsoluteCiPath_IsMadeRepositoryRelative()
    {
        using var repo = Repo();
        var sut = Agent();

        var result = sut.Plan(Input(Selector("D:\\a\\shop\\shop\\e2e\\login.spec.ts", 6, "#login-btn", "#go")), repo.Root);

        result.Metadata.Edits.Single().File.Should().Be("e2e/login.spec.ts");
        repo.Apply(result.Patch, check: true).Code.Should().Be(0);
    }

    [Fact]
    public void Plan_NoRewriterForTheExtension_NeedsManualReviewAndTheRestIsPatched()
    {
        var repo = Repo().With("e2e/visual.xyz", "a\n");
        var sut = Agent();

        var result = sut.Plan(Input(Selector("e2e/visual.xyz", 1, "a", "b"), Selector("e2e/login.spec.ts", 6, "#login-btn", "#go")), repo.Root);

        result.Metadata.NeedsManualReview.Should().BeTrue();
        result.Metadata.ManualReview.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Instruction = 0, Status = "no_rewriter", Reason = "no rewriter for .xyz" });
        result.Metadata.Edits.Should().ContainSingle().Which.File.Should().Be("e2e/login.spec.ts");
        result.Patch.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("manual", "needs_manual_review", "the selector comes from a .resx resource")]
    [InlineData("notfound", "not_found", "no locator call at line 6")]
    [InlineData("throw", "rewriter_error", "the rewriter failed (InvalidOperationException: boom)")]
    public void Plan_RewriterCannotEdit_IsListedForManualReviewWithTheReason(string answer, string status, string reason)
    {
        using var repo = Repo();
        var rewriter = FakeRewriters.Scripted(".ts", _ => answer switch
        {
            "manual" => RewriteResult.ManualReview("the selector comes from a .resx resource"),
            "notfound" => RewriteResult.NotFound("no locator call at line 6"),
            _ => throw new InvalidOperationException("boom"),
        });
        var sut = new FixAgent(null, [rewriter]);

        var result = sut.Plan(Input(Selector("e2e/login.spec.ts", 6, "#login-btn", "#go")), repo.Root);

        result.Allowed.Should().BeTrue();
        result.Patch.Should().BeEmpty();
        result.Metadata.NeedsManualReview.Should().BeTrue();
        result.Metadata.ManualReview.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Status = status, Reason = reason, File = "e2e/login.spec.ts", Line = 6 });
        result.Metadata.PrBody.Should().Contain("## Needs manual review");
        AssertSchemaValid(FixJson.Serialize(result.Metadata));
    }

    [Theory]
    [InlineData(FixKind.ReplaceSelector, false, "no healed locator")]
    [InlineData(FixKind.RaiseTimeout, false, "positive 'new_ms'")]
    [InlineData((FixKind)99, true, "unknown instruction kind")]
    public void Plan_IncompleteInstruction_IsNotSentToARewriter(FixKind kind, bool withNew, string reason)
    {
        using var repo = Repo();
        var sut = Agent();
        var instruction = new FixInstruction
        {
            Kind = kind,
            File = "e2e/login.spec.ts",
            Line = 6,
            Confidence = 0.5,
            Evidence = "e",
            Old = new LocatorSpec { By = LocatorKind.Css, Value = "#login-btn" },
            New = withNew ? new LocatorSpec { By = LocatorKind.Css, Value = "#go" } : null,
        };

        var result = sut.Plan(Input(instruction), repo.Root);

        result.Metadata.ManualReview.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Status = "invalid_instruction" });
        result.Metadata.ManualReview[0].Reason.Should().Contain(reason);
    }

    [Fact]
    public void Plan_UnknownFile_IsAnUnresolvedPath()
    {
        using var repo = Repo();
        var sut = Agent();

        var result = sut.Plan(Input(Selector("/ci/work/other/checkout.spec.ts", 3, "#a", "#b")), repo.Root);

        result.Metadata.ManualReview.Should().ContainSingle().Which.Status.Should().Be("unresolved_path");
    }

    [Fact]
    public void Plan_TwoInstructionsOnOneSpan_KeepsTheFirstAndReportsTheConflict()
    {
        using var repo = Repo();
        var sut = Agent();

        var result = sut.Plan(Input(Selector("e2e/login.spec.ts", 6, "#login-btn", "#first"), Selector("e2e/login.spec.ts", 6, "#login-btn", "#second")), repo.Root);

        result.Metadata.Edits.Should().ContainSingle().Which.After.Should().Be("#first");
        result.Metadata.Conflicts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Instruction = 1, ConflictsWith = 0 });
        result.Metadata.NeedsManualReview.Should().BeTrue();
        repo.Apply(result.Patch, check: true).Code.Should().Be(0);
    }

    [Fact]
    public void Plan_GuardrailRefusal_IsAResultWithAnEmptyPatchAndNothingApplied()
    {
        using var repo = Repo();
        var options = new FixAgentOptions();
        options.Guardrails.MaxTimeoutMs = 10_000;
        var sut = new FixAgent(options, [FakeRewriters.Literal(".ts")]);

        var result = sut.Plan(Input(new FixInstruction { Kind = FixKind.RaiseTimeout, File = "e2e/login.spec.ts", Line = 7, OldMs = 5000, NewMs = 30000, Confidence = 0.6, Evidence = "e" }), repo.Root);
        var written = FixAgent.Apply(result);

        result.Allowed.Should().BeFalse();
        result.Patch.Should().BeEmpty();
        result.Metadata.Edits.Should().ContainSingle("the refused edit is still shown for review");
        result.Metadata.Guardrails.Decisions.Should().Contain(d => d.Rule == "max_timeout_ms" && d.Verdict == GuardrailVerdict.Refused && d.Reason!.Contains("30000 ms"));
        result.Metadata.PrBody.Should().Contain("Refused — the patch is empty");
        written.Should().BeEmpty();
        File.ReadAllText(Path.Combine(repo.Root, "e2e/login.spec.ts")).Should().Be(Spec);
        AssertSchemaValid(FixJson.Serialize(result.Metadata));
    }

    [Fact]
    public void Plan_SecondPassAfterApply_ChangesNothing()
    {
        using var repo = Repo();
        var sut = Agent();
        var input = Input(Selector("e2e/login.spec.ts", 6, "#login-btn", "#go"));
        FixAgent.Apply(sut.Plan(input, repo.Root));

        var again = sut.Plan(input, repo.Root);

        again.Patch.Should().BeEmpty();
        again.Allowed.Should().BeTrue();
        again.Metadata.NeedsManualReview.Should().BeFalse();
    }

    [Fact]
    public void Apply_AllowedPlan_WritesTheSameBytesAsGitApplyAndKeepsTheFileMode()
    {
        var repo = Repo().WithBytes("e2e/crlf.spec.ts", [0xEF, 0xBB, 0xBF, .. "test('a', () => {\r\n  page.locator('#old');\r\n});"u8]);
        var twin = Repo().WithBytes("e2e/crlf.spec.ts", repo.Bytes("e2e/crlf.spec.ts")).Commit();
        var full = Path.Combine(repo.Root, "e2e/crlf.spec.ts");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, File.GetUnixFileMode(full) | UnixFileMode.UserExecute);
        }

        var sut = Agent();
        var result = sut.Plan(Input(Selector("e2e/crlf.spec.ts", 2, "#old", "#new"), Selector("e2e/login.spec.ts", 6, "#login-btn", "#go")), repo.Root);

        var written = FixAgent.Apply(result);

        written.Should().Equal("e2e/crlf.spec.ts", "e2e/login.spec.ts");
        twin.Apply(result.Patch, check: false).Code.Should().Be(0);
        repo.Bytes("e2e/crlf.spec.ts").Should().Equal(twin.Bytes("e2e/crlf.spec.ts"));
        repo.Bytes("e2e/login.spec.ts").Should().Equal(twin.Bytes("e2e/login.spec.ts"));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(full).Should().HaveFlag(UnixFileMode.UserExecute);
        }

        Directory.GetFiles(Path.Combine(repo.Root, "e2e")).Should().NotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_FileChangedSinceThePlan_WritesNothing()
    {
        using var repo = Repo();
        var sut = Agent();
        var result = sut.Plan(Input(Selector("e2e/login.spec.ts", 6, "#login-btn", "#go"), Selector("e2e/pages/login-page.ts", 2, "#submit", "#send")), repo.Root);
        File.AppendAllText(Path.Combine(repo.Root, "e2e/pages/login-page.ts"), "// edited meanwhile\n");

        var act = () => FixAgent.Apply(result);

        act.Should().Throw<FixEngineException>().WithMessage("*changed since the fix was planned*");
        File.ReadAllText(Path.Combine(repo.Root, "e2e/login.spec.ts")).Should().Be(Spec);
    }

    [Fact]
    public void Plan_MissingRepository_ThrowsOneLineFixEngineException()
    {
        var sut = Agent();
        using var temp = TempFolder.Create();

        var act = () => sut.Plan(Input(), Path.Combine(temp.Path, "missing"));

        act.Should().Throw<FixEngineException>().WithMessage("repository '*' does not exist*");
    }

    [Fact]
    public void Plan_HostileLogText_ReachesThePrBodyOnlyInsideCodeSpans()
    {
        using var repo = Repo();
        var sut = Agent();
        var hostile = new FixInstruction
        {
            Kind = FixKind.ReplaceSelector,
            File = "e2e/login.spec.ts",
            Line = 6,
            Confidence = 0.9,
            Test = "signs in <img src=x onerror=alert(1)> @octocat ``` # Heading",
            Evidence = "found `no` element\n\n## Injected heading\n<script>alert(1)</script> [click](https://evil.example) ![x](https://evil.example/x.png) **bold** | pipe",
            Old = new LocatorSpec { By = LocatorKind.Css, Value = "#login-btn" },
            New = new LocatorSpec { By = LocatorKind.Css, Value = "#go`<b>`" },
        };

        var result = sut.Plan(Input(hostile), repo.Root);

        var outside = StripCodeSpans(result.Metadata.PrBody);
        outside.Should().NotContainAny("<", ">", "@", "](", "**bold**", "Injected", "alert");
        result.Metadata.PrBody.Split('\n').Should().NotContain(l => l.StartsWith("## Injected", StringComparison.Ordinal));
        result.Metadata.PrTitle.Should().NotContain("\n");
    }

    [Fact]
    public void Serialize_Metadata_RoundTrips()
    {
        using var repo = Repo();
        var result = Agent().Plan(Input(Selector("e2e/login.spec.ts", 6, "#login-btn", "#go")), repo.Root);
        var json = FixJson.Serialize(result.Metadata);

        var again = FixJson.DeserializeMetadata(json);

        FixJson.Serialize(again).Should().Be(json);
    }

    internal static void AssertSchemaValid(string json)
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "fix-metadata.schema.json"));
        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("; ", result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + "\n" + json);
    }

    /// <summary>Removes CommonMark code spans (a run of n backticks up to the next run of exactly n).</summary>
    private static string StripCodeSpans(string markdown) => CodeSpan().Replace(markdown, " ");

    [GeneratedRegex(@"(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)")]
    private static partial Regex CodeSpan();

    private static TestRepo Repo() => TestRepo.Create().With("e2e/login.spec.ts", Spec).With("e2e/pages/login-page.ts", PageObject).Commit();

    private static FixAgent Agent() => new(null, [FakeRewriters.Literal(".ts")]);

    private static FixInput Input(params FixInstruction[] instructions) => new() { RunId = "9876543210-1", Instructions = instructions };

    private static FixInstruction Selector(string file, int line, string old, string @new) => new()
    {
        Kind = FixKind.ReplaceSelector,
        Test = "login.spec.ts › signs in",
        File = file,
        Line = line,
        Column = 26,
        Old = new LocatorSpec { By = LocatorKind.Css, Value = old },
        New = new LocatorSpec { By = LocatorKind.TestId, Value = @new },
        Confidence = 0.88,
        Evidence = $"locator.click found no element for {old}",
    };
}
