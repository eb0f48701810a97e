using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// The code a failing location points at: every node on the line, plus the whole statement that starts on it (a .NET
/// stack trace gives the line a multi-line statement starts on), and the caret (line + column) to choose among several.
/// </summary>
internal sealed class FailingRegion
{
    private FailingRegion(SyntaxTree tree, IReadOnlyList<SyntaxNode> nodes, int? caret, int? line)
    {
        Tree = tree;
        Nodes = nodes;
        Caret = caret;
        Line = line;
    }

    public SyntaxTree Tree { get; }

    /// <summary>The nodes in the region, in source order.</summary>
    public IReadOnlyList<SyntaxNode> Nodes { get; }

    /// <summary>Position of line:column, when a column was given.</summary>
    public int? Caret { get; }

    /// <summary>The 1-based line (null: the whole file).</summary>
    public int? Line { get; }

    /// <summary>The region at <paramref name="line"/>:<paramref name="column"/>; null when the line is outside the file.</summary>
    public static FailingRegion? At(SyntaxTree tree, int? line, int? column, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var text = tree.GetText(cancellationToken);
        if (line is null)
        {
            return new FailingRegion(tree, [.. root.DescendantNodes()], null, null);
        }

        if (line < 1 || line > text.Lines.Count)
        {
            return null;
        }

        var span = text.Lines[line.Value - 1].Span;
        int? caret = column is >= 1 ? Math.Min(span.Start + column.Value - 1, span.End) : null;
        var nodes = new HashSet<SyntaxNode>(root.DescendantNodes(span).Where(n => n.Span.IntersectsWith(span) || span.Contains(n.SpanStart)));
        foreach (var starter in nodes.Where(n => span.Contains(n.SpanStart) && n is ExpressionStatementSyntax or LocalDeclarationStatementSyntax
                     or ReturnStatementSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax).ToList())
        {
            nodes.UnionWith(starter.DescendantNodes());
        }

        return new FailingRegion(tree, [.. nodes.OrderBy(n => n.SpanStart).ThenByDescending(n => n.Span.Length)], caret, line);
    }

    /// <summary>Of several matching nodes, the one the caret points into (innermost), else the first after it, else the last before it.</summary>
    public T Pick<T>(IReadOnlyList<T> matches, Func<T, SyntaxNode> nodeOf)
    {
        if (matches.Count == 1 || Caret is not { } caret)
        {
            return matches[0];
        }

        var local = Enumerable.Range(0, matches.Count).Where(i => nodeOf(matches[i]).SyntaxTree == Tree).ToList();
        if (local.Count == 0)
        {
            return matches[0];
        }

        var containing = local.Where(i => nodeOf(matches[i]).Span.Contains(caret)).OrderBy(i => nodeOf(matches[i]).Span.Length).ToList();
        if (containing.Count > 0)
        {
            return matches[containing[0]];
        }

        var after = local.Where(i => nodeOf(matches[i]).SpanStart >= caret).OrderBy(i => nodeOf(matches[i]).SpanStart).ToList();
        return matches[after.Count > 0 ? after[0] : local.OrderBy(i => nodeOf(matches[i]).SpanStart).Last()];
    }
}
