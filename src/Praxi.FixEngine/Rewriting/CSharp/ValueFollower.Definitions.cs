using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Praxi.FixEngine.Rewriting.CSharp;

internal sealed partial class ValueFollower
{
    /// <summary>
    /// Follows a name used as a locator (<c>LoginButton.ClickAsync()</c>, <c>Expect(_submit)</c>) to the expression that
    /// builds it (a page object's <c>ILocator LoginButton =&gt; _page.Locator("#x")</c>, a field or local initializer, a
    /// single constructor assignment). Null when it is not defined by an expression in the project.
    /// </summary>
    public (ExpressionSyntax Definition, IReadOnlyList<ISymbol> Symbols, IReadOnlyList<SyntaxNode> Path)? FollowExpression(SyntaxTree tree, ExpressionSyntax expression)
    {
        var symbols = new List<ISymbol>();
        var path = new List<SyntaxNode>();
        var current = LocatorStep.Unwrap(expression);
        var currentTree = tree;
        for (var depth = 0; depth < MaxDepth && current is IdentifierNameSyntax or MemberAccessExpressionSyntax; depth++)
        {
            var symbol = SymbolOf(currentTree, current);
            if (symbol is not (IFieldSymbol or IPropertySymbol or ILocalSymbol) || symbols.Contains(symbol, SymbolEqualityComparer.Default))
            {
                break;
            }

            var definition = DefinitionOf(symbol, out _);
            if (definition is null)
            {
                break;
            }

            symbols.Add(symbol);
            path.Add(current);
            currentTree = definition.SyntaxTree;
            current = LocatorStep.Unwrap(definition);
        }

        return symbols.Count > 0 && current is InvocationExpressionSyntax or MemberAccessExpressionSyntax ? (current, symbols, path) : null;
    }

    /// <summary>"file:line" of every reference to the followed symbols, except those on the followed path.</summary>
    public IReadOnlyList<string> Usages(IReadOnlyList<ISymbol> symbols, IEnumerable<SyntaxNode> exclude)
    {
        var excluded = exclude.Select(n => (n.SyntaxTree, n.Span)).ToHashSet();
        var found = new List<string>();
        foreach (var symbol in symbols)
        {
            foreach (var (tree, node) in References(symbol))
            {
                if (!excluded.Contains((tree, node.Span)) && !excluded.Any(e => e.SyntaxTree == tree && e.Span.Contains(node.Span)))
                {
                    var where = project.Where(tree, node.SpanStart);
                    if (!found.Contains(where, StringComparer.Ordinal))
                    {
                        found.Add(where);
                    }
                }
            }
        }

        return found;
    }

    private ISymbol? SymbolOf(SyntaxTree tree, ExpressionSyntax expression)
    {
        var model = project.Model(tree, cancellationToken);
        var info = model.GetSymbolInfo(expression, cancellationToken);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        return symbol?.OriginalDefinition;
    }

    private bool IsResource(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var path = reference.SyntaxTree.FilePath;
            if (path.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase)
                && (symbol.ContainingType?.GetMembers("ResourceManager").Length > 0 || project.HasResx(Path.GetFileName(path)[..^".Designer.cs".Length])))
            {
                return true;
            }

