namespace Praxi.FixEngine.Evidence;

/// <summary>An ARIA snapshot parsed into a tree.</summary>
/// <param name="Nodes">The top-level entries.</param>
/// <param name="SkippedLines">Lines that did not follow the grammar and were ignored.</param>
internal sealed record AriaSnapshot(IReadOnlyList<AriaNode> Nodes, int SkippedLines)
{
    /// <summary>Every node, in document order.</summary>
    public IEnumerable<AriaNode> All => Nodes.SelectMany(n => n.DescendantsAndSelf());
}
