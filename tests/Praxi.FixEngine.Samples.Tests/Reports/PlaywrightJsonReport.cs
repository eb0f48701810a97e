using System.Text.Json;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Samples.Tests.Reports;

/// <summary>Reads the Playwright JSON reporter's results.json into one outcome per test and project.</summary>
internal static partial class PlaywrightJsonReport
{
    public static PlaywrightRun Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var outcomes = new List<TestOutcome>();
        foreach (var suite in root.GetProperty("suites").EnumerateArray())
        {
            Walk(suite, outcomes);
        }

        var stats = root.GetProperty("stats");
        var errors = root.TryGetProperty("errors", out var e)
            ? e.EnumerateArray().Select(x => StripAnsi(x.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "")).ToArray()
            : [];
        return new PlaywrightRun(outcomes, stats.GetProperty("expected").GetInt32(), stats.GetProperty("unexpected").GetInt32(), stats.GetProperty("skipped").GetInt32(), errors);
    }

    public static string StripAnsi(string text) => Ansi().Replace(text, "");

    private static void Walk(JsonElement suite, List<TestOutcome> outcomes)
    {
        if (suite.TryGetProperty("specs", out var specs))
        {
            foreach (var spec in specs.EnumerateArray())
            {
                var title = spec.GetProperty("title").GetString()!;
                foreach (var test in spec.GetProperty("tests").EnumerateArray())
                {
                    var status = test.GetProperty("status").GetString()!;
                    var message = "";
                    var results = test.GetProperty("results");
                    if (results.GetArrayLength() > 0 && results[results.GetArrayLength() - 1].TryGetProperty("error", out var error) &&
                        error.TryGetProperty("message", out var m))
                    {
                        message = StripAnsi(m.GetString() ?? "");
                    }

                    outcomes.Add(new TestOutcome(title, status, status == "unexpected", message));
                }
            }
        }

        if (suite.TryGetProperty("suites", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, outcomes);
            }
        }
    }

    [GeneratedRegex(@"\u001b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();
}
