using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Logs;

/// <summary>A block scorer that marks nothing: for tests of which files are read, not how blocks are scored.</summary>
internal sealed class NoBlockScorer : IBlockScorer
{
    public bool IsEvidenceLine(string text) => false;

    public double BestScore(string source, IReadOnlyList<LogLine> lines) => 0;
}
