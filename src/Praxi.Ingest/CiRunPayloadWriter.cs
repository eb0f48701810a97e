using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Praxi.FixEngine;

namespace Praxi.Ingest;

/// <summary>
/// Writes a <see cref="CiRunPayload"/> as the contract's JSON with a streaming <see cref="Utf8JsonWriter"/>, one file
/// at a time, so the body never exists twice in memory; what it writes reads back through <see cref="CiRunPayloadReader"/>
/// unchanged. Text goes out as UTF-8 with only JSON's own escapes (quotes, backslashes, control characters, and
/// characters outside the Basic Multilingual Plane), so its size is predictable: <c>StringValueBytes</c> and
/// <see cref="FileBytes"/> give the exact number of bytes a value or a file entry takes.
/// </summary>
internal static class CiRunPayloadWriter
{
    /// <summary>The escaping: JSON's, not HTML's (the body never lands in a page), so non-ASCII text stays one-to-one.</summary>
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>Writes <paramref name="payload"/> to <paramref name="stream"/>, flushing after every file.</summary>
    /// <exception cref="FixEngineException">A <c>utf-8</c> file's content is not valid UTF-8.</exception>
    public static async Task WriteAsync(Stream stream, CiRunPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(payload);
        var writer = new Utf8JsonWriter(stream, Options);
        await using var disposing = writer.ConfigureAwait(false);
        writer.WriteStartObject();
        WriteMetadata(writer, payload);
        foreach (var (name, files) in new[] { ("logs", payload.Logs), ("artifacts", payload.Artifacts) })
        {
            writer.WriteStartArray(name);
            foreach (var file in files)
            {
                WriteFile(writer, file);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run's id and the metadata it has, the same in the body and in its size.</summary>
    private static void WriteMetadata(Utf8JsonWriter writer, CiRunPayload payload)
    {
        writer.WriteString("run_id", payload.RunId);
        WriteOptional(writer, "repository", payload.Repository);
        WriteOptional(writer, "commit_sha", payload.CommitSha);
        WriteOptional(writer, "branch", payload.Branch);
        WriteOptional(writer, "workflow", payload.Workflow);
        WriteOptional(writer, "job", payload.Job);
        WriteOptional(writer, "conclusion", payload.Conclusion);
    }

    /// <summary>The bytes of the whole payload without its files' entries: the fixed cost of a body.</summary>
    public static long EnvelopeBytes(CiRunPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteMetadata(writer, payload);
            writer.WriteStartArray("logs");
            writer.WriteEndArray();
            writer.WriteStartArray("artifacts");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenCount;
    }

    /// <summary>
    /// The exact bytes one file's entry adds to the body, the separating comma included:
    /// <c>,{"name":…,"content":…,"encoding":…}</c>.
    /// </summary>
    public static long FileBytes(string name, long contentValueBytes, string encoding) =>
        1 + "{\"name\":".Length + StringValueBytes(name) + ",\"content\":".Length + contentValueBytes
        + ",\"encoding\":\"".Length + encoding.Length + "\"}".Length;

    /// <summary>The bytes of <paramref name="bytes"/> written as a base64 JSON string, quotes included.</summary>
    public static long Base64ValueBytes(long bytes) => 2 + ((bytes + 2) / 3 * 4);

    /// <summary>The bytes of <paramref name="text"/> written as a JSON string value, quotes included.</summary>
    public static long StringValueBytes(string text) => 2 + EscapedBytes(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>The bytes of UTF-8 <paramref name="utf8"/> written as a JSON string value, quotes included.</summary>
    /// <exception cref="FixEngineException">The bytes are not valid UTF-8.</exception>
    public static long StringValueBytes(ReadOnlySpan<byte> utf8) => 2 + EscapedBytes(utf8);

    /// <summary>
    /// The escaped size of each code point of <paramref name="utf8"/>, in order: escaping is per code point, so sums of
    /// these are the escaped size of any slice that starts and ends on code point boundaries.
    /// </summary>
    public static long EscapedBytes(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw new FixEngineException("A text file's content is not valid UTF-8; send it as base64.");
        }

        // Measure in chunks that end on a code point boundary so the scratch buffer stays small.
        const int Chunk = 64 * 1024;
        var buffer = new ArrayBufferWriter<byte>(Chunk * 2);
        using var writer = new Utf8JsonWriter(buffer, Options);
        long total = 0;
        while (!utf8.IsEmpty)
        {
            var take = Math.Min(Chunk, utf8.Length);
            while (take < utf8.Length && (utf8[take] & 0xC0) == 0x80)
            {
                take--;
            }

            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStringValue(utf8[..take]);
            writer.Flush();
            total += buffer.WrittenCount - 2;
            utf8 = utf8[take..];
        }

        return total;
    }

    private static void WriteFile(Utf8JsonWriter writer, CiRunFile file)
    {
        writer.WriteStartObject();
        writer.WriteString("name", file.Name);
        if (file.Encoding == "base64")
        {
            writer.WriteBase64String("content", file.Content.Span);
            writer.WriteString("encoding", "base64");
        }
        else
        {
            if (!System.Text.Unicode.Utf8.IsValid(file.Content.Span))
            {
                throw new FixEngineException($"The text file '{file.Name}' is not valid UTF-8; send it as base64.");
            }

            writer.WriteString("content", file.Content.Span);
            writer.WriteString("encoding", "utf-8");
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
