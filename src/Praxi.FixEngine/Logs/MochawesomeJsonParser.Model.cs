using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Logs;

internal sealed partial class MochawesomeJsonParser
{
    // Only the fields the parser reads; code, diffs and uuids are skipped by the deserializer.
    internal sealed record Report(JsonStats? Stats, IReadOnlyList<JsonSuite>? Results);

    internal sealed record JsonStats(int Passes, int Failures, int Tests);

    /// <summary>A suite; each entry of <c>results</c> is a spec file's root suite (title empty).</summary>
    internal sealed record JsonSuite(
        string? Title,
        string? FullFile,
        string? File,
        IReadOnlyList<JsonTest>? BeforeHooks,
        IReadOnlyList<JsonTest>? AfterHooks,
        IReadOnlyList<JsonTest>? Tests,
        IReadOnlyList<JsonSuite>? Suites);

    /// <summary>A test or hook. <c>context</c> is what <c>addContext</c> added, as JSON text (a string, an object or an array).</summary>
    internal sealed record JsonTest(string? Title, string? State, bool Fail, double? Duration, JsonElement? Context, JsonError? Err);

    internal sealed record JsonError(string? Message, string? Estack);

    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256)]
    [JsonSerializable(typeof(Report))]
    internal sealed partial class MochawesomeJsonContext : JsonSerializerContext;
}
