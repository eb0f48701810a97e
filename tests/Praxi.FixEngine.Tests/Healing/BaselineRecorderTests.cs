using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class BaselineRecorderTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static string Artifact(params string[] parts) =>
        Path.Combine([RepositoryRoot.Path, "samples", "artifacts", .. parts]);

    [Fact]
    public void Record_RunnerTrace_RecordsTheFillThatPassedBeforeTheFailingClick()
    {
        var sut = BaselineRecorder.Record(Artifact("renamed-selector", "test-results", "catalogue-adds-a-product-to-the-cart-chromium"));

        sut.Traces.Should().Be(1);
        var entry = sut.Entries.Should().ContainSingle().Subject;
        entry.Test.Should().Be("catalogue.spec.ts › adds a product to the cart");
        entry.Locator.Should().Be("internal:label=\"Quantity\"i");
        entry.Fingerprint.Tag.Should().Be("INPUT");
        entry.Fingerprint.Id.Should().Be("quantity");
        entry.Fingerprint.Label.Should().Be("Quantity");
        entry.Fingerprint.XPath.Should().StartWith("/html[1]/body[1]/");
        entry.Source.Kind.Should().Be("trace");
        entry.Source.File.Should().Be("trace.zip");
        entry.Source.Call.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Record_CommittedGreenRun_IsWhatTheSamplesCommittedBaselineHolds()
    {
        // samples/.praxi/baseline.json is what `praxi heal --repo samples` reads by default: it must be the recording of
        // the committed green run, or the bundled heal works from stale fingerprints. Refresh it with
        // `praxi baseline record samples/artifacts/baseline --out samples/.praxi/baseline.json`.
        var recorded = BaselineStore.Empty.Merge(BaselineRecorder.Record(Artifact("baseline")).Entries);
        var committed = await BaselineStore.LoadAsync(Path.Combine(RepositoryRoot.Path, "samples", ".praxi", "baseline.json"));

        static string Key(BaselineEntry e) => $"{e.Test}|{e.Locator}|{e.Source.File}|{e.Source.Call}|{e.Fingerprint}";
        committed.Entries.Select(Key).Should().BeEquivalentTo(recorded.Entries.Select(Key));
    }

    [Fact]
    public void Record_DotnetTrace_NamesTheTestByClassAndMethod()
    {
        var sut = BaselineRecorder.Record(Artifact("renamed-selector", "dotnet", "test-results"));

        sut.Entries.Should().Contain(e => e.Test == "CatalogueTests.AddsAProductToTheCart" && e.Locator == "#quantity" && e.Fingerprint.Id == "quantity");
        sut.Entries.Should().OnlyContain(e => e.Source.File.EndsWith("/trace.zip"));
    }

    [Fact]
    public void Record_EntryFromTraceSelector_IsFoundByTheLocatorAnErrorMessagePrints()
    {
        var recording = BaselineRecorder.Record(Artifact("renamed-selector", "test-results", "catalogue-adds-a-product-to-the-cart-chromium"));
        var store = BaselineStore.Empty.Merge(recording.Entries);
        LocatorExpression.TryParse("getByLabel('Quantity')", out var spec).Should().BeTrue();

        var found = store.Find("catalogue.spec.ts › adds a product to the cart", spec!);

        found.Should().NotBeNull();
        found!.Fingerprint.Id.Should().Be("quantity");
    }

    [Fact]
    public void Record_AllSampleTraces_RecordsWithoutUnreadableTraces()
    {
        var sut = BaselineRecorder.Record(Artifact());

        sut.Traces.Should().BeGreaterThan(20);
        sut.Skipped.Should().NotContainKey(SkipReasons.UnreadableTrace);
        sut.Recorded.Should().BeGreaterThan(20);
        sut.Entries.Should().OnlyContain(e => e.Fingerprint.XPath != null && e.Fingerprint.Tag != "*");
    }

    [Fact]
    public void Record_SyntheticTrace_CountsRecordedAndSkippedByReason()
    {
        var dir = _temp.Subfolder();
        var time = new FixedTime(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        WriteTrace(Path.Combine(dir, "LoginTests.SignsIn", "trace.zip"), "SignsIn",
            Call("c1", "#email", Page(Marked("INPUT", new() { ["id"] = "email" }))),
            Call("c2", "button", Page(Marked("BUTTON", [], "Sign in"), Marked("BUTTON", [], "Cancel"))),
            Call("c3", "#gone", Page(new object[] { "P", new Dictionary<string, string>(), "nothing marked" })),
            Call("c4", "#failed", Page(Marked("A", [], "x")), error: "Timeout 500ms exceeded."),
            Call("c5", null, Page(Marked("A", [], "x"))),
            Call("c6", "#nosnap", snapshot: null));

        var sut = BaselineRecorder.Record(dir, timeProvider: time);

        sut.Traces.Should().Be(1);
        sut.Calls.Should().Be(4, "only passing calls with a selector are looked at");
        sut.Recorded.Should().Be(1);
        sut.Skipped.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            [SkipReasons.SeveralTargets] = 1,
            [SkipReasons.NoTargetMarked] = 1,
            [SkipReasons.NoSnapshot] = 1,
        });
        var entry = sut.Entries.Should().ContainSingle().Subject;
        entry.Test.Should().Be("LoginTests.SignsIn");
        entry.Locator.Should().Be("#email");
        entry.RecordedAt.Should().Be(time.GetUtcNow());
        entry.Source.Should().Be(new BaselineSource("trace", "LoginTests.SignsIn/trace.zip", "c1"));
        sut.Summary().Should().Be("1 trace(s), 4 call(s): 1 recorded (1 entries), 3 skipped (1 no_snapshot, 1 no_target_marked, 1 several_targets)");
    }

    [Fact]
    public void Record_SameLocatorTwice_TheLaterCallWins()
    {
        var dir = _temp.Subfolder();
        WriteTrace(Path.Combine(dir, "t", "trace.zip"), null,
            Call("c1", "#next", Page(Marked("BUTTON", new() { ["id"] = "next" }, "Next"))),
            Call("c2", "#next", Page(Marked("BUTTON", new() { ["id"] = "next" }, "Finish"))));

        var sut = BaselineRecorder.Record(dir);

        sut.Recorded.Should().Be(2);
        var entry = sut.Entries.Should().ContainSingle().Subject;
        entry.Fingerprint.Text.Should().Be("Finish");
        entry.Test.Should().Be("t", "without a title the folder names the test");
    }

    [Fact]
    public void Record_CorruptTraceBesideAGoodOne_CountsItAndGoesOn()
    {
        var dir = _temp.Subfolder();
        Directory.CreateDirectory(Path.Combine(dir, "bad"));
        File.WriteAllText(Path.Combine(dir, "bad", "trace.zip"), "not a zip");
        WriteTrace(Path.Combine(dir, "good", "trace.zip"), "Good", Call("c1", "#x", Page(Marked("A", new() { ["id"] = "x" }, "X"))));

        var sut = BaselineRecorder.Record(dir);

        sut.Traces.Should().Be(1);
        sut.Skipped[SkipReasons.UnreadableTrace].Should().Be(1);
        sut.Entries.Should().ContainSingle();
    }

    [Fact]
    public void Record_FolderWithoutTraces_ThrowsAOneLineFixEngineException()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "results.json"), "{}");

        var act = () => BaselineRecorder.Record(dir);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("No Playwright trace").And.NotContain("\n");
    }

    [Fact]
    public void Record_MissingPath_ThrowsFixEngineException()
    {
        var act = () => BaselineRecorder.Record(Path.Combine(_temp.Subfolder(), "missing"));

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("does not exist");
    }

    // ---- a library trace written by hand (docs/evidence.md#traces) -------------------------------------------

    private static object[] Marked(string tag, Dictionary<string, string> attributes, params object[] children)
    {
        attributes["__playwright_target__"] = "";
        return [tag, attributes, .. children];
    }

    private static object[] Page(params object[][] body) =>
        ["HTML", new Dictionary<string, string>(), new object[] { "HEAD", new Dictionary<string, string>() }, new object[] { "BODY", new Dictionary<string, string>() }.Concat(body).ToArray()];

    private static string[] Call(string id, string? selector, object[]? snapshot, string? error = null)
    {
        var parameters = selector is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["selector"] = selector };
        var lines = new List<string>
        {
            JsonSerializer.Serialize(new { type = "before", callId = id, @class = "Frame", method = "click", @params = parameters }),
        };
        if (snapshot is not null)
        {
            lines.Add(JsonSerializer.Serialize(new
            {
                type = "frame-snapshot",
                snapshot = new { callId = id, phase = "action", frameId = "frame@1", isMainFrame = true, doctype = "html", html = snapshot },
            }));
        }

        lines.Add(error is null
            ? JsonSerializer.Serialize(new { type = "after", callId = id })
            : JsonSerializer.Serialize(new { type = "after", callId = id, error = new { message = error } }));
        return [.. lines];
    }

    private static void WriteTrace(string path, string? title, params string[][] calls)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var lines = new List<string> { JsonSerializer.Serialize(new { version = 10, type = "context-options", origin = "library", sdkLanguage = "csharp", title }) };
        lines.AddRange(calls.SelectMany(c => c));
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        var entry = archive.CreateEntry("trace.trace");
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(string.Join('\n', lines) + "\n");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
