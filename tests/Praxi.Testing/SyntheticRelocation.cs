using System.Globalization;
using System.Text.Json;

namespace Praxi.Testing;

/// <summary>
/// Writes made-up <c>praxi-relocation/1</c> datasets in which what names an element (its text, its id) survives a
/// redesign while its place does not: each target's answer kept its text and a similar id but moved and lost its
/// classes and neighbours, and on most targets a look-alike took over the old place, classes and neighbours with
/// another text. Weights that trust names over places find the answers; the paper's weights see the look-alike
/// about as well and abstain. Deterministic for a seed.
/// </summary>
public static class SyntheticRelocation
{
    private static readonly string[] Verbs = ["Open", "Save", "Export", "Print", "Share", "Delete", "Archive", "Rename", "Move", "Copy", "Upload", "Restore"];
    private static readonly string[] Nouns = ["invoice", "report", "order", "ticket", "album", "contract", "profile", "receipt", "folder", "draft", "budget", "schedule"];

    /// <summary>Writes the dataset into <paramref name="dir"/>.</summary>
    /// <param name="dir">An existing folder.</param>
    /// <param name="sites">Number of sites (named <c>site01</c>…).</param>
    /// <param name="targets">Targets per site.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="name">The dataset's name.</param>
    public static void Write(string dir, int sites, int targets, int seed, string name = "synthetic")
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(dir, "sites"));
        File.WriteAllText(Path.Combine(dir, "dataset.json"), JsonSerializer.Serialize(new { format = "praxi-relocation/1", dataset = name }));
        var entries = new List<object>();
        var answers = new List<string>();
        for (var s = 1; s <= sites; s++)
        {
            var site = string.Create(CultureInfo.InvariantCulture, $"site{s:00}");
            var lines = new List<string>();
            var candidates = new List<object>();
            var order = Enumerable.Range(0, Verbs.Length * Nouns.Length).OrderBy(_ => random.Next()).ToArray();
            for (var t = 1; t <= targets; t++)
            {
                var verb = Verbs[order[t] % Verbs.Length];
                var noun = Nouns[order[t] / Verbs.Length];
                var other = order[t + targets];
                var oldPath = string.Create(CultureInfo.InvariantCulture, $"/html[1]/body[1]/main[1]/div[{t}]/button[1]");
                lines.Add(Record("target", string.Create(CultureInfo.InvariantCulture, $"t{t:000}"), new Dictionary<string, object>
                {
                    ["tag"] = "BUTTON",
                    ["id"] = $"{verb.ToLowerInvariant()}-{noun}",
                    ["class"] = $"btn tool-{t % 3}",
                    ["text"] = $"{verb} {noun}",
                    ["neighbor_text"] = $"panel {Nouns[(t + 3) % Nouns.Length]} tools",
                    ["xpath"] = oldPath,
                    ["idxpath"] = oldPath,
                }));
                var answerId = string.Create(CultureInfo.InvariantCulture, $"c{candidates.Count + 1:0000}");
                var newPath = string.Create(CultureInfo.InvariantCulture, $"/html[1]/body[1]/section[{1 + random.Next(3)}]/ul[1]/li[{t}]/button[1]");
                candidates.Add(new Dictionary<string, object>
                {
                    ["tag"] = "BUTTON",
                    ["id"] = $"{verb.ToLowerInvariant()}-{noun}-action",
                    ["class"] = "action primary",
                    ["text"] = $"{verb} {noun}",
                    ["neighbor_text"] = "menu",
                    ["xpath"] = newPath,
                    ["idxpath"] = newPath,
                });
                answers.Add(JsonSerializer.Serialize(new { site, target_id = string.Create(CultureInfo.InvariantCulture, $"t{t:000}"), answer_id = answerId }));
                if (random.NextDouble() < 0.8)
                {
                    candidates.Add(new Dictionary<string, object>
                    {
                        ["tag"] = "BUTTON",
                        ["class"] = $"btn tool-{t % 3}",
                        ["text"] = $"{Verbs[other % Verbs.Length]} {Nouns[other / Verbs.Length]}",
                        ["neighbor_text"] = $"panel {Nouns[(t + 3) % Nouns.Length]} tools",
                        ["xpath"] = oldPath,
                        ["idxpath"] = oldPath,
                    });
                }
            }

            lines.AddRange(candidates.Select((c, i) => Record("candidate", string.Create(CultureInfo.InvariantCulture, $"c{i + 1:0000}"), (Dictionary<string, object>)c)));
            File.WriteAllLines(Path.Combine(dir, "sites", site + ".jsonl"), lines);
            entries.Add(new Dictionary<string, object>
            {
                ["site"] = site,
                ["file"] = $"sites/{site}.jsonl",
                ["targets"] = targets,
                ["candidates"] = candidates.Count,
                ["distractors"] = candidates.Count - targets,
                ["answers_only_pool"] = false,
            });
        }

        File.WriteAllText(Path.Combine(dir, "sites.json"), JsonSerializer.Serialize(entries));
        File.WriteAllLines(Path.Combine(dir, "answers.jsonl"), answers);
    }

    private static string Record(string kind, string id, Dictionary<string, object> props) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["kind"] = kind, ["id"] = id, ["props"] = props });
}
