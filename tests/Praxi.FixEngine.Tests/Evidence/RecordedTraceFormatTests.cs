using System.Text.Json;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Evidence;

/// <summary>
/// Real traces of every format from v3 to v10, recorded on PraxiShop's renamed-selector breakage by the Playwright
/// version each manifest names (eng/record-version-traces.sh, Fixtures/trace-formats/README.md): a goto and a fill that
/// pass, then a click on the old selector that times out. Every expectation comes from the folder's manifest and spec.
/// </summary>
public sealed class RecordedTraceFormatTests
{
    public static TheoryData<string> Recordings() => [.. Recording.Folders()];

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Read_RecordedTrace_IsInTheManifestsFormat(string folder)
    {
        var recording = Recording.Load(folder);

        var sut = TraceReader.Read(recording.Trace);

        sut.FormatVersion.Should().Be(recording.Format);
        sut.SkippedLines.Should().Be(0);
        if (sut.PlaywrightVersion is not null)
        {
            sut.PlaywrightVersion.Should().Be(recording.Version);
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Read_RecordedTrace_FindsTheFailingClickWithItsErrorAfterThePassingGotoAndFill(string folder)
    {
        var recording = Recording.Load(folder);

        var sut = TraceReader.Read(recording.Trace);

        sut.Calls.Select(c => c.Method).Should().ContainInOrder("goto", "fill", "click");
        sut.FailingCall.Should().NotBeNull();
        sut.FailingCall!.Class.Should().Be("Frame");
        sut.FailingCall.Method.Should().Be("click");
        sut.FailingCall.Selector.Should().Be(recording.Old);
        sut.FailingCall.Error.Should().Contain("Timeout 3000ms exceeded");
        sut.FailingCall.Log.Should().Contain(l => l.StartsWith("waiting for ", StringComparison.Ordinal) && l.Contains(recording.Old, StringComparison.Ordinal));
        sut.PassingCalls.Select(c => c.Method).Should().ContainInOrder("goto", "fill");
        sut.PassingCalls.Should().ContainSingle(c => c.Method == "fill").Which.Selector.Should().Be("#quantity");
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Read_RecordedTrace_EachTestCallHasTheStackOfItsLineInTheSpec(string folder)
    {
        var recording = Recording.Load(folder);

        var sut = TraceReader.Read(recording.Trace);

        foreach (var (method, code) in new[] { ("goto", "canvas-tote"), ("fill", "#quantity"), ("click", recording.Old) })
        {
            var call = sut.Calls.First(c => c.Method == method);
            call.Stack.Should().NotBeEmpty($"the {method} was made by the test");
            call.Stack[0].File.Replace('\\', '/').Should().EndWith("/" + recording.Spec);
            call.Stack[0].Line.Should().Be(recording.LineOf(code), $"the {method} is on the spec's line that holds {code}");
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Read_RecordedTrace_ListsEachPageCallOnceAndNoRunnerStep(string folder)
    {
        var recording = Recording.Load(folder);
        var sut = TraceReader.Read(recording.Trace);

        // The spec fills the quantity once and clicks once; runners of 1.32-1.38 also write their steps as calls.
        sut.Calls.Where(c => c.Selector is not null).Select(c => c.Method).Should().Equal("fill", "click");
        sut.Calls.Should().NotContain(c => c.Class == "Test");
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Snapshot_FailingCallBefore_HoldsTheRenamedButtonAndNotTheOldOne(string folder)
    {
        var recording = Recording.Load(folder);
        var sut = TraceReader.Read(recording.Trace);

        var before = sut.Snapshot(sut.FailingCall!.CallId, SnapshotPhase.Before);
        var failure = sut.FailureSnapshot();

        before.Should().NotBeNull("every format from v3 snapshots a call before it runs");
        foreach (var html in new[] { before!, failure! })
        {
            var dom = DomLoader.Parse(html);
            dom.QuerySelector(recording.New)!.TextContent.Should().Contain("Add to cart");
            dom.QuerySelector(recording.Old).Should().BeNull();
            dom.QuerySelector("#quantity").Should().NotBeNull();
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Snapshot_PassingFill_HasItsBeforeActionAndAfterPhases(string folder)
    {
        var recording = Recording.Load(folder);
        var sut = TraceReader.Read(recording.Trace);
        var fill = sut.PassingCalls.Single(c => c.Method == "fill");

        var phases = new[] { SnapshotPhase.Before, SnapshotPhase.Action, SnapshotPhase.After }.Select(p => sut.Snapshot(fill.CallId, p)).ToList();

        phases.Should().OnlyContain(html => html != null && html.Contains("id=\"quantity\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void FailingFrame_RecordedTrace_IsTheClickInTheSpec(string folder)
    {
        var recording = Recording.Load(folder);

        var frame = TraceFailures.FailingFrame(TraceReader.Read(recording.Trace));

        frame.Should().NotBeNull("the runner's error event or the failed call's own stack names the test's line");
        frame!.File.Replace('\\', '/').Should().EndWith("/" + recording.Spec);
        frame.Line.Should().Be(recording.LineOf(recording.Old));
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void TraceFailures_RecordedTraceAlone_IsTheClickOnTheOldSelectorWithItsCallLogAndPlace(string folder)
    {
        var recording = Recording.Load(folder);

        var parsed = TraceFailures.Read(recording.Trace, recording.Trace);

        parsed.Should().NotBeNull();
        var failure = parsed!.Failures.Should().ContainSingle().Subject;
        failure.Selector.Should().Contain(recording.Old, "the call log's locator('#add-to-cart'), or the call's own selector");
        failure.Message.Should().Contain("Timeout 3000ms exceeded");
        failure.Block.Select(l => l.Text).Should().Contain(l => l.Contains("waiting for ", StringComparison.Ordinal), "the call log says the locator found nothing");
        failure.File!.Replace('\\', '/').Should().EndWith("/" + recording.Spec);
        failure.Line.Should().Be(recording.LineOf(recording.Old));
    }

    [Fact]
    public void Recordings_CoverEveryFormatFromV3ToV10AndTheDotNetLibrary()
    {
        var recordings = Recording.Folders().Select(Recording.Load).ToList();

        recordings.Select(r => r.Format).Distinct().Order().Should().Equal(3, 4, 5, 6, 7, 8, 9, 10);
        recordings.Should().Contain(r => r.Package == "Microsoft.Playwright");
        recordings.Should().OnlyContain(r => new FileInfo(r.Trace).Length < 200 * 1024, "fixtures stay small");
    }

    /// <summary>One fixture folder: its manifest, its spec and the trace.zip under its test-results.</summary>
    private sealed record Recording(string Folder, string Package, string Version, int Format, string Spec, string Old, string New, string Trace)
    {
        public static IEnumerable<string> Folders() =>
            Directory.GetDirectories(TestPaths.Fixtures("trace-formats")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

        public static Recording Load(string name)
        {
            var folder = TestPaths.Fixtures("trace-formats", name);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
            var m = manifest.RootElement;
            var trace = Directory.GetFiles(Path.Combine(folder, "test-results"), "trace.zip", SearchOption.AllDirectories).Should().ContainSingle().Subject;
            return new Recording(folder, m.GetProperty("package").GetString()!, m.GetProperty("version").GetString()!, m.GetProperty("format").GetInt32(),
                m.GetProperty("spec").GetString()!, m.GetProperty("old").GetString()!, m.GetProperty("new").GetString()!, trace);
        }

        /// <summary>The 1-based line of the spec that holds <paramref name="code"/>, which must be on exactly one line.</summary>
        public int LineOf(string code)
        {
            var lines = File.ReadAllLines(Path.Combine(Folder, Spec));
            var found = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(code, StringComparison.Ordinal)).ToList();
            found.Should().ContainSingle($"{code} is on one line of {Spec}");
            return found[0].i + 1;
        }
    }
}
