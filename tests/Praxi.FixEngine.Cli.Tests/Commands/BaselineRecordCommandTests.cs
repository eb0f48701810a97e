using System.Text.Json;

namespace Praxi.FixEngine.Cli.Tests.Commands;

public sealed class BaselineRecordCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static string Artifact(params string[] parts) =>
        Path.Combine([RepositoryRoot.Path, "samples", "artifacts", .. parts]);

    [Fact]
    public async Task Record_SampleTrace_WritesTheStoreAndPrintsOneLine()
    {
        var outFile = Path.Combine(NewDir(), ".praxi", "baseline.json");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("baseline", "record", Artifact("renamed-selector", "test-results"), "--out", outFile);

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain("4 trace(s)").And.Contain("recorded").And.Contain(outFile);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        json.RootElement.GetProperty("format").GetString().Should().Be("praxi-baseline/1");
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        entries.Should().Contain(e => e.GetProperty("locator").GetString() == "internal:label=\"Quantity\"i"
            && e.GetProperty("test").GetString() == "catalogue.spec.ts › adds a product to the cart"
            && e.GetProperty("fingerprint").GetProperty("id").GetString() == "quantity");
    }

    [Fact]
    public async Task Record_Twice_MergesIntoTheExistingStore()
    {
        var outFile = Path.Combine(NewDir(), "baseline.json");
        await AnalyzeCommandTests.RunAsync("baseline", "record", Artifact("renamed-selector", "test-results"), "--out", outFile);
        var first = Entries(outFile);

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("baseline", "record", Artifact("renamed-selector", "dotnet", "test-results"), "--out", outFile);

        code.Should().Be(ExitCodes.Success, stderr);
        var merged = Entries(outFile);
        merged.Should().Contain(first, "entries of other tests are kept");
        merged.Should().Contain(e => e.StartsWith("CatalogueTests.AddsAProductToTheCart|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Record_MissingArtifacts_ExitsTwoWithOneLineAndNoStore()
    {
        var dir = NewDir();
        var outFile = Path.Combine(dir, "baseline.json");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("baseline", "record", Path.Combine(dir, "missing"), "--out", outFile);

        code.Should().Be(ExitCodes.BadInput);
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("praxi: ").And.Contain("does not exist");
        stdout.Should().BeEmpty();
        File.Exists(outFile).Should().BeFalse();
    }

    [Fact]
    public async Task Record_BrokenStore_ExitsTwoAndLeavesItUntouched()
    {
        var outFile = Path.Combine(NewDir(), "baseline.json");
        File.WriteAllText(outFile, """{ "format": "something-else/3" }""");

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("baseline", "record", Artifact("renamed-selector", "test-results"), "--out", outFile);

        code.Should().Be(ExitCodes.BadInput);
        stderr.Should().StartWith("praxi: ").And.Contain("something-else/3").And.NotContain("   at ");
        File.ReadAllText(outFile).Should().Be("""{ "format": "something-else/3" }""");
    }

    [Fact]
    public void Record_WithoutOut_WritesUnderTheCurrentFolder()
    {
        var parse = PraxiCli.BuildRoot().Parse(["baseline", "record", "artifacts"]);

        parse.Errors.Should().BeEmpty();
        parse.GetValue<string>("--out").Should().Be(".praxi/baseline.json");
    }

    private static List<string> Entries(string store)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(store));
        return [.. json.RootElement.GetProperty("entries").EnumerateArray().Select(e => $"{e.GetProperty("test").GetString()}|{e.GetProperty("locator").GetString()}")];
    }

    private string NewDir() => _temp.Subfolder();
}
