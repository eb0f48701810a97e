using System.Text.Json;

namespace Praxi.FixEngine.Contracts;

/// <summary>Reads and writes the fix agent's files (<c>input.json</c>, <c>metadata-&lt;run_id&gt;.json</c>) with the contract settings of <see cref="AnalysisJson.Options"/>.</summary>
public static class FixJson
{
    /// <summary>Serialises metadata.</summary>
    /// <param name="metadata">The metadata.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(FixMetadata metadata) => JsonSerializer.Serialize(metadata, AnalysisJson.Options);

    /// <summary>Serialises a prepared input.</summary>
    /// <param name="input">The input.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(FixInput input) => JsonSerializer.Serialize(input, AnalysisJson.Options);

    /// <summary>Reads metadata.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="FixEngineException">The text is not metadata of the contract.</exception>
    public static FixMetadata DeserializeMetadata(string json) => Read<FixMetadata>(json, "fix metadata");

    /// <summary>Reads either an <c>analysis.json</c> (its <c>fix_agent_instructions</c>) or a prepared <c>input.json</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The input (paths not yet resolved when it came from an analysis).</returns>
    /// <exception cref="FixEngineException">The text is neither.</exception>
    public static FixInput ReadInput(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"the analysis is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FixEngineException("the analysis must be a JSON object (analysis.json or fix-agent/input.json).");
            }

            if (document.RootElement.TryGetProperty("fix_agent_instructions", out _))
            {
                var report = AnalysisJson.Deserialize(json);
                return new FixInput { RunId = report.RunId, Instructions = report.FixAgentInstructions ?? [] };
            }

            if (document.RootElement.TryGetProperty("instructions", out _))
            {
                var input = Read<FixInput>(json, "fix-agent/input.json");
                return input with { Instructions = input.Instructions ?? [], Paths = input.Paths ?? [] };
            }
        }

        throw new FixEngineException("the file has neither 'fix_agent_instructions' (analysis.json) nor 'instructions' (fix-agent/input.json).");
    }

    private static T Read<T>(string json, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, AnalysisJson.Options) ?? throw new FixEngineException($"the {what} is empty (JSON null).");
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"the {what} is not valid: {ex.Message.Split(". Path")[0]}{(ex.Path is null ? string.Empty : $" (at {ex.Path})")}", ex);
        }
    }
}
