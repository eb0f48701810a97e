using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// One locator step as written: the call, its form, and the expressions that hold its value (selector, text, test id,
/// Selenium value or role name), its role and its <c>Exact</c> option.
/// </summary>
/// <param name="Node">The invocation (or the <c>.First</c>/<c>.Last</c> member access of a scope step).</param>
/// <param name="Form">The form.</param>
/// <param name="Method">The method name as written (<c>Locator</c>, <c>GetByTestId</c>, <c>Id</c>, <c>ClickAsync</c>).</param>
/// <param name="Value">The value argument (for <see cref="LocatorForm.GetByRole"/>: the <c>Name</c> option's value, when present).</param>
/// <param name="Role">The role argument of <c>GetByRole</c> (<c>AriaRole.Button</c>).</param>
/// <param name="Exact">The <c>Exact</c> option's value, when written.</param>
/// <param name="Options">The options object's initializer (<c>new() { … }</c>), when written.</param>
/// <param name="Receiver">What the call is made on (<c>page</c>, a previous step, <c>By</c>).</param>
internal sealed record LocatorStep(
    SyntaxNode Node,
    LocatorForm Form,
    string Method,
    ExpressionSyntax? Value,
    ExpressionSyntax? Role,
    ExpressionSyntax? Exact,
    InitializerExpressionSyntax? Options,
    ExpressionSyntax? Receiver)
{
    /// <summary><c>GetByTestId</c>, <c>GetByText</c>…: the getBy methods whose first argument is the value (not <c>GetByRole</c>).</summary>
    private static readonly HashSet<string> GetByMethods = [.. LocatorMethods.Playwright
        .Where(m => m.Kind is not null && m.Argument == LocatorArgument.Text).Select(m => m.DotNet)];

    /// <summary>Page-level calls whose only string argument is the selector (the locator variants take none).</summary>
    private static readonly HashSet<string> SelectorOnlyActions = [.. LocatorMethods.PageActions.Where(a => !a.ValueFollows).Select(a => a.DotNet)];

    /// <summary>Page-level calls that take the selector and then a value (the locator variants start with the value).</summary>
    private static readonly HashSet<string> SelectorValueActions = [.. LocatorMethods.PageActions.Where(a => a.ValueFollows).Select(a => a.DotNet)];

    /// <summary>The invocation, when the step is one.</summary>
    public InvocationExpressionSyntax? Call => Node as InvocationExpressionSyntax;

    /// <summary>The method name token (for a change of form, the span from it to the end of the call is replaced).</summary>
    public SyntaxToken? NameToken => Node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax ma } => ma.Name.Identifier,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax id } => id.Identifier,
        _ => null,
    };

    /// <summary>The steps a node is, in source order (a drag-and-drop has two selectors); empty when it is none.</summary>
    public static IReadOnlyList<LocatorStep> Read(SyntaxNode node)
    {
        if (node is MemberAccessExpressionSyntax property
            && LocatorMethods.FromDotNet(property.Name.Identifier.ValueText) is { Argument: LocatorArgument.None }
            && !(node.Parent is InvocationExpressionSyntax invoked && invoked.Expression == node))
        {
            return [new LocatorStep(node, LocatorForm.Scope, property.Name.Identifier.ValueText, null, null, null, null, property.Expression)];
        }

        if (node is not InvocationExpressionSyntax call)
        {
            return [];
        }

        var (name, receiver) = call.Expression switch
        {
            MemberAccessExpressionSyntax ma => (ma.Name.Identifier.ValueText, ma.Expression),
            _ => (null, null),
        };
        if (name is null || receiver is null)
        {
            return [];
        }

        var args = call.ArgumentList.Arguments;
        var first = args.Count > 0 ? args[0].Expression : null;
        var method = LocatorMethods.FromDotNet(name);
        switch (method?.Call)
        {
            case LocatorCall.Locator when first is not null && IsStringLike(first):
                return [new LocatorStep(call, LocatorForm.Locator, name, first, null, null, OptionsOf(args, 1), receiver)];
            case LocatorCall.GetByRole when first is not null:
                {
                    var options = OptionsOf(args, 1);
                    return [new LocatorStep(call, LocatorForm.GetByRole, name, Assigned(options, "Name"), first, Assigned(options, "Exact"), options, receiver)];
                }

            case not null when GetByMethods.Contains(name) && first is not null && IsStringLike(first):
                {
                    var options = OptionsOf(args, 1);
                    return [new LocatorStep(call, LocatorForm.GetBy, name, first, null, Assigned(options, "Exact"), options, receiver)];
                }

            case null when LocatorMethods.SeleniumFromDotNet(name) is not null && args.Count == 1 && first is not null && IsSeleniumBy(receiver):
                return [new LocatorStep(call, LocatorForm.SeleniumBy, name, first, null, null, null, receiver)];
            case LocatorCall.Nth or LocatorCall.Filter or LocatorCall.FrameLocator:
                return [new LocatorStep(call, LocatorForm.Scope, name, first, null, null, OptionsOf(args, 0), receiver)];
            case null when SelectorOnlyActions.Contains(name) && first is not null && IsStringLike(first) && !IsLocatorChain(receiver):
                return [new LocatorStep(call, LocatorForm.PageAction, name, first, null, null, null, receiver)];
            case null when SelectorValueActions.Contains(name) && args.Count >= 2 && first is not null && IsStringLike(first)
                && args[1].Expression is not BaseObjectCreationExpressionSyntax && !IsLocatorChain(receiver):
                return name == "DragAndDropAsync" && IsStringLike(args[1].Expression)
                    ? [new LocatorStep(call, LocatorForm.PageAction, name, first, null, null, null, receiver),
                       new LocatorStep(call, LocatorForm.PageAction, name, args[1].Expression, null, null, null, receiver)]
                    : [new LocatorStep(call, LocatorForm.PageAction, name, first, null, null, null, receiver)];
            default:
                return [];
        }
    }

    /// <summary>The steps of the chain that ends with <paramref name="last"/>, root first (the receiver before the chain is not a step).</summary>
    public static IReadOnlyList<LocatorStep> Chain(LocatorStep last)
    {
        var chain = new List<LocatorStep> { last };
        if (last.Form is LocatorForm.PageAction or LocatorForm.SeleniumBy)
        {
            return chain;
        }

        var receiver = last.Receiver;
        while (receiver is not null)
        {
            receiver = Unwrap(receiver);
            var steps = Read(receiver);
            if (steps.Count != 1 || steps[0].Form is LocatorForm.PageAction or LocatorForm.SeleniumBy)
            {
                break;
            }

            chain.Insert(0, steps[0]);
            receiver = steps[0].Receiver;
        }

        return chain;
    }

    /// <summary>The expression without parentheses and casts.</summary>
    public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p:
                    expression = p.Expression;
                    continue;
                case CastExpressionSyntax c:
                    expression = c.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = bang.Operand;
                    continue;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The value assigned to <paramref name="name"/> in an options initializer.</summary>
    public static ExpressionSyntax? Assigned(InitializerExpressionSyntax? options, string name) =>
        Assignment(options, name)?.Right;

    /// <summary>The <c>Name = …</c> assignment in an options initializer.</summary>
    public static AssignmentExpressionSyntax? Assignment(InitializerExpressionSyntax? options, string name) =>
        options?.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name);

    private static InitializerExpressionSyntax? OptionsOf(SeparatedSyntaxList<ArgumentSyntax> args, int index) =>
        index < args.Count && args[index].Expression is BaseObjectCreationExpressionSyntax { Initializer: { } init } ? init : null;

    /// <summary>An expression that may hold a string (a literal, a name, a member, an interpolation, a concatenation, a call).</summary>
    private static bool IsStringLike(ExpressionSyntax expression) =>
        Unwrap(expression) is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }
            or InterpolatedStringExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax
            or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or InvocationExpressionSyntax
            or ConditionalExpressionSyntax or ElementAccessExpressionSyntax;

    private static bool IsSeleniumBy(ExpressionSyntax receiver) => receiver switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText == "By",
        MemberAccessExpressionSyntax ma => ma.Name.Identifier.ValueText == "By",
        _ => false,
    };

    private static bool IsLocatorChain(ExpressionSyntax receiver) =>
        Read(Unwrap(receiver)) is [{ Form: not LocatorForm.PageAction and not LocatorForm.SeleniumBy }];
}
