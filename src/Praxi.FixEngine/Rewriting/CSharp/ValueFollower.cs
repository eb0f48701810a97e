using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// Follows a value written at a call to the literal that defines it — a <c>const</c> or <c>static readonly</c> field, a
/// property with a literal initializer or expression body, a local with a literal initializer, a parameter whose callers
/// all pass the same literal — through the semantic model of the project's ad hoc compilation. Anything it cannot edit
/// safely (a resource, an interpolation with holes, a concatenation, a call, callers that disagree) is a refusal with the
/// reason, never a guess.
/// </summary>
internal sealed partial class ValueFollower(CSharpProject project, CancellationToken cancellationToken)
{
    private const int MaxDepth = 8;

    /// <summary>The literal(s) behind <paramref name="expression"/>.</summary>
    public FollowResult Follow(SyntaxTree tree, ExpressionSyntax expression)
    {
        var symbols = new List<ISymbol>();
        var path = new List<SyntaxNode>();
        var sites = new List<LiteralSite>();
        var reason = Resolve(tree, expression, 0, symbols, path, sites, []);
        return reason is not null
            ? FollowResult.Manual(reason)
            : new FollowResult { Sites = sites, Symbols = symbols, Path = path };
    }

    /// <summary>Null when resolved (sites appended), else the reason a person must decide.</summary>
    private string? Resolve(
        SyntaxTree tree, ExpressionSyntax expression, int depth, List<ISymbol> symbols, List<SyntaxNode> path, List<LiteralSite> sites, HashSet<ISymbol> visiting)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var e = LocatorStep.Unwrap(expression);
        if (depth > MaxDepth)
        {
            return $"the value of {Show(expression)} goes through more than {MaxDepth} definitions";
        }

        switch (e)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.NumericLiteralExpression):
                if (literal.Token.IsKind(SyntaxKind.Utf8StringLiteralToken) || literal.Token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken)
                    || literal.Token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken))
                {
                    return $"{Show(e)} is a UTF-8 literal";
                }

                sites.Add(new LiteralSite(tree, literal));
                return null;
            case LiteralExpressionSyntax other:
                return $"{Show(other)} is not a string or number";
            case InterpolatedStringExpressionSyntax interpolated:
                if (!interpolated.Contents.All(c => c is InterpolatedStringTextSyntax))
                {
                    return $"the value is an interpolated string with holes ({Show(interpolated)}) at {project.Where(tree, interpolated.SpanStart)}";
                }

                if (!CSharpLiterals.IsRewritableInterpolation(interpolated))
                {
                    return $"the value is a raw interpolated string ({Show(interpolated)}) at {project.Where(tree, interpolated.SpanStart)}";
                }

                sites.Add(new LiteralSite(tree, interpolated));
                return null;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return IsConstant(tree, binary)
                    ? $"the value is a constant built from other constants ({Show(binary)}) at {project.Where(tree, binary.SpanStart)}; rewriting one part could change other selectors"
                    : $"the value is a string concatenation with non-literal parts ({Show(binary)}) at {project.Where(tree, binary.SpanStart)}";
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }:
                return ResolveSymbol(tree, e, depth, symbols, path, sites, visiting);
            case InvocationExpressionSyntax call:
                return LooksLikeResource(call)
                    ? $"the value comes from a resource ({Show(call)}) at {project.Where(tree, call.SpanStart)}"
                    : $"the value is computed by a call ({Show(call)}) at {project.Where(tree, call.SpanStart)}";
            default:
                return $"the value is computed ({Show(e)}) at {project.Where(tree, e.SpanStart)}";
        }
    }

    private string? ResolveSymbol(
        SyntaxTree tree, ExpressionSyntax reference, int depth, List<ISymbol> symbols, List<SyntaxNode> path, List<LiteralSite> sites, HashSet<ISymbol> visiting)
    {
        var symbol = SymbolOf(tree, reference);
        var where = project.Where(tree, reference.SpanStart);
        if (symbol is null)
        {
            return LooksLikeResource(reference)
                ? $"the value comes from a resource ({Show(reference)}) at {where}"
                : $"{Show(reference)} at {where} does not resolve to a definition in the project";
        }

        if (IsResource(symbol))
        {
            return $"the value comes from a .resx resource ({symbol.ContainingType?.Name}.{symbol.Name}) at {where}";
        }

        if (!visiting.Add(symbol))
        {
            return $"{symbol.Name} is defined in terms of itself";
        }

        path.Add(reference);
        if (symbol is IParameterSymbol parameter)
        {
            return ResolveParameter(parameter, depth, symbols, path, sites, visiting);
        }

        var definition = DefinitionOf(symbol, out var refusal);
        if (definition is null)
        {
            return refusal ?? $"{symbol.Name} has no single definition in the project";
        }

        symbols.Add(symbol);
        return Resolve(definition.SyntaxTree, definition, depth + 1, symbols, path, sites, visiting);
    }

    private string? ResolveParameter(
        IParameterSymbol parameter, int depth, List<ISymbol> symbols, List<SyntaxNode> path, List<LiteralSite> sites, HashSet<ISymbol> visiting)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LambdaMethod or MethodKind.LocalFunction)
        {
            return $"{parameter.Name} is a parameter of a lambda or local function";
        }

        if (parameter.IsParams)
        {
            return $"{parameter.Name} is a params parameter";
        }

        var values = new List<(string Where, FollowResult Result)>();
        foreach (var (callTree, argument) in ArgumentsFor(method, parameter))
        {
            var callerSymbols = new List<ISymbol>();
            var callerPath = new List<SyntaxNode>();
            var callerSites = new List<LiteralSite>();
            var reason = Resolve(callTree, argument, depth + 1, callerSymbols, callerPath, callerSites, [.. visiting]);
            var where = project.Where(callTree, argument.SpanStart);
            if (reason is not null)
            {
                return $"a caller of {method.Name} passes a value for {parameter.Name} that cannot be followed ({where}): {reason}";
            }

            values.Add((where, new FollowResult { Sites = callerSites, Symbols = callerSymbols, Path = callerPath }));
        }

        if (values.Count == 0)
        {
            return $"no call of {method.Name} in the project passes {parameter.Name}";
        }

        var distinct = values.Select(v => v.Result.Value).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            return $"callers of {method.Name} pass different values for {parameter.Name}: "
                + string.Join(", ", values.Select(v => $"\"{v.Result.Value}\" ({v.Where})"));
        }

        foreach (var (_, result) in values)
        {
            foreach (var site in result.Sites)
            {
                if (!sites.Any(s => s.Tree == site.Tree && s.Literal.Span == site.Literal.Span))
                {
                    sites.Add(site);
                }
            }

            symbols.AddRange(result.Symbols.Where(s => !symbols.Contains(s, SymbolEqualityComparer.Default)));
            path.AddRange(result.Path);
        }

        return null;
    }

    private bool IsConstant(SyntaxTree tree, BinaryExpressionSyntax binary) =>
        project.Model(tree, cancellationToken).GetConstantValue(binary, cancellationToken).HasValue;

    private static bool LooksLikeResource(ExpressionSyntax expression)
    {
        var text = expression.ToString();
        return text.Contains("Resources.", StringComparison.Ordinal) || text.Contains("ResourceManager", StringComparison.Ordinal)
            || text.Contains("GetString(", StringComparison.Ordinal) || text.Contains("Strings.", StringComparison.Ordinal);
    }

    private static string Show(SyntaxNode node)
    {
        var text = string.Join(' ', node.ToString().Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
