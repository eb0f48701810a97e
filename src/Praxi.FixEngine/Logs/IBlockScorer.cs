namespace Praxi.FixEngine.Logs;

/// <summary>
/// What the log readers ask of the classification rules, which sit above them: whether a line is evidence of a known
/// failure, and how strongly a block of lines points at any failure type. Classification's block scorer answers.
/// </summary>
internal interface IBlockScorer
{
    /// <summary>True when a rule marks <paramref name="text"/> as evidence of a failure.</summary>
    /// <param name="text">One log line.</param>
    /// <returns>True when the line is evidence.</returns>
    bool IsEvidenceLine(string text);

    /// <summary>How strongly a block of lines points at its likeliest failure type, in [0, 1].</summary>
    /// <param name="source">The artifact the lines come from.</param>
    /// <param name="lines">The block.</param>
    /// <returns>The best type's score.</returns>
    double BestScore(string source, IReadOnlyList<LogLine> lines);
}
