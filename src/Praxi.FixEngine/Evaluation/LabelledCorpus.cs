using System.Text.Json;
using System.Text.Json.Serialization;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Evaluation;

/// <summary>One labelled run of a corpus.</summary>
/// <param name="File">The log, relative to the corpus folder.</param>
/// <param name="Path">Its full path.</param>
/// <param name="Label">Its type.</param>
/// <param name="Secondary">A second type that is also defensible, if any.</param>
/// <param name="Group">Its source project (<c>owner/repo</c> of <c>source</c>), or the file when there is none.</param>
public sealed record LabelledRun(string File, string Path, ErrorType Label, ErrorType? Secondary, string Group);

/// <summary>
/// A folder of logs with a <c>labels.json</c> array of <c>{ "file", "label", "secondary"?, "source"? }</c> beside them.
/// Read whole and checked before anything is scored or trained: a bad entry is one clear error, never half a result.
/// </summary>
public static class LabelledCorpus
{
    /// <summary>Reads and checks the labels.</summary>
    /// <param name="folder">The folder holding <c>labels.json</c> and the logs.</param>
    /// <returns>The labelled runs, in file order.</returns>
    /// <exception cref="FixEngineException">The folder, its labels or a named log is unusable.</exception>
    public static IReadOnlyList<LabelledRun> Read(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new FixEngineException($"'{folder}' is not a folder: pass a folder holding logs and a labels.json.");
        }

        var labelsPath = System.IO.Path.Combine(folder, "labels.json");
        if (!File.Exists(labelsPath))
        {
            throw new FixEngineException($"'{folder}' has no labels.json: write an array of {{\"file\": \"x.log\", \"label\": \"database\"}} beside the logs.");
        }

        List<LabelEntry?>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<LabelEntry?>>(File.ReadAllText(labelsPath), LabelJson.Options);
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"'{labelsPath}' is not a JSON array of labels ({FirstLine(ex.Message)}).", ex);
        }

        if (entries is null || entries.Count == 0)
        {
            throw new FixEngineException($"'{labelsPath}' labels no runs: add at least one {{\"file\", \"label\"}} entry.");
        }

        var runs = new List<LabelledRun>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var n = 0; n < entries.Count; n++)
        {
            var entry = entries[n] ?? throw new FixEngineException($"labels.json entry {n + 1} is null: each entry is {{\"file\", \"label\"}}.");
            if (string.IsNullOrWhiteSpace(entry.File) || entry.File.Contains("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(entry.File))
            {
                throw new FixEngineException($"labels.json entry {n + 1} names '{entry.File}': each file must be a relative path inside the folder.");
            }

            if (!seen.Add(entry.File))
            {
                throw new FixEngineException($"labels.json labels '{entry.File}' twice: each file gets one entry.");
            }

            if (string.IsNullOrWhiteSpace(entry.Label))
            {
                throw new FixEngineException($"labels.json gives '{entry.File}' no label.");
            }

            if (!ErrorTypes.TryParse(entry.Label, out var label))
            {
                throw new FixEngineException($"labels.json labels '{entry.File}' as '{entry.Label}', which is not an error type ({string.Join(", ", ErrorTypes.All.Select(t => t.ToName()))}).");
            }

            ErrorType? secondary = null;
            if (!string.IsNullOrWhiteSpace(entry.Secondary))
            {
                secondary = ErrorTypes.TryParse(entry.Secondary, out var s)
                    ? s
                    : throw new FixEngineException($"labels.json gives '{entry.File}' the secondary '{entry.Secondary}', which is not an error type.");
            }

            var path = System.IO.Path.Combine(folder, entry.File);
            if (!File.Exists(path))
            {
                throw new FixEngineException($"labels.json names '{entry.File}', which is not in '{folder}'.");
            }

            runs.Add(new LabelledRun(entry.File, path, label, secondary, GroupOf(entry.Source) ?? "file:" + entry.File));
        }

        return runs;
    }

    /// <summary>The project of a source: <c>owner/repo</c> of <c>owner/repo#123</c> (case-insensitive), or null.</summary>
    /// <param name="source">The <c>source</c> field.</param>
    /// <returns>The project, or null.</returns>
    public static string? GroupOf(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return null;
        }

        var hash = source.IndexOf('#', StringComparison.Ordinal);
        var project = (hash < 0 ? source : source[..hash]).Trim().TrimEnd('/');
        return project.Length == 0 ? null : project.ToLowerInvariant();
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private sealed record LabelEntry
    {
        [JsonPropertyName("file")]
        public string? File { get; init; }

        [JsonPropertyName("label")]
        public string? Label { get; init; }

        [JsonPropertyName("secondary")]
        public string? Secondary { get; init; }

        [JsonPropertyName("source")]
        public string? Source { get; init; }
    }

    private static class LabelJson
    {
        public static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    }
}
