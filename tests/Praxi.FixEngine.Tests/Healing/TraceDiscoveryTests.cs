using System.IO.Compression;
using System.Text;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Healing;

/// <summary>
/// Traces saved under names of their own (<c>traces/&lt;Test&gt;_&lt;browser&gt;_&lt;os&gt;_&lt;time&gt;.zip</c>, the pattern
/// Playwright's .NET docs show) are evidence like <c>test-results/&lt;Class.Method&gt;/trace.zip</c>: recognised by their
/// content, tied to a test by their title or file name. The traces here are the committed sample runs' real ones.
/// </summary>
public sealed class TraceDiscoveryTests : IDisposable
{
    private const string Stamp = "linux_20261207T101010";
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static string DotnetRun(string scenario) => Path.Combine(HealSamples.Artifacts(scenario), "dotnet");

    /// <summary>The scenario's .NET run with each failed test's trace.zip moved to traces/&lt;Method&gt;_chromium_….zip and nothing else of its folder.</summary>
    private string DocsLayout(string scenario, Func<string, string>? name = null)
    {
        var root = _temp.Subfolder(scenario);
        var run = DotnetRun(scenario);
        File.Copy(Path.Combine(run, "results.trx"), Path.Combine(root, "results.trx"));
        Directory.CreateDirectory(Path.Combine(root, "traces"));
        foreach (var folder in Directory.GetDirectories(Path.Combine(run, "test-results")))
        {
            var method = Path.GetFileName(folder).Split('.')[^1];
            File.Copy(Path.Combine(folder, "trace.zip"), Path.Combine(root, "traces", (name ?? (m => $"{m}_chromium_{Stamp}"))(method) + ".zip"));
        }

        return root;
    }

