using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Cli.Tests.Shipping;

/// <summary>
/// Both packages packed once, by the real <c>dotnet pack -c Release</c>, into a temp feed; the build goes to its own
/// artifacts folder so it never rewrites the binaries the other tests run from.
/// </summary>
public sealed partial class PackedFeed : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> DotnetEnvironment = new Dictionary<string, string>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    private readonly TempFolder _work = TempFolder.Create("feed");

    public string Work => _work.Path;

    public string Feed => Path.Combine(Work, "feed");

    /// <summary>The version MinVer gave the packages (both share it).</summary>
    public string Version { get; private set; } = string.Empty;

    public string Package(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    public async Task InitializeAsync()
    {
        foreach (var project in new[] { "src/Praxi.FixEngine/Praxi.FixEngine.csproj", "src/Praxi.FixEngine.Cli/Praxi.FixEngine.Cli.csproj" })
        {
            var (code, output) = await ChildProcess.RunAsync(
                "dotnet", ["pack", project, "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(Work, "artifacts"), "-v", "q", "--nologo"], RepositoryRoot.Path, DotnetEnvironment);
            code.Should().Be(0, output);
        }

        var names = Directory.GetFiles(Feed, "Praxi.FixEngine.Cli.*.nupkg").Select(Path.GetFileName).ToList();
        names.Should().ContainSingle();
        Version = CliPackageName().Match(names[0]!).Groups["version"].Value;
    }

    public Task DisposeAsync()
    {
        _work.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The entry names of a package (a zip), with forward slashes.</summary>
    public static IReadOnlyList<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>The text of one entry of a package.</summary>
    public static string Read(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader((zip.GetEntry(entry) ?? throw new InvalidOperationException($"{entry} is not in {package}")).Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^Praxi\.FixEngine\.Cli\.(?<version>\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex CliPackageName();
}
