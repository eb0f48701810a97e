using Praxi.Ingest.ShipLogs;

namespace Praxi.Ingest.Tests.ShipLogs;

public sealed class ByteCountTests
{
    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(9_999, "9999 bytes")]
    [InlineData(10_000, "10 KB")]
    [InlineData(999_999, "999 KB")]
    [InlineData(1_000_000, "1.0 MB")]
    [InlineData(25_000_000, "25.0 MB")]
    public void Format_Count_IsDecimalUnitsForAPerson(long bytes, string expected) => ByteCount.Format(bytes).Should().Be(expected);
}
