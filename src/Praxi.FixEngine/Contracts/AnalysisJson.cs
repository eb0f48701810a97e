using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>Reads and writes <c>analysis.json</c> (snake_case, enums as snake_case strings, nulls left out).</summary>
public static class AnalysisJson
{
    /// <summary>The serializer settings of every contract file.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(AnalysisReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="FixEngineException">The text is not a valid analysis.</exception>
    public static AnalysisReport Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<AnalysisReport>(json, Options) ?? throw new FixEngineException("The analysis is empty (JSON null).");
        }
        catch (JsonException ex)
        {
            // A converter's own message (an unknown locator "by") carries no position; the serializer's messages do.
            var where = ex.Path is null || ex.Message.Contains(" Path: ", StringComparison.Ordinal) ? string.Empty : $" (at {ex.Path})";
            throw new FixEngineException($"The analysis is not valid JSON of the analysis.json contract: {ex.Message}{where}", ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
