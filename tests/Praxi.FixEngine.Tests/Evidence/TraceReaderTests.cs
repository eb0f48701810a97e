using System.IO.Compression;
using System.Text;
using Praxi.FixEngine.Evidence;

namespace Praxi.FixEngine.Tests.Evidence;

public sealed class TraceReaderTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static string Artifact(params string[] parts) =>
        Path.Combine([RepositoryRoot.Path, "samples", "artifacts", .. parts]);

    private static readonly string RunnerTrace =
        Artifact("renamed-selector", "test-results", "catalogue-adds-a-product-to-the-cart-chromium", "trace.zip");

    private static readonly string LibraryTrace =
        Artifact("renamed-selector", "dotnet", "test-results", "CatalogueTests.AddsAProductToTheCart", "trace.zip");

    [Fact]
    public void Read_RunnerTrace_FindsTheFailingClickOnTheOldSelector()
    {
        var sut = TraceReader.Read(RunnerTrace);

        sut.SdkLanguage.Should().Be("javascript");
        sut.FailingCall.Should().NotBeNull();
        sut.FailingCall!.Method.Should().Be("click");
        sut.FailingCall.Selector.Should().Be("#add-to-cart");
        sut.FailingCall.Error.Should().Contain("Timeout");
    }

    [Fact]
    public void Snapshot_FailingCallAfter_HoldsTheRenamedButtonAndNotTheOldId()
    {
        var sut = TraceReader.Read(RunnerTrace);

        var html = sut.Snapshot(sut.FailingCall!.CallId, SnapshotPhase.After);

        html.Should().NotBeNull();
        html.Should().StartWith("<!DOCTYPE html>");
        var dom = DomLoader.Parse(html!);
        dom.QuerySelector("#add-to-basket")!.TextContent.Should().Contain("Add to cart");
        dom.QuerySelector("#add-to-cart").Should().BeNull();
    }

    [Fact]
    public void PassingCalls_RunnerTrace_EarlierCallsHaveSnapshots()
    {
        var sut = TraceReader.Read(RunnerTrace);

        var fill = sut.PassingCalls.Should().ContainSingle(c => c.Method == "fill").Subject;
        fill.Selector.Should().Contain("Quantity");
        var html = sut.Snapshot(fill.CallId, SnapshotPhase.After);
        html.Should().NotBeNull().And.Contain("add-to-basket");
        sut.PassingCalls.Should().OnlyContain(c => c.Passed);
    }

    [Fact]
    public void Read_LibraryTrace_ReadsTheDotnetTrace()
    {
        var sut = TraceReader.Read(LibraryTrace);

        sut.SdkLanguage.Should().Be("csharp");
        sut.FailingCall.Should().NotBeNull();
        sut.FailingCall!.Error.Should().NotBeNull();
        sut.FailingCall.Selector.Should().Contain("add-to-cart");
        var html = sut.Snapshot(sut.FailingCall.CallId, SnapshotPhase.After) ?? sut.Snapshot(sut.FailingCall.CallId, SnapshotPhase.Before);
        html.Should().NotBeNull().And.Contain("add-to-basket");
    }

    [Fact]
    public void Snapshot_PassingFillAction_MarksItsTarget()
    {
        var sut = TraceReader.Read(RunnerTrace);
        var fill = sut.PassingCalls.Single(c => c.Method == "fill");

        var dom = DomLoader.Parse(sut.Snapshot(fill.CallId, SnapshotPhase.Action)!);

        dom.QuerySelectorAll("[__playwright_target__]").Should().ContainSingle().Which.Id.Should().Be("quantity");
    }

    [Fact]
    public void FailureSnapshot_RunnerTrace_IsTheAfterSnapshotOfTheFailingCall()
    {
        var sut = TraceReader.Read(RunnerTrace);

        sut.FailureSnapshot().Should().Be(sut.Snapshot(sut.FailingCall!.CallId, SnapshotPhase.After));
    }

    public static TheoryData<string> SampleTraces()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(RepositoryRoot.Path, "samples", "artifacts");
        foreach (var path in Directory.EnumerateFiles(root, "trace.zip", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleTraces))]
    public void Read_EverySampleTrace_RebuildsEverySnapshotIntoAParsableDocument(string relativePath)
    {
        var sut = TraceReader.Read(Artifact(relativePath));

        sut.SkippedLines.Should().Be(0);
        sut.Calls.Should().NotBeEmpty();
        foreach (var snapshot in sut.Frames.Values.SelectMany(f => f))
        {
            var html = sut.Snapshot(snapshot.CallId, snapshot.Phase, snapshot.FrameId);
            html.Should().NotBeNullOrEmpty();
            if (snapshot.IsMainFrame)
            {
                DomLoader.Parse(html!).QuerySelector("html > body").Should().NotBeNull("{0} {1} rebuilds a whole page", snapshot.CallId, snapshot.Phase);
                html.Should().Contain("<BODY", "{0} {1} resolves its back-references", snapshot.CallId, snapshot.Phase);
            }
        }
    }

    [Fact]
    public void Snapshot_UnknownCall_ReturnsNull()
    {
        var sut = TraceReader.Read(RunnerTrace);

        sut.Snapshot("nope@1", SnapshotPhase.After).Should().BeNull();
    }

    [Fact]
    public void Read_MalformedLines_AreSkipped()
    {
        var path = WriteZip(("trace.trace", """
            {"type":"context-options","sdkLanguage":"csharp"}
            not json at all
            {"type":"before","callId":"c@1","class":"Frame","method":"click","params":{"selector":"#a"}}
            [1,2
            {"type":"after","callId":"c@1","error":{"message":"Timeout 1ms exceeded."}}
            {"type":"frame-snapshot","snapshot":{"callId":"c@1","phase":"after","frameId":"f1","isMainFrame":true,"doctype":"html","html":["HTML",{},["BODY",{},["P",{"title":"a\"b"},"x < y & z"],["BR"]]]}}
            """));

        var sut = TraceReader.Read(path);

        sut.SkippedLines.Should().Be(2);
        sut.FailingCall!.CallId.Should().Be("c@1");
        sut.Snapshot("c@1", SnapshotPhase.After).Should().Be("<!DOCTYPE html><HTML><BODY><P title=\"a&quot;b\">x &lt; y &amp; z</P><BR></BODY></HTML>");
    }

    [Fact]
    public void Snapshot_BackReferences_ResolvePostOrderInTheSameFrame()
    {
        // Snapshot 0 post-order: 0 "t", 1 TITLE, 2 HEAD, 3 "hi", 4 P, 5 BODY, 6 HTML.
        var path = WriteZip(("trace.trace", """
            {"type":"before","callId":"c@1","class":"Frame","method":"goto","params":{}}
            {"type":"after","callId":"c@1"}
            {"type":"before","callId":"c@2","class":"Frame","method":"click","params":{"selector":"p"}}
            {"type":"frame-snapshot","snapshot":{"callId":"c@1","phase":"after","frameId":"f1","html":["HTML",{},["HEAD",{},["TITLE",{},"t"]],["BODY",{},["P",{},"hi"]]]}}
            {"type":"frame-snapshot","snapshot":{"callId":"c@1","phase":"after","frameId":"other","html":["X"]}}
            {"type":"frame-snapshot","snapshot":{"callId":"c@2","phase":"before","frameId":"f1","html":["HTML",{},[[1,2]],["BODY",{},[[1,4]],["SPAN",{},"new"]]]}}
            {"type":"frame-snapshot","snapshot":{"callId":"c@2","phase":"after","frameId":"f1","html":[[1,2]]}}
            """));

        var sut = TraceReader.Read(path);

        sut.Snapshot("c@2", SnapshotPhase.Before).Should().Be("<HTML><HEAD><TITLE>t</TITLE></HEAD><BODY><P>hi</P><SPAN>new</SPAN></BODY></HTML>");
        sut.Snapshot("c@2", SnapshotPhase.After).Should().Be("<BODY><P>hi</P><SPAN>new</SPAN></BODY>");
        sut.FailingCall!.CallId.Should().Be("c@2");
        sut.PassingCalls.Should().ContainSingle().Which.CallId.Should().Be("c@1");
    }

    [Fact]
    public void Snapshot_DeepDom_IsKept()
    {
        var html = string.Concat(Enumerable.Repeat("[\"DIV\",{},", 300)) + "\"deep\"" + new string(']', 300);
        var path = WriteZip(("trace.trace", $$$"""
            {"type":"before","callId":"c@1","class":"Frame","method":"click","params":{"selector":"#a"}}
            {"type":"frame-snapshot","snapshot":{"callId":"c@1","phase":"after","frameId":"f1","html":{{{html}}}}}
            """));

        var sut = TraceReader.Read(path);

        sut.SkippedLines.Should().Be(0);
        sut.Snapshot("c@1", SnapshotPhase.After).Should().Contain("deep");
    }

    [Fact]
    public void Snapshot_ExpandingBackReferences_IsRefusedWithOneLine()
    {
        // Each snapshot holds the previous page twice: 2^40 copies of the first one.
        var lines = new List<string>
        {
            """{"type":"before","callId":"c@1","class":"Frame","method":"click","params":{}}""",
            """{"type":"frame-snapshot","snapshot":{"callId":"c@1","phase":"before","frameId":"f1","html":["P",{},"xxxxxxxxxxxxxxxx"]}}""",
        };
        lines.AddRange(Enumerable.Range(0, 40).Select(_ =>
            """{"type":"frame-snapshot","snapshot":{"callId":"c@1","phase":"after","frameId":"f1","html":["DIV",{},[[1,0]],[[1,0]]]}}"""));
        lines[^1] = lines[^1].Replace("\"after\"", "\"action\"", StringComparison.Ordinal);
        var path = WriteZip(("trace.trace", string.Join('\n', lines)));
        var sut = TraceReader.Read(path);

        var act = () => sut.Snapshot("c@1", SnapshotPhase.Action);

        act.Should().Throw<FixEngineException>().Which.Message.Should().NotContain("\n");
    }

    [Fact]
    public void Read_TooManyEntries_IsRefused()
    {
        var path = WriteZip([.. Enumerable.Range(0, TraceReader.MaxEntries + 1).Select(i => ($"resources/{i}", ""))]);

        var act = () => TraceReader.Read(path);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("zip bomb").And.NotContain("\n");
    }

    [Fact]
    public void Read_HugeDeclaredSize_IsRefused()
    {
        var path = WriteZip(("trace.trace", "{\"type\":\"before\"}\n"));
        PatchDeclaredSizes(path, 0xFFFF_FFF0);

        var act = () => TraceReader.Read(path);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("zip bomb").And.NotContain("\n");
    }

    [Fact]
    public void Read_NotAZip_IsRefusedWithOneLine()
    {
        var path = Path.Combine(_temp.Subfolder(), "trace.zip");
        File.WriteAllText(path, "hello");

        var act = () => TraceReader.Read(path);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain(path).And.NotContain("\n");
    }

    private string WriteZip(params (string Name, string Text)[] entries)
    {
        var path = Path.Combine(_temp.Subfolder(), "trace.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        return path;
    }

    // Rewrites the uncompressed size in every local and central header: the archive now claims far more than it holds.
    private static void PatchDeclaredSizes(string path, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), size);
            }
            else if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), size);
            }
        }

        File.WriteAllBytes(path, bytes);
    }
}
