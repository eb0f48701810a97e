using System.Text.Json;
using Praxi.FixEngine.Cli;

namespace Praxi.FixEngine.Bench.Tests.Commands;

[Collection(HeavyBenchTests.Name)]
public sealed class RewriteCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("bench-rewrite");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_TinySizesJson_PrintsEveryFigureOfEveryInput()
    {
        var (code, output, error) = await BenchRun.RunAsync("rewrite", "--lines", "60", "--files", "4", "--dir", _temp.Path, "--in-process", "--json");

        code.Should().Be(ExitCodes.Success, because: error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var key in (string[])["seed", "cores", "load_average", "target_ratio", "cases"])
        {
            root.TryGetProperty(key, out _).Should().BeTrue(because: $"{key} is reported");
        }

        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        cases.Select(c => c.GetProperty("label").GetString()).Should().Equal("cs-file", "ts-file", "repository");
        foreach (var c in cases)
        {
            foreach (var key in (string[])["files", "lines", "bytes", "runs", "rewrite_median_ms", "rewrite_mb_per_s", "parse_median_ms", "parse_mb_per_s", "ratio", "detail"])
            {
                c.TryGetProperty(key, out _).Should().BeTrue(because: $"{c.GetProperty("label")}.{key} is reported");
            }

            c.GetProperty("ok").GetBoolean().Should().BeTrue(because: c.GetProperty("detail").GetString());
        }

        cases[2].GetProperty("files").GetInt32().Should().Be(4);
        Directory.EnumerateFileSystemEntries(_temp.Path).Should().BeEmpty(because: "the input is removed without --keep");
    }

    [Fact]
    public async Task Run_TinySizes_PrintsTheTableBesideTheParse()
    {
        var (code, output, error) = await BenchRun.RunAsync("rewrite", "--lines", "60", "--files", "2", "--dir", _temp.Path, "--in-process");

        code.Should().Be(ExitCodes.Success, because: error);
        output.Should().Contain("praxi bench rewrite").And.Contain("rewrite").And.Contain("parse").And.Contain("ratio").And.Contain("target ≥ 0.50");
        output.Split('\n').Should().Contain(l => l.StartsWith("cs-file ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("yes", StringComparison.Ordinal));
        output.Split('\n').Should().Contain(l => l.StartsWith("ts-file ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("yes", StringComparison.Ordinal));
        output.Split('\n').Should().Contain(l => l.StartsWith("repository ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("yes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_LinesTooSmall_OneLineOnStderr()
    {
        var (code, output, error) = await BenchRun.RunAsync("rewrite", "--lines", "3");

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Trim().Should().StartWith("praxi: --lines must be between").And.NotContain("\n");
    }
}
