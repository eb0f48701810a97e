using System.IO.Compression;
using System.Text;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Healing.Baseline;

namespace Praxi.FixEngine.Tests;

public sealed class ArtifactFolderTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("artifact-zip");

    public void Dispose() => _temp.Dispose();

    private string Zip(string name, params (string Entry, byte[] Bytes)[] entries)
    {
        var path = Path.Combine(_temp.Subfolder(), name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, bytes) in entries)
        {
            using var stream = archive.CreateEntry(entry).Open();
            stream.Write(bytes);
        }

        return path;
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] TraceZip(string selector)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("trace.trace").Open());
            writer.Write($$$"""
                {"version":10,"type":"context-options","sdkLanguage":"csharp"}
                {"type":"before","callId":"c@1","class":"Frame","method":"click","params":{"selector":"{{{selector}}}"}}
                {"type":"frame-snapshot","snapshot":{"callId":"c@1","phase":"action","frameId":"f","isMainFrame":true,"html":["HTML",{},["BODY",{},["BUTTON",{"id":"{{{selector[1..]}}}","__playwright_target__":""},"Go"]]]}}
                {"type":"after","callId":"c@1"}
                """);
        }

        return memory.ToArray();
    }

    [Fact]
    public void Analyze_DownloadedArtifactZip_IsReadAsTheFolderItHolds()
    {
        var zip = Zip("playwright-output.zip", ("logs/playwright.log", Text("""
              1) [chromium] › tests/orders.spec.ts:12:7 › orders › lists my orders ─────────────────────

                Error: locator.click: Timeout 5000ms exceeded.
                Call log:
                  - waiting for getByRole('link', { name: 'Orders' })

              1 failed
            """)));

        var report = new FailureAnalyzer().Analyze(zip);

        report.Classification.Failures.Should().ContainSingle().Which.Test.Should().Contain("lists my orders");
        report.Sources.Should().ContainSingle(s => s.Name == "logs/playwright.log");
    }

    [Fact]
    public void Record_ZipBundlingSeveralTraces_ReadsEachTrace()
    {
        var zip = Zip("traces.zip", ("a/trace.zip", TraceZip("#first")), ("b/trace.zip", TraceZip("#second")));

        var recording = BaselineRecorder.Record(zip);

        recording.Traces.Should().Be(2);
        recording.Entries.Select(e => e.Locator).Should().BeEquivalentTo(["#first", "#second"]);
    }

    [Fact]
    public void Open_TraceZip_IsUsedAsItIs()
    {
        var path = Path.Combine(_temp.Subfolder(), "trace.zip");
        File.WriteAllBytes(path, TraceZip("#go"));

        using var folder = ArtifactFolder.Open(path);

        folder.Unpacked.Should().BeFalse();
        folder.Path.Should().Be(path);
    }

    [Fact]
    public void Dispose_RemovesTheUnpackedFolder()
    {
        var zip = Zip("a.zip", ("x/run.log", Text("hello\n")));

        string unpacked;
        using (var folder = ArtifactFolder.Open(zip))
        {
            unpacked = folder.Path;
            File.Exists(Path.Combine(unpacked, "x", "run.log")).Should().BeTrue();
        }

        Directory.Exists(unpacked).Should().BeFalse();
    }

    [Theory]
    [InlineData("../escape.log")]
    [InlineData("a/../../escape.log")]
    [InlineData("/etc/escape.log")]
    public void Open_EntryLeavingTheFolder_IsRefusedInOneLineAndWritesNothing(string entry)
    {
        var zip = Zip("evil.zip", ("ok.log", Text("fine\n")), (entry, Text("evil\n")));
        var tempRoot = _temp.Subfolder();

        var act = () => ArtifactFolder.Open(zip, tempRoot: tempRoot);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("would leave its folder").And.NotContain("\n");
        File.Exists(Path.Combine(Path.GetDirectoryName(zip)!, "escape.log")).Should().BeFalse();
        File.Exists(Path.Combine(tempRoot, "escape.log")).Should().BeFalse();
        Directory.EnumerateFileSystemEntries(tempRoot).Should().BeEmpty("the half-made folder is removed");
    }

    [Fact]
    public void Open_MoreThanTheLimit_IsRefusedAsAZipBomb()
    {
        var zip = Zip("big.zip", ("a.log", new byte[4096]), ("b.log", new byte[4096]));

        var tempRoot = _temp.Subfolder();

        var act = () => ArtifactFolder.Open(zip, maxBytes: 6000, tempRoot: tempRoot);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("zip bomb").And.NotContain("\n");
        Directory.EnumerateFileSystemEntries(tempRoot).Should().BeEmpty();
    }

    [Fact]
    public void Open_TruncatedZip_IsOneLine()
    {
        var good = Zip("cut.zip", ("a.log", Text(new string('x', 10_000))));
        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(good, bytes[..(bytes.Length / 2)]);

        var act = () => ArtifactFolder.Open(good);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain(good).And.NotContain("\n");
    }
}
