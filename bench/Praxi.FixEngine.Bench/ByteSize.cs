using System.Globalization;

namespace Praxi.FixEngine.Bench;

/// <summary>Sizes as people write them: <c>1MB</c>, <c>100MB</c>, <c>1GB</c> (powers of 1000) or <c>1MiB</c> (powers of 1024).</summary>
internal static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1000), ("MB", 1000 * 1000), ("GB", 1000L * 1000 * 1000), ("B", 1),
    ];

    /// <summary>Parses a comma-separated list; throws <see cref="FixEngineException"/> naming the bad item.</summary>
    public static IReadOnlyList<(string Label, long Bytes)> ParseList(string text)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
        {
            throw new FixEngineException("--sizes is empty: pass sizes such as 1MB,100MB,1GB.");
        }

        return [.. items.Select(i => (i, Parse(i)))];
    }

    public static long Parse(string text)
    {
        foreach (var (suffix, factor) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length).Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && value > 0 && value * factor <= 64d * (1L << 30))
            {
                return (long)Math.Round(value * factor);
            }
        }

        throw new FixEngineException($"'{text}' is not a size: write a positive number up to 64GiB with a unit, such as 1MB, 100MB, 1GB or 1MiB.");
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1000L * 1000 * 1000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.##} GB"),
        >= 1000 * 1000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.##} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.##} kB"),
    };
}
