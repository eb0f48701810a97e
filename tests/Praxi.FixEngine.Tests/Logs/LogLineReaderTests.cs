using System.Text;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

public sealed class LogLineReaderTests
{
    public static TheoryData<string> Lines => new()
    {
        "plain line",
        "2026-01-02T10:11:12.1234567Z ##[group]Run npm ci",
        "2026-01-02T10:11:12Z  ✓  12 [chromium] › cart.spec.ts:10:5 › adds to cart (1.2s)",
        "2026-01-02T10:11:12.1234567Z \e[32m✓\e[39m  \e[2m12 [chromium] › a.spec.ts:1:1 › x\e[22m",
        "\e[2m2026-01-02T10:11:12.1Z \e[22mError: boom",
        "\e]8;;https://example.test\e\\link\e]8;;\e\\ done",
        "\e]0;title\u0007after osc",
        "trailing escape \e",
        "\e[31",
        "\e(B two-byte escape",
        "\eé escape then non-ASCII",
        "\e[1;2é3m CSI with non-ASCII inside",
        "2026-01-02T10:11:12 ",
        "2026-01-02T10:11:12é",
        "2026-01-02T10:11:12.1234567Z ",
        "",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void TryRead_Line_SameTextAsCleaningTheDecodedString(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");

        var text = ReadAll(bytes).Single();

        text.Should().Be(LogText.Clean(line));
    }

    [Fact]
    public void TryRead_InvalidUtf8BesideEscapes_SameTextAsCleaningTheDecodedString()
    {
        byte[] line = [0xC3, 0x1B, (byte)'[', (byte)'0', (byte)'m', 0xA9, (byte)'x', 0xFF, 0x1B, (byte)'[', (byte)'1', (byte)'m', (byte)'y'];
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        var text = ReadAll([.. line, (byte)'\n']).Single();

        text.Should().Be(LogText.Clean(utf8.GetString(line)));
    }

    [Fact]
    public void TryRead_BomCrAndLastLineWithoutNewline_Removed()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "first\r\nsecond"u8];

        var lines = ReadAll(bytes);

        lines.Should().Equal("first", "second");
    }

    [Fact]
    public void TryRead_LineLongerThanTheCap_KeepsTheHeadAndTheNextLine()
    {
        var longLine = new string('a', LogLineReader.MaxLineBytes * 3);

        var lines = ReadAll(Encoding.UTF8.GetBytes(longLine + "\nnext\n"));

        lines.Should().HaveCount(2);
        lines[0].Should().HaveLength(LogLineReader.MaxLineBytes);
        lines[1].Should().Be("next");
    }

    [Fact]
    public void TryRead_OneMiBLineThenAnError_CountsTheCutAndKeepsLineNumbers()
    {
        var bytes = Encoding.UTF8.GetBytes($"first\n{new string('x', 1024 * 1024)}\nError: after the long line\n");
        using var sut = new LogLineReader(new MemoryStream(bytes));

        var lines = new List<LogLine>();
        while (sut.TryRead(out var line))
        {
            lines.Add(line);
        }

        lines.Should().HaveCount(3);
        lines[2].Should().Be(new LogLine(3, "Error: after the long line"));
        sut.TruncatedLines.Should().Be(1);
    }

    [Fact]
    public void TryRead_ServerTimestamp_IsKeptWhileActionsTimestampIsRemoved()
    {
        var lines = ReadAll(Encoding.UTF8.GetBytes("2026-11-25T18:21:55.730Z fail: x\n2026-11-25T18:21:55.7301234Z Error: y\n"));

        lines.Should().Equal("2026-11-25T18:21:55.730Z fail: x", "Error: y");
    }

    private static List<string> ReadAll(byte[] bytes)
    {
        using var sut = new LogLineReader(new MemoryStream(bytes));
        var lines = new List<string>();
        while (sut.TryRead(out var line))
        {
            lines.Add(line.Text);
        }

        return lines;
    }
}
