namespace Praxi.FixEngine.Bench.Tests;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("1MB", 1_000_000)]
    [InlineData("100MB", 100_000_000)]
    [InlineData("1GB", 1_000_000_000)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("512kb", 512_000)]
    [InlineData("1.5GiB", 1_610_612_736)]
    public void Parse_SizeWithUnit_Bytes(string text, long expected)
    {
        var bytes = ByteSize.Parse(text);

        bytes.Should().Be(expected);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("MB")]
    [InlineData("-1MB")]
    [InlineData("0MB")]
    [InlineData("100TB")]
    public void Parse_NotASize_ThrowsNamingIt(string text)
    {
        var act = () => ByteSize.Parse(text);

        act.Should().Throw<FixEngineException>().WithMessage($"'{text}'*");
    }

    [Fact]
    public void ParseList_CommaSeparated_KeepsLabelsInOrder()
    {
        var sizes = ByteSize.ParseList("1MB, 100MB,1GB");

        sizes.Select(s => s.Label).Should().Equal("1MB", "100MB", "1GB");
    }
}
