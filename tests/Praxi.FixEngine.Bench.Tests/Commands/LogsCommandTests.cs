using System.Text.Json;
using Praxi.FixEngine.Cli;

namespace Praxi.FixEngine.Bench.Tests.Commands;

[Collection(HeavyBenchTests.Name)]
public sealed class LogsCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("bench-logs");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_OneMegabyteInChildProcesses_PrintsTableWithTheFailureFound()
    {
        var (code, output, error) = await BenchRun.RunAsync("logs", "--sizes", "1MB", "--dir", _temp.Path);

        code.Should().Be(ExitCodes.Success, because: error);
        output.Should().Contain("praxi bench logs").And.Contain("grep -c").And.Contain("ratio").And.Contain("1 MiB single line");
        output.Split('\n').Should().Contain(l => l.StartsWith("1MB ", StringComparison.Ordinal) && l.Contains("yes (db)", StringComparison.Ordinal));
        output.Split('\n').Should().Contain(l => l.StartsWith("1MiB-line ", StringComparison.Ordinal) && l.Contains("yes (db)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Json_PrintsOneObjectWithEveryFigure()
    {
        var (code, output, error) = await BenchRun.RunAsync("logs", "--sizes", "1MB", "--dir", _temp.Path, "--json", "--in-process");

        code.Should().Be(ExitCodes.Success, because: error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("anchors").GetInt32().Should().BeGreaterThan(100);
        var size = root.GetProperty("sizes")[0];
        size.GetProperty("label").GetString().Should().Be("1MB");
        size.GetProperty("bytes").GetInt64().Should().BeInRange(990_000, 1_010_000);
        var analyzer = size.GetProperty("analyzer");
        foreach (var key in (string[])["runs", "median_ms", "mb_per_s", "peak_rss_bytes", "allocated_bytes", "error_type", "root_cause_found"])
        {
            analyzer.TryGetProperty(key, out _).Should().BeTrue(because: $"analyzer.{key} is reported");
        }

        analyzer.GetProperty("error_type").GetString().Should().Be("database");
        analyzer.GetProperty("root_cause_found").GetBoolean().Should().BeTrue();
        var grep = size.GetProperty("grep");
        foreach (var key in (string[])["available", "runs", "median_ms", "mb_per_s", "matches"])
        {
            grep.TryGetProperty(key, out _).Should().BeTrue(because: $"grep.{key} is reported");
        }

        size.TryGetProperty("ratio", out _).Should().BeTrue();
        root.GetProperty("single_line").GetProperty("analyzer").GetProperty("root_cause_found").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Run_WithoutKeep_LeavesNoFiles()
    {
        var (code, _, error) = await BenchRun.RunAsync("logs", "--sizes", "64KB", "--dir", _temp.Path, "--in-process");

        code.Should().Be(ExitCodes.Success, because: error);
        Directory.EnumerateFileSystemEntries(_temp.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Run_Keep_LeavesLogsAndAnchors()
    {
        var (code, _, error) = await BenchRun.RunAsync("logs", "--sizes", "64KB", "--dir", _temp.Path, "--in-process", "--keep");

        code.Should().Be(ExitCodes.Success, because: error);
        Directory.EnumerateFiles(_temp.Path).Select(Path.GetFileName).Should().BeEquivalentTo("anchors.txt", "ci-64kb.log", "one-1mib-line.log");
        File.ReadAllLines(Path.Combine(_temp.Path, "anchors.txt")).Should().Contain("does not exist");
    }

    [Fact]
    public async Task Run_BadSize_OneLineAndExitCode2()
    {
        var (code, output, error) = await BenchRun.RunAsync("logs", "--sizes", "lots");

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Trim().Should().StartWith("praxi: 'lots' is not a size").And.NotContain("\n");
    }

}
