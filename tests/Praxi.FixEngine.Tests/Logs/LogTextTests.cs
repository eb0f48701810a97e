using System.Text;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("2026-01-02T10:11:12.1234567Z rest", 29)]
    [InlineData("2026-01-02T10:11:12Z rest", 0)]
    [InlineData("2026-01-02T10:11:12.730Z rest", 0)]
    [InlineData("2026-01-02T10:11:12 rest", 0)]
    [InlineData("2026-01-02 10:11:12 rest", 0)]
    [InlineData("2026-01-02T10:11:12", 0)]
    [InlineData("short", 0)]
    public void TimestampPrefixLength_BytesAndChars_Agree(string text, int expected)
    {
        var chars = LogText.TimestampPrefixLength(text);

        var bytes = LogText.TimestampPrefixLength(Encoding.UTF8.GetBytes(text));

        chars.Should().Be(expected);
        bytes.Should().Be(expected);
    }

    [Theory]
    [InlineData("\e[31mred\e[39m plain")]
    [InlineData("\e]8;;u\e\\x\e]8;;\e\\")]
    [InlineData("a\e(Bb")]
    [InlineData("✓ \e[32mok\e[0m ✓")]
    public void TryStripAnsi_Bytes_SameAsStripAnsiOnText(string text)
    {
        var source = Encoding.UTF8.GetBytes(text);
        var destination = new byte[source.Length];

        var ok = LogText.TryStripAnsi(source, destination, out var written);

        ok.Should().BeTrue();
        Encoding.UTF8.GetString(destination, 0, written).Should().Be(LogText.StripAnsi(text));
    }

    [Fact]
    public void TryStripAnsi_EscapeBeforeNonAscii_DeclinesForTheTextPath()
    {
        var source = Encoding.UTF8.GetBytes("a\eéb");

        var ok = LogText.TryStripAnsi(source, new byte[source.Length], out _);

        ok.Should().BeFalse();
    }
}
