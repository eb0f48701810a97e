using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Baseline;

namespace Praxi.FixEngine.Tests.Evidence;

/// <summary>
/// Traces in the shapes Playwright wrote before format v10 (docs/evidence.md#traces), written for the test: v3 records
/// a call as one <c>action</c> event and names snapshots only by <c>snapshotName</c>; v4–v8 write <c>before</c>/<c>after</c>
/// pairs, snapshots with <c>callId</c> and <c>snapshotName</c> but no <c>phase</c>, and leave earlier calls' target
/// marks on their elements.
/// </summary>
public sealed class OlderTraceFormatTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("old-traces");

    public void Dispose() => _temp.Dispose();

    private static object[] Page(string? userMark, string? passwordMark, string? buttonMark)
    {
        Dictionary<string, string> Attrs(string id, string? mark, string type)
        {
            var a = new Dictionary<string, string> { ["id"] = id, ["type"] = type };
            if (mark is not null)
            {
                a["__playwright_target__"] = mark;
            }

            return a;
        }

        return ["HTML", new Dictionary<string, string>(),
            new object[] { "BODY", new Dictionary<string, string>(),
                new object[] { "FORM", new Dictionary<string, string>(),
                    new object[] { "INPUT", Attrs("user-name", userMark, "text") },
                    new object[] { "INPUT", Attrs("password", passwordMark, "password") },
                    new object[] { "BUTTON", Attrs("login", buttonMark, "submit"), "Log in" } } }];
    }

    private string Write(string version, IEnumerable<object> lines)
    {
        var path = Path.Combine(_temp.Subfolder(), "trace.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        var entry = archive.CreateEntry("trace.trace");
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(JsonSerializer.Serialize(new { version = int.Parse(version, System.Globalization.CultureInfo.InvariantCulture), type = "context-options", browserName = "chromium" }) + "\n");
        foreach (var line in lines)
        {
            writer.Write(JsonSerializer.Serialize(line) + "\n");
        }

        return path;
    }

    // Format v3: one 'action' per call; snapshots by name; the mark's value is the snapshot's name.
    private string WriteV3() => Write("3",
    [
        new { type = "action", metadata = new { id = "call@7", apiName = "page.fill", type = "Frame", method = "fill", @params = new { selector = "#user-name", value = "bob" }, startTime = 1.0, endTime = 2.0, snapshots = Array.Empty<object>() } },
        new { type = "frame-snapshot", snapshot = new { snapshotName = "action@call@7", frameId = "frame@1", isMainFrame = true, html = Page("action@call@7", null, null) } },
        new { type = "action", metadata = new { id = "call@8", apiName = "page.fill", type = "Frame", method = "fill", @params = new { selector = "#password", value = "x" }, startTime = 3.0, endTime = 4.0 } },
        new { type = "frame-snapshot", snapshot = new { snapshotName = "action@call@8", frameId = "frame@1", isMainFrame = true, html = Page(null, "action@call@8", null) } },
        new { type = "action", metadata = new { id = "call@9", apiName = "page.click", type = "Frame", method = "click", @params = new { selector = "#sign-in" }, startTime = 5.0, endTime = 35.0, error = new { error = new { name = "TimeoutError", message = "Timeout 30000ms exceeded." } } } },
        new { type = "frame-snapshot", snapshot = new { snapshotName = "after@call@9", frameId = "frame@1", isMainFrame = true, html = Page(null, null, null) } },
    ]);

    // Formats v4–v8: before/after pairs; snapshots carry callId and snapshotName; earlier marks stay on their elements.
    private string WriteV7() => Write("7",
    [
        new { type = "before", callId = "call@12", apiName = "page.fill", @class = "Frame", method = "fill", @params = new { selector = "#user-name", value = "bob" }, beforeSnapshot = "before@call@12" },
        new { type = "frame-snapshot", snapshot = new { callId = "call@12", snapshotName = "input@call@12", frameId = "frame@1", isMainFrame = true, html = Page("call@12", null, null) } },
        new { type = "after", callId = "call@12", afterSnapshot = "after@call@12" },
        new { type = "before", callId = "call@14", apiName = "page.fill", @class = "Frame", method = "fill", @params = new { selector = "#password", value = "x" } },
        new { type = "frame-snapshot", snapshot = new { callId = "call@14", snapshotName = "input@call@14", frameId = "frame@1", isMainFrame = true, html = Page("call@12", "call@14", null) } },
        new { type = "after", callId = "call@14" },
        new { type = "before", callId = "call@16", apiName = "page.click", @class = "Frame", method = "click", @params = new { selector = "#sign-in" } },
        new { type = "frame-snapshot", snapshot = new { callId = "call@16", snapshotName = "after@call@16", frameId = "frame@1", isMainFrame = true, html = Page("call@12", "call@14", null) } },
        new { type = "after", callId = "call@16", error = new { error = new { name = "TimeoutError", message = "Timeout 30000ms exceeded." } } },
    ]);

    [Fact]
    public void Read_V3Actions_CallsErrorsAndNamedSnapshots()
    {
        var sut = TraceReader.Read(WriteV3());

        sut.Calls.Select(c => c.CallId).Should().Equal("call@7", "call@8", "call@9");
        sut.PassingCalls.Select(c => c.Selector).Should().Equal("#user-name", "#password");
        sut.FailingCall!.Selector.Should().Be("#sign-in");
        sut.FailingCall.Error.Should().Be("Timeout 30000ms exceeded.");
        sut.Snapshot("call@9", SnapshotPhase.After).Should().Contain("id=\"login\"");
        sut.Snapshot("call@7", SnapshotPhase.Action).Should().Contain("user-name");
    }

    [Fact]
    public void Read_V7Pairs_PhaseComesFromTheSnapshotNameAndTheNestedErrorIsRead()
    {
        var sut = TraceReader.Read(WriteV7());

        sut.FailingCall!.CallId.Should().Be("call@16");
        sut.FailingCall.Error.Should().Be("Timeout 30000ms exceeded.");
        sut.Snapshot("call@16", SnapshotPhase.After).Should().NotBeNull();
        sut.SnapshotsOf("call@14", SnapshotPhase.Action).Should().ContainSingle("input@ snapshots are the action phase");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("7")]
    public void Record_OlderFormats_FingerprintsEachCallsOwnTargetNotAnEarlierMark(string version)
    {
        var trace = version == "3" ? WriteV3() : WriteV7();

        var recording = BaselineRecorder.Record(trace);

        recording.Calls.Should().Be(2);
        recording.Recorded.Should().Be(2, recording.Summary());
        recording.Entries.Select(e => (e.Locator, e.Fingerprint.Id)).Should().BeEquivalentTo([("#user-name", "user-name"), ("#password", "password")]);
    }

    [Fact]
    public void Read_FormatV2_IsRefusedInOneLineNamingIt()
    {
        var path = Write("2", [new { type = "action", metadata = new { id = "call@1", type = "Frame", method = "click" } }]);

        var act = () => TraceReader.Read(path);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("trace format v2").And.NotContain("\n");
    }

    [Theory]
    [InlineData("", "call@9", true)]
    [InlineData("call@9", "call@9", true)]
    [InlineData("call@10", "call@9", false)]
    [InlineData("action@call@9", "call@9", true)]
    [InlineData("action@call@19", "call@9", false)]
    [InlineData("call@10 call@11", "call@11", true)]
    [InlineData("call@10", null, true)]
    public void MarksCall_ReadsEveryFormatsMarkerValue(string marker, string? callId, bool expected) =>
        Praxi.FixEngine.Healing.Fingerprints.ElementFingerprints.MarksCall(marker, callId).Should().Be(expected);
}

