using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Samples.Tests.Reports;

/// <summary>
/// What a trace.zip holds for a baseline: how many DOM snapshots (frame-snapshot events) and how many elements marked as
/// the one a call resolved to (<c>__playwright_target__</c>), over every <c>*.trace</c> entry.
/// </summary>
internal sealed partial record PlaywrightTrace(int Snapshots, int Targets)
{
    public static PlaywrightTrace Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        int snapshots = 0, targets = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".trace", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            while (reader.ReadLine() is { } line)
            {
                if (FrameSnapshot().IsMatch(line))
                {
                    snapshots++;
                    targets += Target().Count(line);
                }
            }
        }

        return new PlaywrightTrace(snapshots, targets);
    }

    [GeneratedRegex("""^\{"type":"frame-snapshot",""")]
    private static partial Regex FrameSnapshot();

    [GeneratedRegex("""[{,]"__playwright_target__":""")]
    private static partial Regex Target();
}
