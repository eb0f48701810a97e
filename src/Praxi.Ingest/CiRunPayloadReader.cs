using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Contracts;

namespace Praxi.Ingest;

/// <summary>
/// Reads and checks a <see cref="CiRunPayload"/> from its JSON bytes, strictly: every problem is reported with its
/// field (not only the first), unknown fields are refused, names must be safe (<see cref="RunFileNames"/>) and unique,
/// base64 must decode, and the JSON itself must be well-formed UTF-8 no deeper than <see cref="MaxDepth"/>. A reader
/// never throws on hostile input: whatever the bytes, the answer is a payload or a list of problems.
/// </summary>
public static class CiRunPayloadReader
{
    /// <summary>Deeper JSON than this is refused before it is walked (the payload's own depth is 3).</summary>
    public const int MaxDepth = 16;

    /// <summary>At most this many logs plus artifacts in one run.</summary>
    public const int MaxFiles = 10_000;

    /// <summary>The longest metadata string (repository, branch, …).</summary>
    public const int MaxFieldLength = 512;

    /// <summary>At most this many problems are listed; the rest are summarised in one.</summary>
    public const int MaxProblems = 50;

    private static readonly HashSet<string> TopFields = new(StringComparer.Ordinal)
    {
        "run_id", "repository", "commit_sha", "branch", "workflow", "job", "conclusion", "logs", "artifacts",
    };

    private static readonly HashSet<string> FileFields = new(StringComparer.Ordinal) { "name", "content", "encoding" };

    /// <summary>Reads a payload from the request body's bytes.</summary>
    public static CiRunPayloadResult Read(ReadOnlyMemory<byte> json)
    {
        var problems = new Problems();
        if (json.IsEmpty)
        {
            problems.Add("$", "the body is empty");
            return problems.Result();
        }

        // JsonDocument checks structure, not the UTF-8 inside strings: that would surface later as an exception.
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            problems.Add("$", "not well-formed JSON in UTF-8 (invalid UTF-8 bytes)");
            return problems.Result();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            problems.Add("$", ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"nested deeper than {MaxDepth}"
                : "not well-formed JSON in UTF-8" + (ex.BytePositionInLine is { } pos && ex.LineNumber is { } line ? $" (line {line + 1}, byte {pos + 1})" : string.Empty));
            return problems.Result();
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, problems);
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) is well-formed JSON but no string .NET can hold.
                problems.Add("$", "a string holds an invalid escaped character (a lone surrogate)");
                return problems.Result();
            }
        }
    }

    private static CiRunPayloadResult Read(JsonElement root, Problems problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("$", "must be a JSON object");
            return problems.Result();
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                problems.Add(Field(property.Name), "appears twice");
            }
            else if (!TopFields.Contains(property.Name))
            {
                problems.Add(Field(property.Name), "unknown field");
            }
        }

        var runId = String(root, "run_id", problems, required: true, maxLength: 128);
        if (runId is not null && !RunIds.IsValid(runId))
        {
            problems.Add("run_id", "must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
        }

        var payload = new CiRunPayload
        {
            RunId = runId ?? string.Empty,
            Repository = String(root, "repository", problems),
            CommitSha = String(root, "commit_sha", problems),
            Branch = String(root, "branch", problems),
            Workflow = String(root, "workflow", problems),
            Job = String(root, "job", problems),
            Conclusion = String(root, "conclusion", problems),
            Logs = Files(root, "logs", problems, required: true, artifacts: false),
            Artifacts = Files(root, "artifacts", problems, required: false, artifacts: true),
        };

        if (payload.Logs.Count + payload.Artifacts.Count > MaxFiles)
        {
            problems.Add("$", $"more than {MaxFiles} files");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, field) in payload.Logs.Select((f, i) => (f, $"logs[{i}].name")).Concat(payload.Artifacts.Select((f, i) => (f, $"artifacts[{i}].name"))))
        {
            if (!names.Add(file.Name))
            {
                problems.Add(field, "the same name (ignoring case) appears twice");
            }
            else if (file.Name.Equals("analysis.json", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(field, "is reserved for the analysis");
            }
        }

        return problems.Count == 0 ? new CiRunPayloadResult(payload, []) : problems.Result();
    }

    private static string? String(JsonElement root, string name, Problems problems, bool required = false, int maxLength = MaxFieldLength)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(name, "required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(name, "must be a string");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            problems.Add(name, $"longer than {maxLength} characters");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            problems.Add(name, "contains a control character");
            return null;
        }

        return text;
    }

    private static List<CiRunFile> Files(JsonElement root, string name, Problems problems, bool required, bool artifacts)
    {
        var files = new List<CiRunFile>();
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(name, "required");
            }

            return files;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(name, "must be an array");
            return files;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{name}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(at, "must be an object with name and content");
                continue;
            }

            foreach (var property in item.EnumerateObject())
            {
                if (!FileFields.Contains(property.Name))
                {
                    problems.Add($"{at}.{Field(property.Name)}", "unknown field");
                }
            }

            var fileName = FileString(item, at, "name", problems);
            if (fileName is not null && RunFileNames.Problem(fileName) is { } nameProblem)
            {
                problems.Add($"{at}.name", nameProblem);
                fileName = null;
            }

            var encoding = "utf-8";
            if (item.TryGetProperty("encoding", out var enc) && enc.ValueKind != JsonValueKind.Null)
            {
                var e = enc.ValueKind == JsonValueKind.String ? enc.GetString() : null;
                encoding = e?.ToLowerInvariant() switch
                {
                    "utf-8" or "utf8" => "utf-8",
                    "base64" => "base64",
                    _ => string.Empty,
                };
                if (encoding.Length == 0)
                {
                    problems.Add($"{at}.encoding", "must be \"utf-8\" or \"base64\"");
                    continue;
                }
            }

            if (!item.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
            {
                problems.Add($"{at}.content", "required");
                continue;
            }

            if (content.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{at}.content", "must be a string");
                continue;
            }

            ReadOnlyMemory<byte> bytes;
            if (encoding == "base64")
            {
                if (!content.TryGetBytesFromBase64(out var decoded))
                {
                    problems.Add($"{at}.content", "is not valid base64");
                    continue;
                }

                bytes = decoded;
            }
            else
            {
                bytes = Encoding.UTF8.GetBytes(content.GetString()!);
            }

            if (fileName is not null)
            {
                files.Add(new CiRunFile(fileName, bytes, encoding));
            }
        }

        return files;
    }

    private static string? FileString(JsonElement item, string at, string name, Problems problems)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{at}.{name}", "required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{at}.{name}", "must be a string");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A field name as it goes into a problem: printable, short, never the caller's raw control characters.</summary>
    private static string Field(string name)
    {
        var clean = new string([.. name.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return name.Length > 64 ? clean + "…" : clean;
    }

    private sealed class Problems
    {
        private readonly List<PayloadProblem> _list = [];
        private int _more;

        public int Count => _list.Count + _more;

        public void Add(string field, string problem)
        {
            if (_list.Count < MaxProblems)
            {
                _list.Add(new PayloadProblem(field, problem));
            }
            else
            {
                _more++;
            }
        }

        public CiRunPayloadResult Result()
        {
            var list = _list.ToList();
            if (_more > 0)
            {
                list.Add(new PayloadProblem("$", $"{_more} more problem(s) not listed"));
            }

            return new CiRunPayloadResult(null, list);
        }
    }
}
