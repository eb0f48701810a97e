namespace Praxi.FixEngine.Logs;

/// <summary>The built-in parsers, in the order they are tried.</summary>
internal static class LogParsers
{
    /// <summary>
    /// Whole-document formats, tried first on each file by content (the head of the file); each checks for markers
    /// only its format has, so the order matters only as a tie-breaker: the XML formats (TRX, NUnit XML, JUnit), then
    /// the JSON ones (a <c>results.json</c> may be Playwright's, jest's or vitest's: each tells by the document's shape;
    /// the blob report's event lines come before the JSON reporter's document, as they name config and suites too).
    /// </summary>
    public static IReadOnlyList<IStructuredLogParser> Structured { get; } =
    [
        new TrxParser(),
        new NUnitXmlParser(),
        new JUnitXmlParser(),
        new PlaywrightBlobParser(),
        new PlaywrightJsonParser(),
        new JestJsonParser(),
        new MochawesomeJsonParser(),
    ];

    /// <summary>Fresh line-driven parsers for one text artifact (they hold per-file state).</summary>
    /// <param name="source">The artifact, relative to the analysed path; it becomes each failure's <see cref="TestFailure.Source"/>.</param>
    public static IReadOnlyList<ITextLogParser> CreateTextParsers(string source = "") =>
    [
        new PlaywrightTextParser(source),
        new PytestConsoleParser(source),
    ];
}
