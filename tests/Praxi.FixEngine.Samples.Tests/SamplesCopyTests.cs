using System.Diagnostics;
using Praxi.FixEngine.Samples.Tests.Running;
using Xunit.Abstractions;

namespace Praxi.FixEngine.Samples.Tests;

/// <summary>
/// The patch-and-rerun harness: a committed copy of the samples where a patch goes in with real <c>git apply</c> and a
/// scenario reruns from the copy, judged by "the suite passes now" with the breakage still on.
/// </summary>
[Collection(ScenarioRunner.Name)]
public sealed class SamplesCopyTests(ITestOutputHelper output)
{
    private const string ProductPage = "samples/e2e-ts/tests/pages/product-page.ts";

    [Fact]
    public void Create_Repository_CopiesWhatRunShNeedsIntoACleanCommit()
    {
        using var sut = SamplesCopy.Create();

        File.Exists(sut.PathOf("samples/scenarios/run.sh")).Should().BeTrue();
        File.Exists(sut.PathOf("samples/scenarios/renamed-selector/scenario.json")).Should().BeTrue();
        File.Exists(sut.PathOf("samples/PraxiShop/PraxiShop.csproj")).Should().BeTrue();
        File.Exists(sut.PathOf("samples/e2e-dotnet/PraxiShop.E2E.csproj")).Should().BeTrue();
        File.Exists(sut.PathOf("Directory.Build.props")).Should().BeTrue("samples/Directory.Build.props imports the root props");
        File.ReadAllText(sut.PathOf(ProductPage)).Should().Be(File.ReadAllText(Path.Combine(RepositoryRoot.Path, ProductPage)));
        Directory.Exists(sut.PathOf("samples/artifacts")).Should().BeFalse("the committed artifacts are not needed to run a scenario");
        Directory.EnumerateDirectories(sut.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(Path.GetFileName).Should().NotContain(["bin", "obj", "test-results"]);
        File.Exists(sut.PathOf("samples/e2e-ts/node_modules/@playwright/test/package.json")).Should().BeTrue("node_modules links to the repository's");
        GitRunner.Check(sut.Root, "rev-parse", "--show-toplevel").Trim().Should().Be(sut.Root);
        GitRunner.Check(sut.Root, "status", "--porcelain").Should().BeEmpty();
        GitRunner.Check(sut.Root, "ls-files").Should().Contain("samples/scenarios/run.sh").And.Contain(ProductPage);
    }

    [Fact]
    public void Apply_PatchThatDoesNotMatchTheCopy_ThrowsWithGitsMessageAndChangesNothing()
    {
        using var sut = SamplesCopy.Create();
        const string patch = """
            diff --git a/samples/e2e-ts/tests/pages/product-page.ts b/samples/e2e-ts/tests/pages/product-page.ts
            --- a/samples/e2e-ts/tests/pages/product-page.ts
            +++ b/samples/e2e-ts/tests/pages/product-page.ts
            @@ -1,3 +1,3 @@
             this line is not in the file
            -nor is this one
            +so the patch cannot apply
             and it must change nothing

            """;

        var act = () => sut.Apply(patch);

        act.Should().Throw<InvalidOperationException>().WithMessage("git apply --check * failed*patch does not apply*");
        GitRunner.Check(sut.Root, "status", "--porcelain").Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_RenamedSelectorWithAHandWrittenPatch_TheTypeScriptSuitePassesOnlyOnceThePatchIsApplied()
    {
        Chromium.Require();
        var manifest = ScenarioManifest.Load("renamed-selector");
        using var sut = SamplesCopy.Create();
        output.WriteLine($"copy made in {sut.CopyTime.TotalSeconds:F1} s at {sut.Root}");

        var clock = Stopwatch.StartNew();
        using var unpatched = await sut.RunAsync("renamed-selector", "ts", RunExpectation.Pass);
        Log("unpatched run (builds PraxiShop in the copy)", clock.Elapsed, unpatched);

        unpatched.ExitCode.Should().Be(1, "the breakage fails the unpatched suite, so --expect pass fails; output:\n{0}", unpatched.Output);
        unpatched.Verdict.Should().Be("unexpected-failure");
        unpatched.Root.Should().Be(sut.Root);
        unpatched.SuiteNamed("ts").Passed.Should().BeFalse();
        unpatched.SuiteNamed("ts").Failed.Select(t => t.Test).Should().BeEquivalentTo(manifest.Ts.Select(e => e.Test));

        var file = sut.PathOf(ProductPage);
        var original = File.ReadAllText(file);
        original.Should().Contain("'#add-to-cart'");
        File.WriteAllText(file, original.Replace("'#add-to-cart'", "'#add-to-basket'", StringComparison.Ordinal));
        var patch = sut.Diff();
        sut.Reset();
        File.ReadAllText(file).Should().Be(original);
        patch.Should().Contain($"+++ b/{ProductPage}").And.Contain("-    readonly addToCart = page.locator('#add-to-cart'),")
            .And.Contain("+    readonly addToCart = page.locator('#add-to-basket'),");

        sut.Apply(patch);

        File.ReadAllText(file).Should().Contain("'#add-to-basket'").And.NotContain("'#add-to-cart'");
        GitRunner.Check(sut.Root, "diff", "--name-only").Trim().Should().Be(ProductPage);
        clock.Restart();
        using var patched = await sut.RunAsync("renamed-selector", "ts", RunExpectation.Pass);
        Log("patched run", clock.Elapsed, patched);

        patched.ExitCode.Should().Be(0, "the patched suite passes against the renamed button; failures:\n{0}\nrun.sh said:\n{1}", patched.FailureSummary, patched.Output);
        patched.Verdict.Should().Be("ok");
        var ts = patched.SuiteNamed("ts");
        ts.Passed.Should().BeTrue();
        ts.Tests.Should().HaveCount(unpatched.SuiteNamed("ts").Tests.Count).And.OnlyContain(t => t.Status == "expected");
        patched.Read("server.log").Should().Contain("PRAXISHOP_BREAK=renamed-selector", "the breakage is still switched on");
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, ProductPage)).Should().Be(original, "the repository itself is never patched");
    }

    /// <summary>The wall time and run.sh's own timestamped steps, to see what a rerun costs (building vs. running).</summary>
    private void Log(string what, TimeSpan elapsed, ScenarioRun run)
    {
        output.WriteLine($"{what}: {elapsed.TotalSeconds:F1} s");
        foreach (var line in run.Output.Split('\n').Where(l => l.StartsWith("[run.sh ", StringComparison.Ordinal)))
        {
            output.WriteLine("  " + line.TrimEnd());
        }
    }
}