    [Fact]
    public void Heal_TracesUnderTheirOwnNames_HealsAsTheFolderLayoutDoes()
    {
        var folderLayout = _temp.Subfolder("folders");
        File.Copy(Path.Combine(DotnetRun("renamed-selector"), "results.trx"), Path.Combine(folderLayout, "results.trx"));
        foreach (var folder in Directory.GetDirectories(Path.Combine(DotnetRun("renamed-selector"), "test-results")))
        {
            var to = Directory.CreateDirectory(Path.Combine(folderLayout, "test-results", Path.GetFileName(folder))).FullName;
            File.Copy(Path.Combine(folder, "trace.zip"), Path.Combine(to, "trace.zip"));
        }

        var docsLayout = DocsLayout("renamed-selector");

        var expected = HealOf(folderLayout);
        var actual = HealOf(docsLayout);

        expected.Outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.Status == HealStatus.Healed);
        actual.Outcomes.Select(o => (o.Test, o.Status, New: o.New?.ToSelector()))
            .Should().Equal(expected.Outcomes.Select(o => (o.Test, o.Status, New: o.New?.ToSelector())));
        actual.Outcomes.Should().OnlyContain(o => o.Evidence!.Source.StartsWith("traces/", StringComparison.Ordinal) && o.Evidence.Source.EndsWith($"_chromium_{Stamp}.zip", StringComparison.Ordinal));
    }

    [Fact]
    public void Heal_TracesNamedByNothingOfTheTest_AreTiedByTheirTitle()
    {
        // The sample fixture starts each trace with the test method as its title; the files say nothing.
        var counter = 0;
        var root = DocsLayout("renamed-selector", _ => $"{++counter:D4}");

        var heal = HealOf(root);

        heal.Outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.Status == HealStatus.Healed);
    }

    [Fact]
    public void Find_TheoryRows_TakesTheRowsOwnTraceAndNotItsSiblings()
    {
        var failed = Path.Combine(DotnetRun("renamed-selector"), "test-results", "CatalogueTests.AddsAProductToTheCart", "trace.zip");
        var passed = Path.Combine(DotnetRun("baseline"), "test-results", "CatalogueTests.AddsAProductToTheCart", "trace.zip");
        var root = _temp.Subfolder("rows");
        Directory.CreateDirectory(Path.Combine(root, "traces"));
        File.Copy(passed, Path.Combine(root, "traces", $"AddsAProductToTheCart_firefox_{Stamp}.zip"));
        File.Copy(failed, Path.Combine(root, "traces", $"AddsAProductToTheCart_chromium_{Stamp}.zip"));
        File.Copy(failed, Path.Combine(root, "traces", $"AddsAProductToTheCartTwice_chromium_{Stamp}.zip"));
        File.WriteAllBytes(Path.Combine(root, "traces", "screenshots.zip"), ZipOf("shot.png", "not a trace"));

        var sut = new EvidenceLocator(root);

        Evidence(sut, "PraxiShop.E2E.Tests.CatalogueTests.AddsAProductToTheCart(browserType: \"chromium\", browserChannel: null)")
            .Should().Be($"traces/AddsAProductToTheCart_chromium_{Stamp}.zip");
        Evidence(sut, "PraxiShop.E2E.Tests.CatalogueTests.AddsAProductToTheCart(browserType: \"firefox\", browserChannel: null)")
            .Should().Be($"traces/AddsAProductToTheCart_firefox_{Stamp}.zip");
        Evidence(sut, "PraxiShop.E2E.Tests.CatalogueTests.AddsAProductToTheCartTwice").Should().Be($"traces/AddsAProductToTheCartTwice_chromium_{Stamp}.zip");
        Evidence(sut, "PraxiShop.E2E.Tests.CatalogueTests.AddsAProduct").Should().BeNull("a name that only begins the trace's is another test");
    }

    [Fact]
    public void Find_RowsTheNamesDoNotTellApart_TakesTheTraceThatRecordedAFailure()
    {
        var root = _temp.Subfolder("attempts");
        Directory.CreateDirectory(Path.Combine(root, "traces"));
        File.Copy(Path.Combine(DotnetRun("baseline"), "test-results", "CatalogueTests.AddsAProductToTheCart", "trace.zip"), Path.Combine(root, "traces", "CatalogueTests.AddsAProductToTheCart-1.zip"));
        File.Copy(Path.Combine(DotnetRun("renamed-selector"), "test-results", "CatalogueTests.AddsAProductToTheCart", "trace.zip"), Path.Combine(root, "traces", "CatalogueTests.AddsAProductToTheCart-2.zip"));

        Evidence(new EvidenceLocator(root), "PraxiShop.E2E.Tests.CatalogueTests.AddsAProductToTheCart(viewport: \"mobile\")")
            .Should().Be("traces/CatalogueTests.AddsAProductToTheCart-2.zip");
    }

    [Fact]
    public void Record_TracesUnderTheirOwnNames_AreFoundByContentAndServeTheTheoryRowsLookups()
    {
        var root = _temp.Subfolder("green");
        Directory.CreateDirectory(Path.Combine(root, "traces"));
        foreach (var folder in Directory.GetDirectories(Path.Combine(DotnetRun("baseline"), "test-results")).Where(f => File.Exists(Path.Combine(f, "trace.zip"))))
        {
            File.Copy(Path.Combine(folder, "trace.zip"), Path.Combine(root, "traces", Path.GetFileName(folder).Split('.')[^1] + $"_chromium_{Stamp}.zip"));
        }

        var recording = BaselineRecorder.Record(root);
        var usual = BaselineRecorder.Record(DotnetRun("baseline"));

        recording.Traces.Should().Be(usual.Traces).And.BeGreaterThan(0);
        recording.Entries.Should().HaveCount(usual.Entries.Count);
        var store = BaselineStore.Empty.Merge(recording.Entries);
        var entry = recording.Entries.First(e => e.Test is not null);
        store.Find(entry.Test + "(browserType: \"chromium\", browserChannel: null)", entry.Locator).Should().NotBeNull();
    }

    [Fact]
    public void Heal_TraceInAFormatPraxiDoesNotRead_SaysTheFormatAndVersionOnTheAbstention()
    {
        var root = DocsLayout("renamed-selector");
        foreach (var trace in Directory.GetFiles(Path.Combine(root, "traces")))
        {
            File.WriteAllBytes(trace, ZipOf("trace.trace", """{"type":"context-options","version":2,"playwrightVersion":"1.18.1","title":"x"}""" + "\n"));
        }

        var heal = HealOf(root);

        heal.Outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.Status == HealStatus.NoEvidence
            && o.Reason!.Contains("trace format v2 (written by Playwright 1.18.1), which praxi does not read", StringComparison.Ordinal));
    }

    [Fact]
    public void Heal_TraceInANewerFormatWithNoKnownEvent_SaysSo()
    {
        var root = DocsLayout("renamed-selector");
        foreach (var trace in Directory.GetFiles(Path.Combine(root, "traces")))
        {
            File.WriteAllBytes(trace, ZipOf("trace.trace", """{"type":"context-options","version":11,"playwrightVersion":"1.70.0","title":"x"}""" + "\n" + """{"type":"call-begin","id":"c1"}""" + "\n"));
        }

        var heal = HealOf(root);

        heal.Outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.Status == HealStatus.NoEvidence
            && o.Reason!.Contains("trace format v11 (written by Playwright 1.70.0), newer than praxi reads", StringComparison.Ordinal));
    }

    private static HealReport HealOf(string artifacts) =>
        new SelectorHealer().Heal(new FailureAnalyzer().Analyze(artifacts), artifacts, HealSamples.Baseline);

    private static string? Evidence(EvidenceLocator sut, string test) =>
        sut.Find(new FailureReport { Test = test, ErrorType = ErrorType.SelectorNotFound, Confidence = 1, Message = "m" })?.Trace;

    private static byte[] ZipOf(string entry, string content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        return buffer.ToArray();
    }
}