/// <summary>A folder that holds traces and nothing else: the failures come from what the traces recorded.</summary>
public sealed class TraceOnlyFolderTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("trace-only");

    public void Dispose() => _temp.Dispose();

    private string Trace(string folder, params string[] entries)
    {
        var dir = Path.Combine(_temp.Path, "run", "test-results", folder);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "trace.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        for (var i = 0; i < entries.Length; i += 2)
        {
            using var writer = new StreamWriter(archive.CreateEntry(entries[i]).Open(), new UTF8Encoding(false));
            writer.Write(entries[i + 1]);
        }

        return Path.Combine(_temp.Path, "run");
    }

    [Fact]
    public void Analyze_LibraryTraceWithAFailedCall_IsTheFailure()
    {
        var run = Trace("Shop.Tests.Checkout", "trace.trace", """
            {"version":8,"type":"context-options","sdkLanguage":"csharp","title":"Shop.Tests.Checkout.PlacesAnOrder"}
            {"type":"before","callId":"call@3","class":"Frame","method":"click","params":{"selector":"#place-order"}}
            {"type":"after","callId":"call@3","error":{"error":{"name":"TimeoutError","message":"Timeout 30000ms exceeded.\nCall log:\n  - waiting for locator('#place-order')"}}}
            """);

        var report = new Praxi.FixEngine.Analysis.FailureAnalyzer().Analyze(run);

        var failure = report.Classification.Failures.Should().ContainSingle().Subject;
        failure.Test.Should().Be("Shop.Tests.Checkout.PlacesAnOrder");
        failure.Message.Should().StartWith("Timeout 30000ms exceeded.");
        failure.Selector.Should().Be("#place-order");
        report.Sources.Should().ContainSingle(s => s.Format == Praxi.FixEngine.Contracts.LogFormat.PlaywrightTrace);
    }

    [Fact]
    public void Analyze_RunnerTrace_TakesTheErrorAndItsPlaceFromTestTrace()
    {
        var run = Trace("cart-removes-an-item-chromium",
            "0-trace.trace", """{"version":8,"type":"context-options","sdkLanguage":"javascript"}""" + "\n",
            "test.trace", """
            {"version":8,"type":"context-options","origin":"testRunner"}
            {"type":"before","callId":"t@1","class":"Test","method":"pw:api","title":"Click","params":{},"stack":[]}
            {"type":"error","message":"TimeoutError: locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#add-to-cart')\n","stack":[{"file":"/ci/shop/tests/pages/product-page.ts","line":22,"column":26,"function":"ProductPage.add"},{"file":"/ci/shop/tests/cart.spec.ts","line":10,"column":3}]}
            """);

        var failure = new Praxi.FixEngine.Analysis.FailureAnalyzer().Analyze(run).Classification.Failures.Should().ContainSingle().Subject;

        failure.Test.Should().Be("cart-removes-an-item-chromium");
        failure.File.Should().Be("/ci/shop/tests/pages/product-page.ts");
        failure.Line.Should().Be(22);
        failure.Selector.Should().Be("#add-to-cart");
        failure.Action.Should().Be("locator.click");
    }

    [Fact]
    public void Analyze_OneTraceGivenAlone_IsItsFailure()
    {
        var run = Trace("Shop.Tests.Login", "trace.trace", """
            {"version":6,"type":"context-options","sdkLanguage":"python"}
            {"type":"before","callId":"call@2","class":"Frame","method":"fill","params":{"selector":"#email"}}
            {"type":"after","callId":"call@2","error":{"message":"Timeout 30000ms exceeded."}}
            """);

        var report = new Praxi.FixEngine.Analysis.FailureAnalyzer().Analyze(Path.Combine(run, "test-results", "Shop.Tests.Login", "trace.zip"));

        report.Classification.Failures.Should().ContainSingle().Which.Selector.Should().Be("#email");
    }

    [Fact]
    public void Analyze_TracesThatRecordNoFailure_SaySoInOneLine()
    {
        var run = Trace("passing", "trace.trace", """
            {"version":7,"type":"context-options"}
            {"type":"before","callId":"call@1","class":"Frame","method":"click","params":{"selector":"#ok"}}
            {"type":"after","callId":"call@1"}
            """);

        var act = () => new Praxi.FixEngine.Analysis.FailureAnalyzer().Analyze(run);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("record no failed call").And.NotContain("\n");
    }

    [Fact]
    public void Analyze_OnlyATraceOfAnOldFormat_IsRefusedNamingTheFormat()
    {
        var run = Trace("old", "trace.trace", """{"version":2,"type":"context-options"}""" + "\n");

        var act = () => new Praxi.FixEngine.Analysis.FailureAnalyzer().Analyze(run);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("trace format v2").And.NotContain("\n");
    }
}
