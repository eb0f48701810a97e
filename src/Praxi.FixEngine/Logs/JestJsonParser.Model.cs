using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Logs;

internal sealed partial class JestJsonParser
{
    // Only the fields the parser reads. jest and vitest write the same shape; jest alone writes openHandles and
    // wasInterrupted, vitest alone an assertion's meta and tags.
    internal sealed record Report(
        int NumPassedTests,
        IReadOnlyList<JsonFile>? TestResults,
        bool? WasInterrupted,
        System.Text.Json.JsonElement? OpenHandles);

    /// <summary>One test file: its assertions, and when it could not run at all, the status and message of the file.</summary>
    internal sealed record JsonFile(string? Name, string? Status, string? Message, IReadOnlyList<JsonAssertion>? AssertionResults);

    internal sealed record JsonAssertion(
        IReadOnlyList<string>? AncestorTitles,
        string? Title,
        string? FullName,
        string? Status,
        double? Duration,
        double? StartAt,
        IReadOnlyList<string>? FailureMessages,
        JsonLocation? Location);

    /// <summary>Where the test is declared (<c>jest --testLocationInResults</c>, vitest's <c>includeTaskLocation</c>).</summary>
    internal sealed record JsonLocation(int Line, int Column);

    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256)]
    [JsonSerializable(typeof(Report))]
    internal sealed partial class JestJsonContext : JsonSerializerContext;
}
