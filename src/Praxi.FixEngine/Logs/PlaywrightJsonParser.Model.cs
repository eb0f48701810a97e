using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Logs;

internal sealed partial class PlaywrightJsonParser
{
    // Only the fields the parser reads; stdout, stderr and attachment bodies are skipped by the deserializer.
    internal sealed record Report(JsonConfig? Config, IReadOnlyList<JsonSuite>? Suites, IReadOnlyList<JsonError>? Errors, JsonStats? Stats);

    internal sealed record JsonConfig(string? ConfigFile, string? RootDir, IReadOnlyList<JsonProject>? Projects);

    internal sealed record JsonProject(string? Name, string? TestDir);

    internal sealed record JsonSuite(string? Title, string? File, IReadOnlyList<JsonSpec>? Specs, IReadOnlyList<JsonSuite>? Suites);

    internal sealed record JsonSpec(string? Title, string? File, int Line, int Column, IReadOnlyList<JsonTest>? Tests);

    internal sealed record JsonTest(string? ExpectedStatus, string? Status, string? ProjectName, IReadOnlyList<JsonResult>? Results);

    internal sealed record JsonResult(
        int Retry,
        string? Status,
        double Duration,
        DateTimeOffset? StartTime,
        JsonError? Error,
        IReadOnlyList<JsonError>? Errors,
        JsonLocation? ErrorLocation,
        IReadOnlyList<JsonAttachment>? Attachments);

    internal sealed record JsonError(string? Message, string? Stack, string? Value, JsonLocation? Location);

    internal sealed record JsonLocation(string? File, int Line, int Column);

    internal sealed record JsonAttachment(string? Name, string? ContentType, string? Path);

    internal sealed record JsonStats(int Expected, int Unexpected, int Flaky, int Skipped);

    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256)]
    [JsonSerializable(typeof(Report))]
    internal sealed partial class JsonContext : JsonSerializerContext;
}
