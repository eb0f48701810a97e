namespace Praxi.FixEngine.Logs;

/// <summary>One line of a log after decoding, with ANSI codes and CI prefixes removed.</summary>
/// <param name="Number">1-based line number in the source file.</param>
/// <param name="Text">The cleaned text (possibly truncated, see <see cref="LogLineReader.MaxLineBytes"/>).</param>
internal readonly record struct LogLine(int Number, string Text);
