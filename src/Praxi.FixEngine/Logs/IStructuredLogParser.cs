using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>A parser for a whole-document format (Playwright JSON, JUnit XML, TRX).</summary>
internal interface IStructuredLogParser
{
    /// <summary>The format this parser reads.</summary>
    LogFormat Format { get; }

    /// <summary>True when <paramref name="head"/> (the first few KiB, decoded) looks like this format.</summary>
    bool CanParse(string fileName, string head);

    /// <summary>Parses the file. Throws <see cref="FixEngineException"/> (one line) when it is malformed.</summary>
    ParsedLog Parse(string path, string source, CancellationToken cancellationToken);
}
