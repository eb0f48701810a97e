namespace Praxi.FixEngine.Logs;

/// <summary>The built-in parsers, in the order they are tried.</summary>
internal static class LogParsers
{
    /// <summary>Whole-document formats, tried first on each file by content.</summary>
    public static IReadOnlyList<IStructuredLogParser> Structured { get; } = [];

    /// <summary>Fresh line-driven parsers for one text artifact (they hold per-file state).</summary>
    public static IReadOnlyList<ITextLogParser> CreateTextParsers() => [];
}
