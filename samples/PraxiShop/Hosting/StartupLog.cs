namespace PraxiShop.Hosting;

internal static partial class StartupLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Breakage '{Breakage}' is active: this instance misbehaves on purpose (sample scenario)")]
    public static partial void BreakActive(ILogger logger, string breakage);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database: {Database}")]
    public static partial void DatabaseInUse(ILogger logger, string database);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Rotated the cookie signing key ring: revoked {Count} key(s); every session issued before now is invalid")]
    public static partial void KeysRotated(ILogger logger, int count);
}
