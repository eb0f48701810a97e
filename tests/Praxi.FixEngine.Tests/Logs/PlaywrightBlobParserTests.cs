using System.IO.Compression;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Tests.Logs;

/// <summary>
/// Playwright's blob reports from a real run sharded in two (Fixtures/playwright-blob, made by
/// tests/fixture-sources/playwright-blob/generate.sh): one failure per shard, each with its trace under resources/.
/// </summary>
public sealed class PlaywrightBlobParserTests : IDisposable
{
    private static readonly string Sources = Path.Combine(RepositoryRoot.Path, "tests", "fixture-sources", "playwright-blob");

    private readonly TempFolder _temp = TempFolder.Create("blob");

    public void Dispose() => _temp.Dispose();

    private static string Blob(int shard) => TestPaths.Fixtures("playwright-blob", $"report-{shard}.zip");

    [Fact]
    public void Parse_EachShard_FailuresNamedAndPlacedAsTheJsonReporterWould()
    {
        using var folder = ArtifactFolder.Open(Blob(1));
        var report = Path.Combine(folder.Path, "report.jsonl");
        var sut = new PlaywrightBlobParser();

        sut.CanParse("report.jsonl", File.ReadAllText(report)[..2000]).Should().BeTrue();
        var log = sut.Parse(report, "report.jsonl", CancellationToken.None);

        log.Format.Should().Be(LogFormat.PlaywrightBlob);
        var failure = log.Failures.Should().ContainSingle().Subject;
        failure.Test.Should().Be("checkout.spec.ts › places an order");
        failure.File.Should().Be("tests/checkout.spec.ts", "paths read relative to the config's folder, as results.json's do");
        failure.Line.Should().Be(8);
        failure.TestFile.Should().Be("tests/checkout.spec.ts");
        failure.Selector.Should().Be("locator('#email')");
        failure.Action.Should().Be("locator.fill");
        failure.TimeoutMs.Should().Be(1000);
        failure.Attachments.Should().Contain(a => a.StartsWith("resources/", StringComparison.Ordinal) && a.EndsWith(".zip", StringComparison.Ordinal));
        log.PassedTests.Should().Equal("home.spec.ts › shows the greeting");
    }

    [Fact]
    public void CanParse_ResultsJsonAndOtherLines_False()
    {
        var sut = new PlaywrightBlobParser();

        sut.CanParse("results.json", FixtureFiles.Read("playwright-ts/results.json")[..4000]).Should().BeFalse();
        sut.CanParse("events.jsonl", "{\"method\":\"tools/call\",\"params\":{}}").Should().BeFalse();
    }

    [Fact]
    public void Analyze_FolderOfShards_ReadsBothWithoutWritingToIt()
    {
        var root = _temp.Subfolder("all-blob-reports");
        File.Copy(Blob(1), Path.Combine(root, "report-1.zip"));
        File.Copy(Blob(2), Path.Combine(root, "report-2.zip"));
        var before = Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Order().ToList();

        var report = new FailureAnalyzer(new AnalysisOptions { RunId = "blob" }).Analyze(root);

        report.Sources.Should().HaveCount(2).And.OnlyContain(s => s.Format == LogFormat.PlaywrightBlob && s.Failures == 1);
        report.Classification.ErrorType.Should().Be(ErrorType.SelectorNotFound);
        report.Classification.Failures.Select(f => f.Test).Should().BeEquivalentTo("checkout.spec.ts › places an order", "shop.spec.ts › cart › adds an item");
        Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Order().Should().Equal(before, "the user's folder is read, never written");
    }

    [Fact]
    public async Task Heal_ShardsInADownloadedArtifactZip_EachTestsTraceHealsItsLocator()
    {
        // What a merge job downloads: one artifact zip holding each shard's blob report.
        var zip = _temp.Combine("blob-reports.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Blob(1), "blob-report-1/report-1.zip");
            archive.CreateEntryFromFile(Blob(2), "blob-report-2/report-2.zip");
        }

        using var repo = TestRepo.Create();
        foreach (var spec in Directory.EnumerateFiles(Path.Combine(Sources, "tests")))
        {
            repo.With("tests/" + Path.GetFileName(spec), File.ReadAllText(spec));
        }

        repo.Commit();

        var result = await new HealLoop().RunAsync(new HealLoopRequest
        {
            ArtifactsPath = zip,
            RepositoryRoot = repo.Root,
            OutputFolder = _temp.Combine("out"),
            RunId = "sharded",
        });

        result.Heal!.Outcomes.Should().HaveCount(2).And.OnlyContain(o => o.Status == HealStatus.Healed);
        result.Heal.Outcomes.Select(o => o.New!.Value).Should().BeEquivalentTo("#email-address", "#add-to-basket");
        result.Fix!.Metadata.Edits.Select(e => e.File).Should().BeEquivalentTo("tests/checkout.spec.ts", "tests/shop.spec.ts");
    }

    [Fact]
    public void Parse_MalformedLine_OneLineNamingTheLine()
    {
        var path = _temp.Combine("report.jsonl");
        File.WriteAllText(path, "{\"method\":\"onBlobReportMetadata\",\"params\":{\"version\":2}}\n{\"method\":\"onConfigure\",\"params\":{\"config\":{\"rootDir\":\"/w\"}}}\n{\"method\":\"onTestEnd\",\"params\":{\"test\":");

        var act = () => new PlaywrightBlobParser().Parse(path, "blob/report.jsonl", CancellationToken.None);

        act.Should().Throw<FixEngineException>().Which.Message.Should().Contain("blob/report.jsonl").And.Contain("line 3").And.NotContain("\n");
    }

    [Fact]
    public void Open_BlobReportWithAnEntryLeavingItsFolder_RefusedAndNothingWritten()
    {
        var root = _temp.Subfolder("hostile");
        using (var archive = ZipFile.Open(Path.Combine(root, "report-1.zip"), ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("report.jsonl").Open()))
            {
                writer.Write("{\"method\":\"onBlobReportMetadata\",\"params\":{\"version\":2}}\n");
            }

            using (var writer = new StreamWriter(archive.CreateEntry("../../escaped.txt").Open()))
            {
                writer.Write("x");
            }
        }

        var temp = _temp.Subfolder("temp-root");

        var act = () => ArtifactFolder.Open(root, tempRoot: temp);

        act.Should().Throw<FixEngineException>().WithMessage("*would leave its folder*");
        Directory.GetFileSystemEntries(temp).Should().BeEmpty("the private copy is removed when unpacking is refused");
        File.Exists(Path.Combine(root, "..", "escaped.txt")).Should().BeFalse();
    }
}
