using System.Globalization;

namespace Praxi.Ingest.ShipLogs;

/// <summary>Byte counts as ship-logs prints them.</summary>
public static class ByteCount
{
    /// <summary>A byte count for a person: 1.2 MB, 340 KB, 12 bytes.</summary>
    /// <param name="bytes">The count.</param>
    /// <returns>Decimal megabytes from 1,000,000, kilobytes from 10,000, else bytes.</returns>
    public static string Format(long bytes) => bytes switch
    {
        >= 1_000_000 => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 10_000 => (bytes / 1000).ToString(CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
