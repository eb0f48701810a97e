using Praxi.FixEngine.Cli.Tests.Commands;

namespace Praxi.FixEngine.Cli.Tests.Shipping;

/// <summary>samples/embedding, as the solution build compiled it, run as a real process on a bundled failed run.</summary>
public sealed class EmbeddingSampleTests
{
    [Fact]
    public async Task Embedding_RenamedSelector_PrintsTheClassificationAndAPatchGitAccepts()
    {
        using var temp = TempFolder.Create();
        var (repo, work) = HealCommandTests.NewRepo(temp);

        var (code, output) = await ChildProcess.RunAsync("dotnet", [SampleDll(), Artifacts("renamed-selector"), repo], work);

        code.Should().Be(0, output);
        var lines = output.Split('\n');
        lines[0].Should().Be("selector_not_found: 8 failed test(s)");
        lines[1].Should().StartWith("allowed: 3 edit(s), ");
        output.Should().Contain("+    public const string AddToCart = \"#add-to-basket\";");
        var patch = Path.Combine(work, "sample.diff");
        File.WriteAllText(patch, output[output.IndexOf("diff --git ", StringComparison.Ordinal)..]);
        GitRunner.Run(repo, "apply", "--check", patch).ExitCode.Should().Be(0, "the sample prints the patch as the fix agent planned it");
    }

    [Fact]
    public async Task Embedding_NoArguments_PrintsUsageAndExitsTwo()
    {
        var (code, output) = await ChildProcess.RunAsync("dotnet", [SampleDll()], RepositoryRoot.Path);

        code.Should().Be(2);
        output.Should().StartWith("usage: ");
    }

    [Fact]
    public void Program_IsShorterThanTheTwentyLinesTheStagesTookOneByOne()
    {
        File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "samples", "embedding", "Program.cs")).Should().HaveCountLessThan(20, "the loop is one call: HealLoop.RunAsync");
    }

    private static string Artifacts(string scenario) => Path.Combine(RepositoryRoot.Path, "samples", "artifacts", scenario);

    /// <summary>The sample built in the configuration this test binary was built in (bin/&lt;configuration&gt;/net10.0/).</summary>
    private static string SampleDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot.Path, "samples", "embedding", "bin", configuration, "net10.0", "Praxi.Embedding.dll");
        File.Exists(dll).Should().BeTrue($"the solution build compiles the sample to {dll}");
        return dll;
    }
}
