using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

/// <summary>Files given alone, as users pass them: an error-context file under another name, a passing run's trace.</summary>
public sealed class ArtifactReaderTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("reader");

    public void Dispose() => _temp.Dispose();

    private static string Artifact(params string[] parts) => Path.Combine([RepositoryRoot.Path, "samples", "artifacts", .. parts]);

    private static IReadOnlyList<ParsedLog> Read(string path) => new ArtifactReader(new NoBlockScorer()).Read(path, CancellationToken.None);

    [Fact]
    public void Read_ErrorContextUnderAnotherName_IsReadAsOneByItsContent()
    {
        var renamed = _temp.Combine("cart-failure.md");
        File.Copy(Artifact("renamed-selector", "test-results", "cart-removes-an-item-after-confirming-chromium", "error-context.md"), renamed);

        var log = Read(renamed).Should().ContainSingle().Subject;

        log.Format.Should().Be(LogFormat.PlaywrightErrorContext);
        log.Failures.Should().ContainSingle().Which.Selector.Should().Be("locator('#add-to-cart')");
    }

    [Fact]
    public void Read_FolderWithARenamedErrorContextOnly_ReadsItAsEvidenceNotAsALog()
    {
        var folder = _temp.Subfolder("kept");
        File.Copy(Artifact("renamed-selector", "test-results", "cart-removes-an-item-after-confirming-chromium", "error-context.md"), Path.Combine(folder, "context-1.md"));
        File.WriteAllText(Path.Combine(folder, "notes.md"), "# Notes\n\nNothing failed here.\n");

        var logs = Read(folder);

        logs.Where(l => l.Failures.Count > 0).Should().ContainSingle().Which.Format.Should().Be(LogFormat.PlaywrightErrorContext);
    }

    [Fact]
    public void Read_PassingRunsTraceAlone_RefusedInOneLineNamingWhatItHolds()
    {
        var act = () => Read(Artifact("baseline", "test-results", "admin-lists-recent-orders-chromium", "trace.zip"));

        act.Should().Throw<FixEngineException>().Which.Message.Should()
            .Match("The trace 'trace.zip' (format v10, javascript, * call(s), none failed) records no failure*").And.NotContain("\n");
    }

    [Theory]
    [InlineData("# Page snapshot\n\n```yaml\n- main\n```\n", true)]
    [InlineData("\uFEFF# Instructions\n\n- Following Playwright test failed.\n", true)]
    [InlineData("# Test info\r\n\r\n- Name: x\r\n", true)]
    [InlineData("# Error details\n", true)]
    [InlineData("# Page snapshots of the week\n", false)]
    [InlineData("# Changelog\n\n# Page snapshot\n", false)]
    public void LooksLike_FirstHeading_DecidesIt(string head, bool expected)
    {
        ErrorContextParser.LooksLike(head).Should().Be(expected);
    }
}
