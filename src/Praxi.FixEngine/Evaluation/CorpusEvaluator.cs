using System.Text.Json;
using System.Text.Json.Serialization;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Evaluation;

/// <summary>
/// Scores the classifier on a labelled folder: a <c>labels.json</c> array of <c>{ "file", "label" }</c>
/// beside the logs. Users run it on their own logs to check their own rules.
/// </summary>
public static class CorpusEvaluator
{
    /// <summary>Answers at or above this confidence are the ones the calibration figure is about.</summary>
    public const double ConfidentAt = 0.8;

    /// <summary>Classifies every labelled file and scores the answers.</summary>
    /// <param name="folder">The folder holding <c>labels.json</c> and the logs.</param>
    /// <param name="analyzer">The analyzer to score (with the user's rules).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="FixEngineException">The folder, its labels or a log is unusable.</exception>
    public static EvaluationReport Evaluate(string folder, FailureAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var labelsPath = Path.Combine(folder, "labels.json");
        if (!File.Exists(labelsPath))
        {
            throw new FixEngineException($"'{folder}' has no labels.json: write an array of {{\"file\": \"x.log\", \"label\": \"database\"}} beside the logs.");
        }

        List<LabelEntry> labels;
        try
        {
            labels = JsonSerializer.Deserialize<List<LabelEntry>>(File.ReadAllText(labelsPath), LabelJson.Options) ?? [];
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"'{labelsPath}' is not valid JSON ({ex.Message}).", ex);
        }

        var items = new List<EvaluatedItem>();
        foreach (var entry in labels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(entry.File) || entry.File.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(entry.File))
            {
                throw new FixEngineException($"labels.json names '{entry.File}': each file must be a relative path inside the folder.");
            }

            if (!ErrorTypes.TryParse(entry.Label, out var expected))
            {
                throw new FixEngineException($"labels.json labels '{entry.File}' as '{entry.Label}', which is not an error type.");
            }

            var report = analyzer.Analyze(Path.Combine(folder, entry.File), cancellationToken);
            items.Add(new EvaluatedItem(entry.File, expected, report.Classification.ErrorType, report.Classification.Confidence,
                report.Classification.Evidence.Count > 0 ? report.Classification.Evidence[0].Text : null));
        }

        return EvaluationReport.From(items);
    }

    private sealed record LabelEntry
    {
        [JsonPropertyName("file")]
        public string File { get; init; } = string.Empty;

        [JsonPropertyName("label")]
        public string Label { get; init; } = string.Empty;
    }

    private static class LabelJson
    {
        public static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    }
}
