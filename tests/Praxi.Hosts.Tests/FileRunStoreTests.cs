using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Praxi.DeveloperAgent;

namespace Praxi.Hosts.Tests;

public sealed class FileRunStoreTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("store");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void WriteFile_FolderOfTheNameIsASymlinkOut_IsRefusedAndNothingLandsOutside()
    {
        var run = Directory.CreateDirectory(Path.Combine(_temp.Path, "run")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(_temp.Path, "outside")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(run, "sub"), outside);

        var write = () => FileRunStore.WriteFile(run, "sub/x.log", "data"u8);

        write.Should().Throw<RunStoreException>().WithMessage("*symlink*");
        Directory.EnumerateFileSystemEntries(outside).Should().BeEmpty();
    }

    [Fact]
    public void WriteFile_NameIsASymlinkToAFileOutside_IsRefusedAndTheTargetIsUntouched()
    {
        var run = Directory.CreateDirectory(Path.Combine(_temp.Path, "run")).FullName;
        var target = Path.Combine(_temp.Path, "secret.txt");
        File.WriteAllText(target, "keep");
        File.CreateSymbolicLink(Path.Combine(run, "x.log"), target);

        var write = () => FileRunStore.WriteFile(run, "x.log", "data"u8);

        write.Should().Throw<RunStoreException>();
        File.ReadAllText(target).Should().Be("keep");
    }

    [Fact]
    public void WriteFile_RunFolderIsASymlink_IsRefused()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_temp.Path, "outside")).FullName;
        var link = Path.Combine(_temp.Path, "run");
        Directory.CreateSymbolicLink(link, outside);

        var write = () => FileRunStore.WriteFile(link, "x.log", "data"u8);

        write.Should().Throw<RunStoreException>();
        Directory.EnumerateFileSystemEntries(outside).Should().BeEmpty();
    }

    [Fact]
    public void WriteFile_UnsafeName_IsRefusedBeforeAnyIo()
    {
        var run = Directory.CreateDirectory(Path.Combine(_temp.Path, "run")).FullName;

        foreach (var name in new[] { "../x.log", "/etc/x", "a/../../x", "%2e%2e/x", "CON" })
        {
            var write = () => FileRunStore.WriteFile(run, name, "data"u8);
            write.Should().Throw<RunStoreException>(name);
        }

        Directory.EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Should().Equal(run);
    }

    [Fact]
    public void WriteFile_NewFile_LeavesNoTempFileAndHasTheBytes()
    {
        var run = Directory.CreateDirectory(Path.Combine(_temp.Path, "run")).FullName;

        FileRunStore.WriteFile(run, "a/b/c.log", "data"u8);

        File.ReadAllText(Path.Combine(run, "a", "b", "c.log")).Should().Be("data");
        Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact]
    public async Task ProcessLogs_IncompleteRunFolder_IsInvisibleAndRedoneWithoutFollowingItsSymlinks()
    {
        var root = Path.Combine(_temp.Path, "store");
        var outside = Directory.CreateDirectory(Path.Combine(_temp.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "keep");

        // A run folder without its marker (a crash of an older layout, or planted): sub points outside.
        var incomplete = Directory.CreateDirectory(Path.Combine(root, "logs", "run-half")).FullName;
        File.WriteAllText(Path.Combine(incomplete, "playwright.log"), "half");
        Directory.CreateSymbolicLink(Path.Combine(incomplete, "sub"), outside);
        await using var server = await DeveloperAgentServer.StartAtAsync(root);

        using var get = new HttpRequestMessage(HttpMethod.Get, "/runs/run-half");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeveloperAgentServer.Token);
        using var before = await server.Client.SendAsync(get);
        using var post = await server.PostAsync(Payloads.Run("run-half", ("playwright.log", Payloads.PlaywrightLog), ("sub/x.log", "inside\n")));

        before.StatusCode.Should().Be(HttpStatusCode.NotFound);
        post.StatusCode.Should().Be(HttpStatusCode.OK);
        Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName).Should().Equal("keep.txt");
        File.ReadAllText(Path.Combine(outside, "keep.txt")).Should().Be("keep");
        var sub = new DirectoryInfo(Path.Combine(incomplete, "sub"));
        sub.LinkTarget.Should().BeNull("the stored run has a real folder");
        File.ReadAllText(Path.Combine(sub.FullName, "x.log")).Should().Be("inside\n");
        File.ReadAllText(Path.Combine(incomplete, "playwright.log")).Should().Be(Payloads.PlaywrightLog);
    }

    [Fact]
    public void Constructor_LeftoverStaging_IsRemovedAndCompleteRunsStay()
    {
        var root = Path.Combine(_temp.Path, "store");
        var staging = Directory.CreateDirectory(Path.Combine(root, "logs", ".staging", "run-x.0123")).FullName;
        File.WriteAllText(Path.Combine(staging, ".praxi-tmp-1"), "partial");

        var store = new FileRunStore(root, 1024);

        Directory.EnumerateFileSystemEntries(store.Staging).Should().BeEmpty();
    }

    [Fact]
    public async Task StoreAsync_AnalyzerFails_LeavesNothingAndTheNextUploadStores()
    {
        var store = new FileRunStore(Path.Combine(_temp.Path, "store"), 1024);
        var payload = Praxi.Ingest.CiRunPayloadReader.Read(Encoding.UTF8.GetBytes(Payloads.Run("run-fail"))).Payload!;
        var upload = new RunUpload(payload, RunContent.Sha256(payload), null);

        var failing = () => store.StoreAsync(upload, (_, _) => throw new InvalidOperationException("boom"), CancellationToken.None);
        await failing.Should().ThrowAsync<InvalidOperationException>();
        Directory.EnumerateFileSystemEntries(store.Logs, "*", SearchOption.AllDirectories).Should().Equal(store.Staging);
        (await store.GetAsync("run-fail", CancellationToken.None)).Should().BeNull();

        var stored = await store.StoreAsync(upload, (_, _) => Task.FromResult("""{"run_id":"run-fail"}"""), CancellationToken.None);
        stored.Status.Should().Be(StoreStatus.Created);
        (await store.GetAsync("run-fail", CancellationToken.None))!.Answer.Should().Be(stored.Run!.Answer);
    }

    [Fact]
    public async Task StoreAsync_RunIdWithATrailingNewline_IsRefusedAndWritesNothing()
    {
        var store = new FileRunStore(Path.Combine(_temp.Path, "store"), 1024);
        var payload = Praxi.Ingest.CiRunPayloadReader.Read(Encoding.UTF8.GetBytes(Payloads.Run("run1"))).Payload! with { RunId = "run1\n" };
        var upload = new RunUpload(payload, RunContent.Sha256(payload), null);

        var storing = () => store.StoreAsync(upload, (_, _) => Task.FromResult("""{"run_id":"run1"}"""), CancellationToken.None);

        await storing.Should().ThrowAsync<RunStoreException>();
        Directory.EnumerateFileSystemEntries(store.Logs, "*", SearchOption.AllDirectories).Should().Equal(store.Staging);
    }

    [Fact]
    public async Task GetAsync_RunIdWithATrailingNewline_IsNotReadEvenWhenSuchAFolderExists()
    {
        var store = new FileRunStore(Path.Combine(_temp.Path, "store"), 1024);
        var payload = Praxi.Ingest.CiRunPayloadReader.Read(Encoding.UTF8.GetBytes(Payloads.Run("run1"))).Payload!;
        var stored = await store.StoreAsync(new RunUpload(payload, RunContent.Sha256(payload), null), (_, _) => Task.FromResult("""{"run_id":"run1"}"""), CancellationToken.None);
        stored.Status.Should().Be(StoreStatus.Created);

        // A complete run under a name the contract refuses (planted, or left by a build that let it through).
        Directory.Move(Path.Combine(store.Logs, "run1"), Path.Combine(store.Logs, "run1\n"));

        (await store.GetAsync("run1\n", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public void TruncateLines_ShortLines_ReturnsTheSameMemory()
    {
        var content = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes("a\nbb\nccc"));

        var result = RunContent.TruncateLines(content, 64, out var truncated);

        truncated.Should().Be(0);
        result.Should().Be(content);
    }

    [Fact]
    public void Sha256_SameContentOtherEncoding_IsEqualAndOtherBytesDiffer()
    {
        var a = Praxi.Ingest.CiRunPayloadReader.Read(Encoding.UTF8.GetBytes("""{"run_id":"r","logs":[{"name":"a.log","content":"hi"}]}""")).Payload!;
        var b = Praxi.Ingest.CiRunPayloadReader.Read(Encoding.UTF8.GetBytes("""{ "logs":[{"content":"aGk=","encoding":"base64","name":"a.log"}], "run_id":"r" }""")).Payload!;
        var c = Praxi.Ingest.CiRunPayloadReader.Read(Encoding.UTF8.GetBytes("""{"run_id":"r","logs":[{"name":"a.log","content":"ho"}]}""")).Payload!;

        RunContent.Sha256(a).Should().Be(RunContent.Sha256(b));
        RunContent.Sha256(a).Should().NotBe(RunContent.Sha256(c));
    }
}
