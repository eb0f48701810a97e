using System.Text;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

/// <summary>Feeds text through <see cref="LogLineReader"/> (as the analyzer does) into one text parser.</summary>
internal static class TextParsing
{
    public static IReadOnlyList<TestFailure> Run(ITextLogParser parser, byte[] content)
    {
        using var reader = new LogLineReader(new MemoryStream(content));
        while (reader.TryRead(out var line))
        {
            parser.Accept(line);
        }

        return parser.Complete();
    }

    public static IReadOnlyList<TestFailure> Run(ITextLogParser parser, string text) => Run(parser, Encoding.UTF8.GetBytes(text));

    public static IReadOnlyList<TestFailure> RunFixture(ITextLogParser parser, string fixture) =>
        Run(parser, File.ReadAllBytes(FixtureFiles.Path(fixture)));

    /// <summary>Wraps runner output the way a GitHub Actions job log holds it: timestamps, a command group, an error marker.</summary>
    public static string AsGitHubActionsLog(string output)
    {
        var stamp = new DateTime(2026, 11, 25, 18, 0, 0, DateTimeKind.Utc);
        var sb = new StringBuilder();
        void Add(string line)
        {
            stamp = stamp.AddMilliseconds(37);
            sb.Append(stamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(line).Append('\n');
        }

        Add("##[group]Run npx playwright test");
        Add("npx playwright test");
        Add("shell: /usr/bin/bash -e {0}");
        Add("##[endgroup]");
        foreach (var line in output.Split('\n'))
        {
            Add(line.TrimEnd('\r'));
        }

        Add("##[error]Process completed with exit code 1.");
        return sb.ToString();
    }
}
