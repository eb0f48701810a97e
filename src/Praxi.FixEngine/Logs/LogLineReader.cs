using System.Buffers;
using System.Text;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Streams a log line by line without loading it whole: a fixed buffer, lines longer than
/// <see cref="MaxLineBytes"/> kept only up to that length, invalid UTF-8 replaced, CR, ANSI codes and
/// GitHub Actions timestamps removed.
/// </summary>
internal sealed class LogLineReader : IDisposable
{
    /// <summary>Bytes of one line kept for analysis; the rest of a longer line is skipped, not read into memory.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int BufferSize = 1024 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private const byte Esc = 0x1B;

    private readonly byte[] _buffer;

    /// <summary>Room for one line without its ANSI codes (never longer than the line).</summary>
    private readonly byte[] _scratch = new byte[MaxLineBytes];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skippingRestOfLine;
    private int _lineNumber;

    public LogLineReader(Stream stream, bool ownsStream = true)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lines that were longer than <see cref="MaxLineBytes"/> and were cut.</summary>
    public int TruncatedLines { get; private set; }

    public static LogLineReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan));

    /// <summary>Reads the next line; false at the end of the stream.</summary>
    public bool TryRead(out LogLine line)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var bytes = span[..newline];
                _start += newline + 1;
                if (_skippingRestOfLine)
                {
                    _skippingRestOfLine = false;
                    continue;
                }

                if (bytes.Length > MaxLineBytes)
                {
                    // The whole line happened to be buffered: cut it like one that was not.
                    bytes = bytes[..MaxLineBytes];
                    TruncatedLines++;
                }

                line = MakeLine(bytes);
                return true;
            }

            if (_skippingRestOfLine)
            {
                _start = _end = 0;
            }
            else if (_end - _start >= MaxLineBytes)
            {
                // A very long line: keep its head, skip the rest without buffering it.
                var head = _buffer.AsSpan(_start, MaxLineBytes);
                line = MakeLine(head);
                TruncatedLines++;
                _start = _end = 0;
                _skippingRestOfLine = true;
                return true;
            }

            if (_eof)
            {
                if (_end > _start && !_skippingRestOfLine)
                {
                    var rest = _buffer.AsSpan(_start, _end - _start);
                    _start = _end;
                    line = MakeLine(rest);
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        var read = _stream.Read(_buffer, _end, Math.Min(BufferSize, _buffer.Length) - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        BytesRead += read;
    }

    private LogLine MakeLine(ReadOnlySpan<byte> bytes)
    {
        _lineNumber++;
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (_lineNumber == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return new LogLine(_lineNumber, Decode(bytes));
    }

    /// <summary>
    /// Decodes and cleans a line with one string allocation: ANSI codes and the timestamp are removed from the
    /// bytes. Gives exactly <c>LogText.Clean(Utf8.GetString(bytes))</c>: the byte path is taken only for valid
    /// UTF-8, where escape sequences (ASCII) sit between whole characters; anything else takes the string path.
    /// </summary>
    private string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        if (bytes.Contains(Esc))
        {
            if (!System.Text.Unicode.Utf8.IsValid(bytes) || !LogText.TryStripAnsi(bytes, _scratch, out var written))
            {
                return LogText.Clean(Utf8.GetString(bytes));
            }

            bytes = _scratch.AsSpan(0, written);
        }

        var prefix = LogText.TimestampPrefixLength(bytes);
        return prefix == bytes.Length ? string.Empty : Utf8.GetString(bytes[prefix..]);
    }
}
