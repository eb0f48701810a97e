using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Tests.Judging;

/// <summary>Small labelled runs written for the judge's tests: each type has its words, each run some filler.</summary>
internal static class JudgeData
{
    private static readonly (ErrorType Type, string[] Lines)[] Kinds =
    [
        (ErrorType.Database, ["ERROR: relation \"orders\" does not exist", "SqliteException: no such table: products", "duplicate key value violates unique constraint"]),
        (ErrorType.ServerUnavailable, ["connect ECONNREFUSED 127.0.0.1:5000", "net::ERR_CONNECTION_REFUSED at http://localhost:3000/", "Connection refused: the web server never came up"]),
        (ErrorType.Timeout, ["Test timeout of 30000ms exceeded.", "Timed out 5000ms waiting for expect(locator).toBeVisible()", "operation timed out after 10 seconds"]),
    ];

    private static readonly string[] Filler = ["at Object.run (runner.js:12:3)", "Running 4 tests using 2 workers", "npm warn deprecated glob@7", "  ✓ shows the cart (1.1s)", "info: request finished"];

    public static JudgeInput Input(params string[] lines) =>
        new([], [], ErrorType.Unknown, 0, [.. lines.Select((l, i) => new EvidenceLine("run.log", i + 1, l))], [], ["PlainText"]);

    /// <summary>Words no built-in rule knows, for tests about who decides.</summary>
    public static readonly (ErrorType Type, string[] Lines)[] Invented =
    [
        (ErrorType.Database, ["quux vault sealed", "the quux vault is sealed again", "vault sealed: quux refused the write"]),
        (ErrorType.ServerUnavailable, ["blip beacon silent", "the blip beacon went silent", "beacon silent, blip lost"]),
        (ErrorType.Timeout, ["snail crawl limit", "the snail crawl limit passed", "crawl limit of the snail"]),
    ];

    /// <summary><paramref name="perType"/> runs of each type, <paramref name="perGroup"/> runs per project.</summary>
    public static List<JudgeExample> Examples(int perType, int perGroup = 1) => Examples(perType, Kinds, perGroup);

    public static List<JudgeExample> Examples(int perType, (ErrorType Type, string[] Lines)[] kinds, int perGroup = 1)
    {
        var examples = new List<JudgeExample>();
        var random = new Random(7);
        var n = 0;
        for (var i = 0; i < perType; i++)
        {
            foreach (var (type, lines) in kinds)
            {
                var text = new List<string> { Filler[random.Next(Filler.Length)], lines[random.Next(lines.Length)], Filler[random.Next(Filler.Length)] };
                examples.Add(new JudgeExample(Input([.. text]), type, $"project{n++ / perGroup}"));
            }
        }

        return examples;
    }
}
