using System.Text;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class LogLineReaderTests
{
    [Fact]
    public void TryRead_AnsiCrLfAndActionsTimestamps_YieldsCleanNumberedLines()
    {
        var text = "2026-01-02T10:11:12.1234567Z \u001b[31mError: boom\u001b[39m\r\nplain\r\n\u001b]8;;http://x\u0007link\u001b]8;;\u0007\n";

        var lines = ReadAll(Encoding.UTF8.GetBytes(text));

        lines.Should().Equal(new LogLine(1, "Error: boom"), new LogLine(2, "plain"), new LogLine(3, "link"));
    }

    [Fact]
    public void TryRead_LineLongerThanTheCap_KeepsItsHeadAndTheLinesAfterIt()
    {
        var longLine = new string('x', 1024 * 1024);
        var bytes = Encoding.UTF8.GetBytes($"first\n{longLine}\nError: after the long line\n");
        using var sut = new LogLineReader(new MemoryStream(bytes));

        var lines = new List<LogLine>();
        while (sut.TryRead(out var line))
        {
            lines.Add(line);
        }

        lines.Should().HaveCount(3);
        lines[1].Text.Length.Should().Be(LogLineReader.MaxLineBytes);
        lines[2].Should().Be(new LogLine(3, "Error: after the long line"));
        sut.TruncatedLines.Should().Be(1);
    }

    [Fact]
    public void TryRead_InvalidUtf8AndBom_ReplacesBadBytesAndDropsTheBom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'a', 0xFF, 0xFE, (byte)'b', (byte)'\n', 0xC3, (byte)'\n', (byte)'z'];

        var lines = ReadAll(bytes);

        lines.Select(l => l.Text).Should().Equal("a\uFFFD\uFFFDb", "\uFFFD", "z");
    }

    [Fact]
    public void TryRead_NoFinalNewline_ReturnsTheLastLine()
    {
        var lines = ReadAll(Encoding.UTF8.GetBytes("a\nb"));

        lines.Select(l => l.Text).Should().Equal("a", "b");
    }

    private static List<LogLine> ReadAll(byte[] bytes)
    {
        using var sut = new LogLineReader(new MemoryStream(bytes));
        var lines = new List<LogLine>();
        while (sut.TryRead(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }
}
