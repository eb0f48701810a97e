using System.Text.Json;
using Praxi.FixEngine.Cli.Tests.Commands;

namespace Praxi.FixEngine.Cli.Tests.Shipping;

/// <summary>
/// The packages as a user gets them: packed by <c>dotnet pack</c>, the tool installed from the local feed into a temp tool
/// path by <c>dotnet tool install</c> (no other source, its own NuGet cache), and <c>praxi heal</c> run through it.
/// </summary>
public sealed class ToolPackageTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    [Fact]
    public void Pack_Version_ComesFromMinVer()
    {
        feed.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$");
        File.Exists(feed.Package("Praxi.FixEngine")).Should().BeTrue("both packages share the version from the git tags");
    }

    [Fact]
    public void Pack_Library_HasReadmeIconXmlDocsAndSymbols()
    {
        var nuspec = AssertPackage("Praxi.FixEngine", "lib/net10.0/Praxi.FixEngine.dll", "lib/net10.0/Praxi.FixEngine.xml", "lib/net10.0/Praxi.FixEngine.pdb");

        nuspec.Should().Contain("<license type=\"expression\">MIT</license>");
        PackedFeed.Read(feed.Package("Praxi.FixEngine"), "README.md").Should().Contain("FailureAnalyzer").And.Contain("FixAgent");
        PackedFeed.Entries(feed.Package("Praxi.FixEngine")).Should().NotContain(e => e.Contains("Praxi.Ingest", StringComparison.OrdinalIgnoreCase), "the ingest contract is host plumbing, not the engine's");
        nuspec.Should().NotContain("Praxi.Ingest").And.NotContain("Praxi.Hosting");
    }

    [Fact]
    public void Pack_Feed_HoldsTheLibraryAndTheToolOnly()
    {
        Directory.GetFiles(feed.Feed, "*.nupkg").Select(Path.GetFileName).Should().BeEquivalentTo(
            $"Praxi.FixEngine.{feed.Version}.nupkg", $"Praxi.FixEngine.Cli.{feed.Version}.nupkg");
    }

    [Fact]
    public void Pack_Cli_IsTheDotnetToolPraxiWithReadmeIconAndSymbols()
    {
        var nuspec = AssertPackage("Praxi.FixEngine.Cli", "tools/net10.0/any/praxi.dll", "tools/net10.0/any/Praxi.FixEngine.xml", "tools/net10.0/any/praxi.pdb");

        nuspec.Should().Contain("<packageType name=\"DotnetTool\" />");
        PackedFeed.Read(feed.Package("Praxi.FixEngine.Cli"), "tools/net10.0/any/DotnetToolSettings.xml").Should().Contain("Name=\"praxi\"").And.Contain("EntryPoint=\"praxi.dll\"");
        PackedFeed.Entries(feed.Package("Praxi.FixEngine.Cli")).Should().Contain("tools/net10.0/any/Praxi.Ingest.dll", "ship-logs' client travels inside the tool");
        nuspec.Should().NotContain("<dependency id=\"Praxi.Ingest\"");
    }

    [Fact]
    public async Task InstalledTool_HealRenamedSelector_WritesThePatchAndMetadata()
    {
        var tools = Path.Combine(feed.Work, "tools-" + Guid.NewGuid().ToString("N"));
        var config = Path.Combine(feed.Work, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed.Feed}" />
              </packageSources>
            </configuration>
            """);
        var environment = new Dictionary<string, string>(PackedFeed.DotnetEnvironment) { ["NUGET_PACKAGES"] = Path.Combine(tools, ".nuget") };
        var (installed, installOutput) = await ChildProcess.RunAsync(
            "dotnet", ["tool", "install", "Praxi.FixEngine.Cli", "--tool-path", tools, "--configfile", config, "--version", feed.Version], feed.Work, environment);
        installed.Should().Be(0, installOutput);
        using var temp = TempFolder.Create();
        var (repo, work) = HealCommandTests.NewRepo(temp);
        var outDir = Path.Combine(work, "out");
        var praxi = Path.Combine(tools, "praxi");

        var (code, output) = await ChildProcess.RunAsync(
            praxi, ["heal", Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "renamed-selector"), "--repo", repo, "--out", outDir], work);

        code.Should().Be(0, output);
        output.Should().StartWith("selector_not_found (").And.Contain("patch: 3 edit(s) in 3 file(s)");
        var patch = Path.Combine(outDir, "fix-agent", "patch-local.diff");
        File.ReadAllText(patch).Should().Contain("+    public const string AddToCart = \"#add-to-basket\";");
        GitRunner.Run(repo, "apply", "--check", patch).ExitCode.Should().Be(0);
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "fix-agent", "metadata-local.json")));
        metadata.RootElement.GetProperty("edits").GetArrayLength().Should().Be(3);
        metadata.RootElement.GetProperty("guardrails").GetProperty("allowed").GetBoolean().Should().BeTrue();
        File.Exists(Path.Combine(outDir, "analysis.json")).Should().BeTrue();
        var (versionCode, version) = await ChildProcess.RunAsync(praxi, ["--version"], work);
        versionCode.Should().Be(0, version);
        version.Trim().Should().StartWith(feed.Version);

        // ship-logs runs from Praxi.Ingest, inside the package: a real post to a CloudAgent stand-in on 127.0.0.1.
        await using var endpoint = await FakeCiEndpoint.StartAsync();
        var shipEnvironment = new Dictionary<string, string> { ["AGENT_TOKEN"] = "tool-package-token-0123456789" };
        var (shipCode, shipOutput) = await ChildProcess.RunAsync(
            praxi, ["ship-logs", Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "renamed-selector"), "--url", endpoint.Url, "--run-id", "tool-1", "--retries", "0"], work, shipEnvironment);
        shipCode.Should().Be(0, shipOutput);
        shipOutput.Should().Contain("Shipped run tool-1: ").And.Contain("Analysis of run ");
        endpoint.Requests.Should().ContainSingle().Which.Headers["Idempotency-Key"].Should().StartWith("tool-1.");
    }

    /// <summary>Checks what every package carries (readme, icon, assembly, XML docs, the symbols package) and returns its nuspec.</summary>
    private string AssertPackage(string id, string assembly, string xmlDocs, string symbols)
    {
        var package = feed.Package(id);
        PackedFeed.Entries(package).Should().Contain(["README.md", "icon.png", assembly, xmlDocs]);
        PackedFeed.Entries(feed.Package(id, "snupkg")).Should().Contain(symbols);
        var nuspec = PackedFeed.Read(package, id + ".nuspec");
        nuspec.Should().Contain("<readme>README.md</readme>").And.Contain("<icon>icon.png</icon>")
            .And.Contain("<repository type=\"git\" url=\"https://").And.Contain($"<version>{feed.Version}</version>");
        return nuspec;
    }
}
