using System.Text.Json.Nodes;
using Json.Schema;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Analysis;

public sealed class FailureAnalyzerTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private const string PlaywrightTimeout = """
          1) [chromium] › tests/orders.spec.ts:12:7 › orders › lists my orders ─────────────────────

            Error: locator.click: Timeout 5000ms exceeded.
            Call log:
              - waiting for getByRole('link', { name: 'Orders' })

          1 failed
        """;

    [Fact]
    public void Analyze_TimeoutBesideAMissingTableInTheServerLog_IsDatabase()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "playwright.log"), PlaywrightTimeout);
        File.WriteAllText(Path.Combine(dir, "server.log"), """
            2026-03-04 10:00:01.120 INFO  GET /orders
            2026-03-04 10:00:01.180 ERROR relation "orders" does not exist at character 15
            """);
        var sut = new FailureAnalyzer();

        var report = sut.Analyze(dir);

        report.Classification.ErrorType.Should().Be(ErrorType.Database);
        report.Classification.Evidence.Should().Contain(e => e.Source == "server.log" && e.Text.Contains("relation \"orders\" does not exist"));
        report.SelfHealPlan.Actions.Should().Equal("reseed", "rerun");
        report.Triggers.SelfHeal.Should().BeTrue();
    }

    [Fact]
    public void Analyze_StatusAssertionReceiving500BesideAMissingRelation_IsDatabaseWithBackendSecondary()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "ci.log"), """
              1) [chromium] › checkout.spec.ts:42:7 › checkout › places an order ───────────

                Error: expect(received).toBe(expected) // Object.is equality

                Expected: 201
                Received: 500

                  at /home/runner/work/shop/shop/tests/checkout.spec.ts:43:31

              1 failed
            ##[group]Run docker compose logs db --no-color
            db-1  | 2026-01-02 10:59:01.123 UTC [77] ERROR:  relation "orders" does not exist at character 13
            ##[endgroup]
            """);
        var sut = new FailureAnalyzer();

        var report = sut.Analyze(dir);

        report.Classification.ErrorType.Should().Be(ErrorType.Database);
        report.Classification.Failures.Should().ContainSingle().Which.SecondaryType.Should().Be(ErrorType.BackendError);
    }

    [Fact]
    public void Analyze_TimeoutWhileRedirectedToLogin_IsAuthState()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "playwright.log"), """
              Error: locator.click: Timeout 5000ms exceeded.
              Call log:
                - waiting for getByRole('link', { name: 'Orders' })
                - navigated to "http://127.0.0.1:5000/login?ReturnUrl=%2Forders"
            """);
        var sut = new FailureAnalyzer();

        var report = sut.Analyze(dir);

        report.Classification.ErrorType.Should().Be(ErrorType.AuthState);
        report.SelfHealPlan.Actions.Should().Equal("regenerate_storage_state", "rerun");
    }

    [Fact]
    public void Analyze_TimeoutAlone_IsTheMissingElementItWaitedFor()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "playwright.log"), PlaywrightTimeout);
        var sut = new FailureAnalyzer();

        var report = sut.Analyze(dir);

        report.Classification.ErrorType.Should().Be(ErrorType.SelectorNotFound);
        report.Triggers.SelfHeal.Should().BeFalse();
    }

    [Fact]
    public void Analyze_OnlyPassingTestsAndWarnings_IsUnknownWithNoFailures()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "ci.log"), """
            npm warn deprecated inflight@1.0.6: This module is not supported
              ✓  1 [chromium] › errors.spec.ts:3:3 › shows a friendly page on 500 (0.8s)
              ✓  2 [chromium] › auth.spec.ts:9:3 › login times out after 30 minutes (1.1s)
              2 passed (3.0s)
            """);
        var sut = new FailureAnalyzer();

        var report = sut.Analyze(dir);

        report.Classification.ErrorType.Should().Be(ErrorType.Unknown);
        report.Classification.Failures.Should().BeEmpty();
    }

    [Fact]
    public void Analyze_Report_ValidatesAgainstThePublishedSchema()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "playwright.log"), PlaywrightTimeout);
        File.WriteAllText(Path.Combine(dir, "server.log"), "2026-03-04 10:00:01 ERROR relation \"orders\" does not exist\n");
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "analysis.schema.json"));
        var sut = new FailureAnalyzer(new AnalysisOptions { RunId = "9876543210-1" });

        var json = AnalysisJson.Serialize(sut.Analyze(dir));

        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("; ", result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        json.Should().Contain("\"run_id\": \"9876543210-1\"").And.Contain("\"error_type\": \"database\"");
    }

    [Fact]
    public void Analyze_ReportRoundTrip_KeepsEveryField()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "playwright.log"), PlaywrightTimeout);
        var report = new FailureAnalyzer().Analyze(dir);

        var again = AnalysisJson.Deserialize(AnalysisJson.Serialize(report));

        AnalysisJson.Serialize(again).Should().Be(AnalysisJson.Serialize(report));
    }

    [Fact]
    public void Analyze_MissingPath_ThrowsOneLineFixEngineException()
    {
        var sut = new FailureAnalyzer();

        var act = () => sut.Analyze(Path.Combine(_temp.Subfolder(), "nope"));

        act.Should().Throw<FixEngineException>().Which.Message.Should().NotContain("\n").And.Contain("does not exist");
    }

    [Fact]
    public void Analyze_EmptyFolder_ThrowsAndSaysWhatItLookedFor()
    {
        var sut = new FailureAnalyzer();

        var act = () => sut.Analyze(_temp.Subfolder());

        act.Should().Throw<FixEngineException>().WithMessage("*holds no runner output*");
    }

    [Fact]
    public void Analyze_BinaryFile_IsRefusedAsNotALog()
    {
        var file = Path.Combine(_temp.Subfolder(), "x.log");
        File.WriteAllBytes(file, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 1, 2]);
        var sut = new FailureAnalyzer();

        var act = () => sut.Analyze(file);

        act.Should().Throw<FixEngineException>().WithMessage("*binary*");
    }

    [Fact]
    public void Options_InvalidRunIdAndConfidence_ReportsBothProblems()
    {
        var options = new AnalysisOptions { RunId = "../etc", MinConfidence = 2 };

        var act = () => new FailureAnalyzer(options);

        act.Should().Throw<FixEngineException>().WithMessage("*run id*min confidence*");
    }
}
