using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Praxi.Ingest;

namespace Praxi.DeveloperAgent;

/// <summary>Content digests of payloads and the line cap of stored text.</summary>
internal static class RunContent
{
    /// <summary>
    /// SHA-256 over the payload's meaning (metadata, then every file's name and bytes in order), not its JSON text:
    /// the same run re-sent with other whitespace or field order is the same content.
    /// </summary>
    public static string Sha256(CiRunPayload payload)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in new[] { payload.RunId, payload.Repository, payload.CommitSha, payload.Branch, payload.Workflow, payload.Job, payload.Conclusion })
        {
            AppendString(hash, field);
        }

        foreach (var files in new[] { payload.Logs, payload.Artifacts })
        {
            AppendLength(hash, files.Count);
            foreach (var file in files)
            {
                AppendString(hash, file.Name);
                AppendLength(hash, file.Content.Length);
                hash.AppendData(file.Content.Span);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Cuts every line longer than <paramref name="maxLineBytes"/> (at a UTF-8 boundary) and appends
    /// <c>…[praxi: truncated N bytes]</c>; returns the input itself when no line is too long.
    /// </summary>
    public static ReadOnlyMemory<byte> TruncateLines(ReadOnlyMemory<byte> content, int maxLineBytes, out int truncatedLines)
    {
        truncatedLines = 0;
        var span = content.Span;
        if (span.Length <= maxLineBytes || !HasLongLine(span, maxLineBytes))
        {
            return content;
        }

        using var output = new MemoryStream(span.Length);
        var start = 0;
        while (start < span.Length)
        {
            var newline = span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? span.Length : start + newline;
            var line = span[start..end];
            if (line.Length > maxLineBytes)
            {
                var cut = maxLineBytes;
                while (cut > 0 && (line[cut] & 0xC0) == 0x80)
                {
                    cut--;
                }

                output.Write(line[..cut]);
                output.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"…[praxi: truncated {line.Length - cut} bytes]")));
                truncatedLines++;
            }
            else
            {
                output.Write(line);
            }

            if (newline < 0)
            {
                break;
            }

            output.WriteByte((byte)'\n');
            start = end + 1;
        }

        return output.ToArray();
    }

    private static bool HasLongLine(ReadOnlySpan<byte> span, int max)
    {
        while (span.Length > max)
        {
            var newline = span.IndexOf((byte)'\n');
            if (newline < 0 || newline > max)
            {
                return true;
            }

            span = span[(newline + 1)..];
        }

        return false;
    }

    private static void AppendString(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            AppendLength(hash, -1);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        AppendLength(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendLength(IncrementalHash hash, long length)
    {
        Span<byte> buffer = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(buffer, length);
        hash.AppendData(buffer);
    }
}
