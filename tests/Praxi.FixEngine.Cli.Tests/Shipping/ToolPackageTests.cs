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
        var package = feed.Package("Praxi.FixEngine");

        var entries = PackedFeed.Entries(package);

        entries.Should().Contain(["README.md", "icon.png", "lib/net10.0/Praxi.FixEngine.dll", "lib/net10.0/Praxi.FixEngine.xml"]);
        PackedFeed.Read(package, "README.md").Should().Contain("FailureAnalyzer").And.Contain("FixAgent");
        var nuspec = PackedFeed.Read(package, "Praxi.FixEngine.nuspec");
        nuspec.Should().Contain("<readme>README.md</readme>").And.Contain("<icon>icon.png</icon>")
            .And.Contain("<repository type=\"git\" url=\"https://").And.Contain("<license type=\"expression\">MIT</license>")
            .And.Contain($"<version>{feed.Version}</version>");
        PackedFeed.Entries(feed.Package("Praxi.FixEngine", "snupkg")).Should().Contain("lib/net10.0/Praxi.FixEngine.pdb");
    }

    [Fact]
    public void Pack_Cli_IsTheDotnetToolPraxiWithReadmeIconAndSymbols()
    {
        var package = feed.Package("Praxi.FixEngine.Cli");

        var entries = PackedFeed.Entries(package);

        entries.Should().Contain(["README.md", "icon.png", "tools/net10.0/any/praxi.dll", "tools/net10.0/any/Praxi.FixEngine.xml"]);
        PackedFeed.Read(package, "tools/net10.0/any/DotnetToolSettings.xml").Should().Contain("Name=\"praxi\"").And.Contain("EntryPoint=\"praxi.dll\"");
        PackedFeed.Read(package, "Praxi.FixEngine.Cli.nuspec").Should().Contain("<packageType name=\"DotnetTool\" />").And.Contain("<icon>icon.png</icon>");
        PackedFeed.Entries(feed.Package("Praxi.FixEngine.Cli", "snupkg")).Should().Contain("tools/net10.0/any/praxi.pdb");
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
        var (installed, installOutput) = await ProcessCapture.RunAsync(
            "dotnet", feed.Work, environment, "tool", "install", "Praxi.FixEngine.Cli", "--tool-path", tools, "--configfile", config, "--version", feed.Version);
        installed.Should().Be(0, installOutput);
        var (repo, work) = HealCommandTests.NewRepo();
        var outDir = Path.Combine(work, "out");
        var praxi = Path.Combine(tools, "praxi");

        var (code, output) = await ProcessCapture.RunAsync(
            praxi, work, null, "heal", Path.Combine(CliTestRepo.Root, "samples", "artifacts", "renamed-selector"), "--repo", repo, "--out", outDir);

        code.Should().Be(0, output);
        output.Should().StartWith("selector_not_found (").And.Contain("patch: 3 edit(s) in 3 file(s)");
        var patch = Path.Combine(outDir, "fix-agent", "patch-local.diff");
        File.ReadAllText(patch).Should().Contain("+    public const string AddToCart = \"#add-to-basket\";");
        CliTestRepo.Git(repo, "apply", "--check", patch).Should().Be(0);
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "fix-agent", "metadata-local.json")));
        metadata.RootElement.GetProperty("edits").GetArrayLength().Should().Be(3);
        metadata.RootElement.GetProperty("guardrails").GetProperty("allowed").GetBoolean().Should().BeTrue();
        File.Exists(Path.Combine(outDir, "analysis.json")).Should().BeTrue();
        var (versionCode, version) = await ProcessCapture.RunAsync(praxi, work, null, "--version");
        versionCode.Should().Be(0, version);
        version.Trim().Should().StartWith(feed.Version);
    }
}
