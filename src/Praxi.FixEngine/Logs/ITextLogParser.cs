using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// A line-driven parser: every text artifact is read once and each line is offered to all text parsers,
/// so a CI log holding install output, a Playwright report and server lines is parsed in one pass.
/// </summary>
internal interface ITextLogParser
{
    /// <summary>The format this parser recognises, reported when it found something.</summary>
    LogFormat Format { get; }

    /// <summary>Offers the next line (in order).</summary>
    void Accept(in LogLine line);

    /// <summary>Ends the stream; returns the failures found (empty when the text was not this parser's format).</summary>
    IReadOnlyList<TestFailure> Complete();
}
