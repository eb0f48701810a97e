using System.Security.Cryptography;
using System.Text;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Bench.Logs;

namespace Praxi.FixEngine.Bench.Tests.Logs;

[Collection(HeavyBenchTests.Name)]
public sealed class LogGeneratorTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("log-gen");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Write_SameSeedAndSize_SameBytes()
    {
        var first = Hash(256 * 1024, seed: 42);

        var second = Hash(256 * 1024, seed: 42);

        second.Should().Be(first);
    }

    [Fact]
    public void Write_OtherSeed_OtherBytes()
    {
        var first = Hash(256 * 1024, seed: 42);

        var other = Hash(256 * 1024, seed: 43);

        other.Should().NotBe(first);
    }

    [Fact]
    public void Write_OneMegabyte_IsAboutThatSizeAndEndsWithTheFailure()
    {
        var path = Path.Combine(_temp.Path, "ci.log");

        LogGenerator.Write(path, 1_000_000);

        var bytes = File.ReadAllBytes(path);
        bytes.Length.Should().BeInRange(990_000, 1_010_000);
        var tail = Encoding.UTF8.GetString(bytes, bytes.Length - 4096, 4096);
        tail.Should().Contain(LogGenerator.RootCauseText).And.Contain("places an order");
        Encoding.UTF8.GetString(bytes).Should().Contain("npm warn deprecated").And.Contain("##[group]").And.Contain("\e[32m✓").And.Contain("[WebServer] GET /api/");
    }

    [Fact]
    public void Write_OneMegabyte_HoldsALongLine()
    {
        var path = Path.Combine(_temp.Path, "ci.log");

        LogGenerator.Write(path, 1_000_000);

        File.ReadLines(path).Max(l => l.Length).Should().BeGreaterThan(LogGenerator.LongLineBytes - 1024);
    }

    [Fact]
    public void WriteSingleLongLine_OneMiB_FirstLineIsOneMiBAndTheFailureFollows()
    {
        var path = Path.Combine(_temp.Path, "line.log");

        LogGenerator.WriteSingleLongLine(path, 1024 * 1024);

        var lines = File.ReadAllLines(path);
        Encoding.UTF8.GetByteCount(lines[0]).Should().BeGreaterThanOrEqualTo(1024 * 1024 - 300);
        lines.Skip(1).Should().Contain(l => l.Contains(LogGenerator.RootCauseText, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(3_000_000)]
    public void Analyze_GeneratedLog_FindsTheDatabaseFailureNearTheEnd(long size)
    {
        var path = Path.Combine(_temp.Path, "ci.log");
        LogGenerator.Write(path, size);
        var sut = new FailureAnalyzer();

        var report = sut.Analyze(path);

        AnalyzerProbe.FoundRootCause(report).Should().BeTrue(because: $"the run was classified {report.Classification.ErrorType}");
    }

    [Fact]
    public void Analyze_SingleLongLineLog_FindsTheDatabaseFailure()
    {
        var path = Path.Combine(_temp.Path, "line.log");
        LogGenerator.WriteSingleLongLine(path, 1024 * 1024);
        var sut = new FailureAnalyzer();

        var report = sut.Analyze(path);

        AnalyzerProbe.FoundRootCause(report).Should().BeTrue(because: $"the run was classified {report.Classification.ErrorType}");
    }

    private static string Hash(long size, int seed)
    {
        using var stream = new MemoryStream();
        LogGenerator.Write(stream, size, seed);
        return Convert.ToHexString(SHA256.HashData(stream.ToArray()));
    }
}
