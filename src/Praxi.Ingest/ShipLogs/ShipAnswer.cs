using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Praxi.Ingest.ShipLogs;

/// <summary>
/// Reads the host's answers for a person: the analysis summary from a 2xx (CloudAgent's
/// <c>{ "status", "upstream": analysis }</c> or DeveloperAgent's analysis itself) and the gist of a problem+json. The
/// answer echoes log text, which is hostile: everything printed goes through <see cref="RunFolder.Printable"/>.
/// </summary>
internal static class ShipAnswer
{
    /// <summary>Lines summarising the analysis, or null when the answer holds none.</summary>
    public static IReadOnlyList<string>? Summary(byte[] answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer, new JsonDocumentOptions { MaxDepth = 64 });
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("upstream", out var upstream) && upstream.ValueKind == JsonValueKind.Object)
            {
                root = upstream;
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("classification", out var classification) || classification.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var type = Text(classification, "error_type") ?? "unknown";
            var confidence = classification.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number
                ? c.GetDouble().ToString("0.00", CultureInfo.InvariantCulture) : "?";
            var failures = classification.TryGetProperty("failures", out var f) && f.ValueKind == JsonValueKind.Array ? f.GetArrayLength() : 0;
            var lines = new List<string>
            {
                $"Analysis of run {RunFolder.Printable(Text(root, "run_id") ?? "?")}: {RunFolder.Printable(type)} (confidence {confidence}), {failures} failed test(s)",
            };
            if (classification.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Array && evidence.GetArrayLength() > 0
                && evidence[0].ValueKind == JsonValueKind.Object)
            {
                var first = evidence[0];
                var line = first.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? ":" + l.GetRawText() : string.Empty;
                lines.Add($"Evidence: {RunFolder.Printable(Text(first, "source") ?? "?")}{line} {RunFolder.Printable(Text(first, "text") ?? string.Empty)}");
            }

            return lines;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>" (title: detail; field: problem, …)" from a problem+json answer, or empty.</summary>
    public static string DescribeProblem(byte[]? answer)
    {
        if (answer is null || answer.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            using var json = JsonDocument.Parse(answer, new JsonDocumentOptions { MaxDepth = 64 });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return string.Empty;
            }

            var parts = new List<string>();
            foreach (var name in new[] { "title", "detail", "error" })
            {
                if (Text(root, name) is { Length: > 0 } value && !parts.Contains(value))
                {
                    parts.Add(value);
                }
            }

            if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                var listed = new StringBuilder();
                foreach (var item in details.EnumerateArray().Take(5).Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    listed.Append(listed.Length > 0 ? ", " : string.Empty).Append(Text(item, "field")).Append(": ").Append(Text(item, "problem"));
                }

                if (listed.Length > 0)
                {
                    parts.Add(listed.ToString());
                }
            }

            return parts.Count == 0 ? string.Empty : $" ({RunFolder.Printable(string.Join("; ", parts))})";
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
