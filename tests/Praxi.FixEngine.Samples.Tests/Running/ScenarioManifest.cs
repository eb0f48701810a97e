using System.Text.Json;

namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>
/// samples/scenarios/&lt;name&gt;/scenario.json: what a scenario breaks, which failures it must produce (TypeScript test
/// titles — "(global)" for a run-level error — and .NET / Selenium fully qualified names) and what the server log must show.
/// </summary>
internal sealed record ScenarioManifest(string Name, string ErrorType, IReadOnlyList<ExpectedFailure> Ts, IReadOnlyList<ExpectedFailure> Dotnet, IReadOnlyList<ExpectedFailure> Selenium, string? ServerLog)
{
    public static ScenarioManifest Load(string scenario)
    {
        var path = Path.Combine(RepositoryRoot.Path, "samples", "scenarios", scenario, "scenario.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var expected = root.GetProperty("expected");
        return new ScenarioManifest(
            root.GetProperty("name").GetString()!,
            root.GetProperty("error_type").GetString()!,
            Read(expected.GetProperty("ts")),
            Read(expected.GetProperty("dotnet")),
            expected.TryGetProperty("selenium", out var selenium) ? Read(selenium) : [],
            root.TryGetProperty("server_log", out var serverLog) ? serverLog.GetString() : null);
    }

    private static ExpectedFailure[] Read(JsonElement list) =>
        [.. list.EnumerateArray().Select(e => new ExpectedFailure(e.GetProperty("test").GetString()!, e.GetProperty("message").GetString()!))];
}
