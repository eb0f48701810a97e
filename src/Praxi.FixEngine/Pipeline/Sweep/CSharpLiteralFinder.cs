using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting.CSharp;

namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>The literal selectors and timeouts of a C# file, found on Roslyn's syntax tree.</summary>
internal static class CSharpLiteralFinder
{
    /// <summary>Locator calls whose first argument is a selector or a text (the literal a heal would change).</summary>
    private static readonly HashSet<string> LocatorCalls =
        [.. LocatorMethods.Playwright.Where(m => m.Argument is LocatorArgument.Selector or LocatorArgument.Text).Select(m => m.DotNet)];

    /// <summary>Page-level actions whose first argument is a selector (only on a page or frame, where it is not a value).</summary>
    private static readonly HashSet<string> PageActions = [.. LocatorMethods.PageActions.Select(a => a.DotNet)];

    private static readonly HashSet<string> SeleniumBy = [.. LocatorMethods.Selenium.Select(m => m.DotNet)];

    /// <summary>Members that go on refining a locator: the failing locator is the chain up to the last of them.</summary>
    private static readonly HashSet<string> ChainSteps = [.. LocatorMethods.Playwright.Select(m => m.DotNet)];

    private static readonly HashSet<string> TimeoutCalls = ["SetDefaultTimeout", "SetDefaultNavigationTimeout"];

    public static IReadOnlyList<SweepLiteral> Find(string file, string text, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(text, CSharpProject.ParseOptions, path: file, cancellationToken: cancellationToken);
        var found = new List<SweepLiteral>();
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax call:
                    Invocation(file, tree, call, found);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Timeout" }, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } number, Parent: InitializerExpressionSyntax }
                    when SweepInstructions.Number(number.Token.Text) is { } ms:
                    found.Add(Timeout(file, tree, number, "Timeout =", ms));
                    break;
            }
        }

        return found;
    }

    private static void Invocation(string file, SyntaxTree tree, InvocationExpressionSyntax call, List<SweepLiteral> found)
    {
        var name = call.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            IdentifierNameSyntax i => i.Identifier.ValueText,
            _ => null,
        };
        var args = call.ArgumentList.Arguments;
        if (name is null)
        {
            return;
        }

        if (call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "By" } } && SeleniumBy.Contains(name))
        {
            if (args.Count == 1 && StringLiteral(args[0].Expression) is { } literal)
            {
                found.Add(Selector(file, tree, call, literal, $"By.{name}"));
            }

            return;
        }

        if (call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "TimeSpan" } } && name is "FromSeconds" or "FromMilliseconds"
            && args.Count == 1 && args[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } seconds
            && SweepInstructions.Number(seconds.Token.Text) is { } value && call.Ancestors().Any(IsWaitSetting))
        {
            // The rewriter keeps the author's unit, so +1000 ms is FromSeconds(n + 1).
            found.Add(Timeout(file, tree, seconds, $"TimeSpan.{name}", name == "FromSeconds" ? value * 1000 : value));
            return;
        }

        if (TimeoutCalls.Contains(name) && args.Count == 1 && args[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } n
            && SweepInstructions.Number(n.Token.Text) is { } ms)
        {
            found.Add(Timeout(file, tree, n, name, ms));
            return;
        }

        if (name == "GetByRole")
        {
            if (args.Count >= 2 && RoleName(args[1].Expression) is { } roleName)
            {
                found.Add(Selector(file, tree, call, roleName, "GetByRole name"));
            }

            return;
        }

        if (args.Count >= 1 && StringLiteral(args[0].Expression) is { } first
            && (LocatorCalls.Contains(name) || PageActions.Contains(name) && call.Expression is MemberAccessExpressionSyntax member && IsPageLike(member.Expression)))
        {
            found.Add(Selector(file, tree, call, first, name));
        }
    }

    private static bool IsWaitSetting(SyntaxNode node) =>
        node is ObjectCreationExpressionSyntax { Type: var type } && type.ToString().EndsWith("WebDriverWait", StringComparison.Ordinal)
        || node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ImplicitWait" or "PageLoad" or "AsynchronousJavaScript" } };

    /// <summary>A page or frame receiver (<c>Page</c>, <c>_page</c>, <c>this.Page</c>, <c>frame</c>), where a string argument is a selector.</summary>
    private static bool IsPageLike(ExpressionSyntax receiver)
    {
        var last = receiver switch
        {
            IdentifierNameSyntax i => i.Identifier.ValueText,
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            _ => null,
        };
        return last is not null && (last.Contains("page", StringComparison.OrdinalIgnoreCase) || last.Contains("frame", StringComparison.OrdinalIgnoreCase));
    }

    private static LiteralExpressionSyntax? StringLiteral(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal : null;

    /// <summary>The string of <c>Name = "…"</c> in <c>new() { Name = "…" }</c> or <c>new PageGetByRoleOptions { Name = "…" }</c>.</summary>
    private static LiteralExpressionSyntax? RoleName(ExpressionSyntax options)
    {
        var initializer = options switch
        {
            ImplicitObjectCreationExpressionSyntax i => i.Initializer,
            ObjectCreationExpressionSyntax o => o.Initializer,
            _ => null,
        };
        return initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Name" })
            .Select(a => StringLiteral(a.Right))
            .FirstOrDefault(l => l is not null);
    }

    private static SweepLiteral Selector(string file, SyntaxTree tree, InvocationExpressionSyntax call, LiteralExpressionSyntax literal, string form)
    {
        var (line, column) = Position(tree, literal);
        var raw = literal.Token.Text;
        var quotes = raw.TrimStart('@', 'u', '8').TakeWhile(c => c == '"').Count();
        var close = quotes >= 3 ? quotes : 1;
        if (raw.EndsWith("u8", StringComparison.Ordinal))
        {
            return new SweepLiteral(file, line, column, literal.SpanStart, raw.Length, form, null, "a UTF-8 literal");
        }

        var chain = form.StartsWith("By.", StringComparison.Ordinal) ? call : Chain(call);
        return SweepInstructions.Selector(file, line, column, literal.SpanStart, form, chain.ToString(), literal.SpanStart - chain.SpanStart, raw, close);
    }

    /// <summary>The call extended by the locator steps that follow it (<c>.First</c>, <c>.Nth(1)</c>, <c>.Locator("…")</c>).</summary>
    private static ExpressionSyntax Chain(InvocationExpressionSyntax call)
    {
        ExpressionSyntax node = call;
        while (node.Parent is MemberAccessExpressionSyntax member && member.Expression == node && ChainSteps.Contains(member.Name.Identifier.ValueText))
        {
            if (member.Parent is InvocationExpressionSyntax next && next.Expression == member)
            {
                node = next;
            }
            else if (member.Name.Identifier.ValueText is "First" or "Last")
            {
                node = member;
            }
            else
            {
                break;
            }
        }

        return node;
    }

    private static SweepLiteral Timeout(string file, SyntaxTree tree, LiteralExpressionSyntax number, string form, int ms)
    {
        var (line, column) = Position(tree, number);
        return SweepInstructions.Timeout(file, line, column, number.SpanStart, number.Span.Length, form, ms);
    }

    private static (int Line, int Column) Position(SyntaxTree tree, SyntaxNode node)
    {
        var position = tree.GetLineSpan(node.Span).StartLinePosition;
        return (position.Line + 1, position.Character + 1);
    }
}
