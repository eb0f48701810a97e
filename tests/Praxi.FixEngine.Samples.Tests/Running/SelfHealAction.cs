using System.Text.Json;

namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>
/// One action of samples/praxi.json <c>self_heal.actions</c>, read straight from the file rather than through the
/// library, so that the test runs exactly what the file says.
/// </summary>
internal sealed record SelfHealAction(string Name, IReadOnlyList<string> Command, TimeSpan Timeout)
{
    public static string ConfigPath { get; } = Path.Combine(SampleEnvironment.Samples, "praxi.json");

    public static SelfHealAction Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ConfigPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var action = doc.RootElement.GetProperty("self_heal").GetProperty("actions").GetProperty(name);
        return new SelfHealAction(
            name,
            [.. action.GetProperty("command").EnumerateArray().Select(a => a.GetString()!)],
            TimeSpan.FromSeconds(action.GetProperty("timeout_s").GetInt32()));
    }
}