            var text = reference.GetSyntax(cancellationToken).ToString();
            if (symbol is IPropertySymbol && (text.Contains("ResourceManager", StringComparison.Ordinal) || text.Contains(".GetString(", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one expression that defines a field, property or local; null (with the reason) when there is none or several.</summary>
    private ExpressionSyntax? DefinitionOf(ISymbol symbol, out string? refusal)
    {
        refusal = null;
        var declaration = symbol.DeclaringSyntaxReferences.Length == 1 ? symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) : null;
        if (declaration is null)
        {
            refusal = symbol.DeclaringSyntaxReferences.Length == 0
                ? $"{symbol.Name} is defined outside the project's sources"
                : $"{symbol.Name} is declared in several places";
            return null;
        }

        ExpressionSyntax? initializer;
        var mutable = false;
        switch (symbol, declaration)
        {
            case (IFieldSymbol field, VariableDeclaratorSyntax declarator):
                initializer = declarator.Initializer?.Value;
                mutable = !field.IsConst && !field.IsReadOnly;
                break;
            case (ILocalSymbol local, VariableDeclaratorSyntax declarator):
                initializer = declarator.Initializer?.Value;
                mutable = !local.IsConst;
                break;
            case (IPropertySymbol property, PropertyDeclarationSyntax declared):
                var getter = declared.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
                initializer = declared.ExpressionBody?.Expression
                    ?? declared.Initializer?.Value
                    ?? getter?.ExpressionBody?.Expression
                    ?? (getter?.Body?.Statements is [ReturnStatementSyntax { Expression: { } returned }] ? returned : null);
                if (getter is { Body: not null } && initializer is null || getter?.Body?.Statements.Count > 1)
                {
                    refusal = $"the getter of {property.Name} computes its value";
                    return null;
                }

                mutable = property.SetMethod is not null && declared.AccessorList?.Accessors.Any(a => a.Body is null && a.ExpressionBody is null) == true;
                break;
            default:
                refusal = $"{symbol.Name} is a {symbol.Kind.ToString().ToLowerInvariant()} the rewriter does not follow";
                return null;
        }

        var writes = Writes(symbol).ToList();
        if (initializer is null)
        {
            // Assigned once in a constructor: `LoginButton = page.Locator("#x");`.
            if (writes is [{ Node.Parent: AssignmentExpressionSyntax assignment } only]
                && only.Node.Ancestors().Any(a => a is ConstructorDeclarationSyntax))
            {
                return assignment.Right;
            }

            refusal = writes.Count == 0 ? $"{symbol.Name} has no initializer" : $"{symbol.Name} is assigned in {writes.Count} places";
            return null;
        }

        if (mutable && writes.Count > 0)
        {
            refusal = $"{symbol.Name} is reassigned at {string.Join(", ", writes.Select(w => project.Where(w.Tree, w.Node.SpanStart)))}";
            return null;
        }

        return initializer;
    }

    /// <summary>Places that assign the symbol (other than its declaration).</summary>
    private IEnumerable<(SyntaxTree Tree, SyntaxNode Node)> Writes(ISymbol symbol) =>
        References(symbol).Where(r => IsWrite(r.Node));

    private static bool IsWrite(SyntaxNode node)
    {
        var target = node.Parent is MemberAccessExpressionSyntax ma && ma.Name == node ? ma : node;
        return target.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == target,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword),
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
            _ => false,
        };
    }

    private IEnumerable<(SyntaxTree Tree, SyntaxNode Node)> References(ISymbol symbol)
    {
        var trees = symbol is ILocalSymbol ? symbol.DeclaringSyntaxReferences.Select(r => r.SyntaxTree) : project.Trees();
        foreach (var tree in trees)
        {
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var name in root.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != symbol.Name)
                {
                    continue;
                }

                model ??= project.Model(tree, cancellationToken);
                var info = model.GetSymbolInfo(name, cancellationToken);
                var bound = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
                if (SymbolEqualityComparer.Default.Equals(bound?.OriginalDefinition, symbol))
                {
                    yield return (tree, name);
                }
            }
        }
    }

    /// <summary>The argument every call of <paramref name="method"/> passes for <paramref name="parameter"/> (the default when omitted).</summary>
    private IEnumerable<(SyntaxTree Tree, ExpressionSyntax Argument)> ArgumentsFor(IMethodSymbol method, IParameterSymbol parameter)
    {
        var isConstructor = method.MethodKind == MethodKind.Constructor;
        foreach (var tree in project.Trees())
        {
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var node in root.DescendantNodes())
            {
                ArgumentListSyntax? arguments = node switch
                {
                    InvocationExpressionSyntax call when !isConstructor && CalleeName(call.Expression) == method.Name => call.ArgumentList,
                    ObjectCreationExpressionSyntax creation when isConstructor && TypeName(creation.Type) == method.ContainingType.Name => creation.ArgumentList,
                    ImplicitObjectCreationExpressionSyntax implicitCreation when isConstructor => implicitCreation.ArgumentList,
                    ConstructorInitializerSyntax initializer when isConstructor => initializer.ArgumentList,
                    PrimaryConstructorBaseTypeSyntax baseType when isConstructor => baseType.ArgumentList,
                    _ => null,
                };
                if (arguments is null)
                {
                    continue;
                }

                model ??= project.Model(tree, cancellationToken);
                var info = model.GetSymbolInfo(node, cancellationToken);
                var target = info.Symbol is { } bound ? [bound] : info.CandidateSymbols;
                var match = target.OfType<IMethodSymbol>().FirstOrDefault(m =>
                    SymbolEqualityComparer.Default.Equals((m.ReducedFrom ?? m).OriginalDefinition, method));
                if (match is null)
                {
                    continue;
                }

                var ordinal = parameter.Ordinal - (match.ReducedFrom is not null ? 1 : 0);
                var named = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name);
                var positional = arguments.Arguments.Where(a => a.NameColon is null).ElementAtOrDefault(ordinal);
                if ((named ?? positional) is { } argument)
                {
                    yield return (tree, argument.Expression);
                }
                else if (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is ParameterSyntax { Default.Value: { } fallback })
                {
                    yield return (fallback.SyntaxTree, fallback);
                }
            }
        }
    }

    private static string? CalleeName(ExpressionSyntax callee) => callee switch
    {
        MemberAccessExpressionSyntax ma => ma.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private static string? TypeName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };
}
