using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reading a runner's JSON report, shared by the JSON parsers: bounded in size, streamed past a BOM and past lines a
/// redirected stdout caught before the document, and every way it can be wrong said in one line.
/// </summary>
internal static class JsonReport
{
    /// <summary>Largest file read (the deserializers keep only the fields they need, but the text still streams through).</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>True when <paramref name="head"/> holds a JSON object: at its start, or after lines a redirected stdout caught first.</summary>
    /// <param name="head">The start of the file.</param>
    /// <param name="document">The head from the document's <c>{</c> on.</param>
    public static bool TryFindObject(string head, out string document)
    {
        var text = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        document = text;
        if (text.StartsWith('{'))
        {
            return true;
        }

        // `npx … --reporter=json > results.json` may catch a few lines (web server output) first.
        var start = text.IndexOf("\n{", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        document = text[(start + 1)..];
        return true;
    }

    /// <summary>Reads the report; a file too large, unreadable, malformed or of the wrong shape is one <see cref="FixEngineException"/> line.</summary>
    /// <param name="path">The file.</param>
    /// <param name="source">The file as the analysis names it.</param>
    /// <param name="type">The report's model.</param>
    /// <param name="what">The report's kind, for the message (<c>Playwright JSON report</c>).</param>
    /// <param name="remedy">What to do instead of a malformed report, for the message.</param>
    public static T Read<T>(string path, string source, JsonTypeInfo<T> type, string what, string remedy)
        where T : class
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxBytes)
        {
            throw new FixEngineException($"{source}: the {what} is larger than {MaxBytes / (1024 * 1024)} MiB; pass the runner's text output instead.");
        }

        T? report;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
            SkipToDocument(stream);
            report = JsonSerializer.Deserialize(stream, type);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            var problem = ex.Path is { Length: > 1 } field && ex.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? $"a value of the wrong type at {field}"
                : $"malformed JSON{where}";
            throw new FixEngineException($"{source}: not a valid {what} ({problem}); {remedy}.", ex);
        }
        catch (IOException ex)
        {
            throw new FixEngineException($"{source}: cannot read the file ({ex.Message}).", ex);
        }

        return report ?? throw new FixEngineException($"{source}: not a valid {what} (the document is null); {remedy}.");
    }

    /// <summary>Positions the stream at the document: past a BOM and past lines printed before a line that starts with <c>{</c>.</summary>
    private static void SkipToDocument(FileStream stream)
    {
        var head = new byte[64 * 1024];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var span = head.AsSpan(0, read);
        var offset = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var first = span[offset..].IndexOfAnyExcept(" \t\r\n"u8);
        if (first >= 0 && span[offset + first] != (byte)'{')
        {
            var line = span[offset..].IndexOf("\n{"u8);
            offset = line >= 0 ? offset + line + 1 : offset;
        }

        stream.Position = offset;
    }
}
