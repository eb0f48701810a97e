using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine;

/// <summary>The reading side that the library's learned-weights files share: the embedded copy and the JSON rules.</summary>
internal static class WeightsFiles
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The options to write a weights file with (indented or not).</summary>
    public static JsonSerializerOptions Writing(bool indented) => indented ? new JsonSerializerOptions(Options) { WriteIndented = true } : Options;

    /// <summary>Reads the library's embedded weights file <paramref name="name"/> with <paramref name="read"/>.</summary>
    public static T Embedded<T>(string name, Func<Stream, string, T> read)
    {
        using var stream = typeof(WeightsFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the library lacks its embedded weights {name}");
        return read(stream, name);
    }

    /// <summary>Deserializes a weights file; invalid JSON is one line naming <paramref name="what"/> and where it came from.</summary>
    public static T? Deserialize<T>(Stream stream, string what, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Options);
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"{what} '{where}' is not valid JSON ({ex.Message}).", ex);
        }
    }
}
