using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Evaluation;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Evaluation;

/// <summary>
/// The same failure gets the same type, within 0.05 confidence, with and without the browser console output around it
/// (issue 18): on every sample scenario's committed artifacts and on every written excerpt.
/// </summary>
public sealed class ConsoleNoiseTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RepositoryRoot.Combine("samples", "artifacts")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void WrapFolder_SampleScenarioArtifacts_KeepTheirTypeAndConfidence(string scenario)
    {
        var source = RepositoryRoot.Combine("samples", "artifacts", scenario);
        var wrapped = ConsoleNoise.WrapFolder(source, _temp.Subfolder(), seed: 7);
        var sut = new FailureAnalyzer();

        var clean = sut.Analyze(source).Classification;
        var noisy = sut.Analyze(wrapped).Classification;

        noisy.ErrorType.Should().Be(clean.ErrorType);
        noisy.Confidence.Should().BeApproximately(clean.Confidence, 0.05);
        noisy.Failures.Select(f => (f.Test, f.ErrorType)).Should().BeEquivalentTo(clean.Failures.Select(f => (f.Test, f.ErrorType)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void WrapFolder_WrittenExcerpts_KeepTheirTypeAndConfidence(int seed)
    {
        var source = TestPaths.Fixtures("classification");
        var wrapped = ConsoleNoise.WrapFolder(source, _temp.Subfolder(), seed);
        var sut = new FailureAnalyzer();

        var clean = CorpusEvaluator.Evaluate(source, sut);
        var noisy = CorpusEvaluator.Evaluate(wrapped, sut);

        CorpusEvaluator.Moves(clean, noisy, 0.05).Select(m => $"{m.File}: {m.Before} {m.BeforeConfidence} → {m.After} {m.AfterConfidence}").Should().BeEmpty();
    }

    [Fact]
    public void WrapFolder_SameSeed_WritesTheSameBytes()
    {
        var source = TestPaths.Fixtures("classification");

        var first = ConsoleNoise.WrapFolder(source, _temp.Subfolder(), seed: 5);
        var second = ConsoleNoise.WrapFolder(source, _temp.Subfolder(), seed: 5);
        var other = ConsoleNoise.WrapFolder(source, _temp.Subfolder(), seed: 6);

        foreach (var file in Directory.EnumerateFiles(first))
        {
            File.ReadAllBytes(Path.Combine(second, Path.GetFileName(file))).Should().Equal(File.ReadAllBytes(file));
        }

        Directory.EnumerateFiles(first, "*.log").Should().Contain(f => File.ReadAllText(f) != File.ReadAllText(Path.Combine(other, Path.GetFileName(f))));
    }

    [Fact]
    public void WrapFolder_Excerpt_KeepsEveryLineInOrderAndAddsOnlyConsoleOutputAndPassingTests()
    {
        var source = TestPaths.Fixtures("classification");
        var wrapped = ConsoleNoise.WrapFolder(source, _temp.Subfolder(), seed: 9);

        var shapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.log"))
        {
            var original = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var lines = File.ReadAllText(Path.Combine(wrapped, Path.GetFileName(file))).Split('\n');
            var next = 0;
            foreach (var line in lines)
            {
                if (next < original.Length && line == original[next])
                {
                    next++;
                    continue;
                }

                (BrowserConsole.IsContext(line) || NoiseLines.IsNoise(line)).Should().BeTrue($"'{line}' was added to {Path.GetFileName(file)}");
                shapes.Add(line.TrimStart().Split(' ')[0]);
            }

            next.Should().Be(original.Length, $"every line of {Path.GetFileName(file)} is kept in order");
        }

        // Varied: the Playwright fixture, console.*, browser, Selenium, Cypress, page error and failed-request shapes all occur.
        shapes.Should().Contain(["[console]", "console.error:", "Browser", "[browser]", "browser", "cons:error", ">", "[pageerror]", "Request", "[requestfailed]"]);
        File.ReadAllText(Path.Combine(wrapped, "labels.json")).Should().Be(File.ReadAllText(Path.Combine(source, "labels.json")));
    }
}
