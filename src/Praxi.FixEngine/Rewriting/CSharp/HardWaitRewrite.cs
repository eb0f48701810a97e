using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// <c>replace_hard_wait</c> (opt-in): a <c>Thread.Sleep</c>, <c>Task.Delay</c> or <c>WaitForTimeoutAsync</c> statement
/// right before an action becomes a web-first wait on that action's locator — <c>await locator.WaitForAsync()</c> for
/// Playwright, a <c>WebDriverWait</c> until the element is displayed for Selenium.
/// </summary>
internal sealed class HardWaitRewrite(CSharpProject project, FailingRegion region)
{
    private const int SeleniumWaitSeconds = 10;

    private static readonly HashSet<string> LocatorActions = new(StringComparer.Ordinal)
    {
        "ClickAsync", "DblClickAsync", "FillAsync", "TypeAsync", "PressAsync", "PressSequentiallyAsync", "CheckAsync", "UncheckAsync",
        "SetCheckedAsync", "SelectOptionAsync", "HoverAsync", "FocusAsync", "TapAsync", "TextContentAsync", "InnerTextAsync",
        "InputValueAsync", "GetAttributeAsync", "SetInputFilesAsync", "ClearAsync", "ScrollIntoViewIfNeededAsync", "DragToAsync",
        "IsVisibleAsync", "IsEnabledAsync", "IsCheckedAsync",
    };

    public EditPlan Plan()
    {
        var wait = region.Nodes.OfType<InvocationExpressionSyntax>().FirstOrDefault(IsHardWait);
        if (wait is null)
        {
            return region.Nodes.OfType<InvocationExpressionSyntax>().Any(IsWebFirstWait)
                ? EditPlan.NoChange($"the wait at {Where()} already is a web-first wait")
                : EditPlan.NotFound($"no Thread.Sleep, Task.Delay or WaitForTimeoutAsync at {Where()}");
        }

        var statement = wait.FirstAncestorOrSelf<ExpressionStatementSyntax>();
        var replaced = statement?.Expression;
        if (statement is null || replaced is null || !IsWholeStatement(replaced, wait))
        {
            return EditPlan.Manual($"the hard wait at {Where()} is part of a larger expression");
        }

        if (statement.Parent is not BlockSyntax block || block.Statements.IndexOf(statement) is var index && index + 1 >= block.Statements.Count)
        {
            return EditPlan.NotFound($"no action follows the hard wait at {Where()}");
        }

        var next = block.Statements[index + 1];
        var awaited = replaced is AwaitExpressionSyntax;
        var isAsync = IsInAsyncContext(statement);
        var text = PlaywrightWait(next) is { } playwright
            ? (awaited || isAsync ? playwright : null)
            : SeleniumWait(next);
        if (text is null)
        {
            return PlaywrightWait(next) is not null
                ? EditPlan.Manual($"the hard wait at {Where()} is not in an async method, so it cannot become an awaited web-first wait")
                : EditPlan.NotFound($"the statement after the hard wait at {Where()} acts on no locator the rewriter can wait for");
        }

        if (text.StartsWith("new WebDriverWait", StringComparison.Ordinal) && !SeleniumSupportImported(statement))
        {
            return EditPlan.Manual($"a WebDriverWait needs 'using OpenQA.Selenium.Support.UI;' which {project.PathOf(region.Tree)} does not import");
        }

        return new EditPlan
        {
            Status = RewriteStatus.Edited,
            Edits = [new PlannedEdit(region.Tree, replaced.SpanStart, replaced.Span.Length, text)],
            CallLine = region.Line,
        };
    }

    /// <summary><c>await R.WaitForAsync()</c> for the locator the next statement acts on; null when there is none.</summary>
    private static string? PlaywrightWait(StatementSyntax next)
    {
        foreach (var call in next.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } member || !LocatorActions.Contains(name))
            {
                continue;
            }

            if (LocatorStep.Read(call) is [{ Form: LocatorForm.PageAction, Value: { } selector } page, ..])
            {
                return IsPure(page.Receiver!) && IsPure(selector) ? $"await {page.Receiver}.Locator({selector}).WaitForAsync()" : null;
            }

            var receiver = member.Expression;
            if (IsPure(receiver) && IsLocatorLike(receiver))
            {
                return $"await {receiver.WithoutTrivia()}.WaitForAsync()";
            }
        }

        return null;
    }

    /// <summary>A <c>WebDriverWait</c> until the element the next statement finds is displayed.</summary>
    private static string? SeleniumWait(StatementSyntax next)
    {
        var find = next.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(c =>
            c.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FindElement" } && c.ArgumentList.Arguments.Count == 1);
        if (find is null || find.Expression is not MemberAccessExpressionSyntax { Expression: var driver }
            || !IsPure(driver) || !IsPure(find.ArgumentList.Arguments[0].Expression))
        {
            return null;
        }

        return $"new WebDriverWait({driver.WithoutTrivia()}, TimeSpan.FromSeconds({SeleniumWaitSeconds})).Until(d => d.FindElement({find.ArgumentList.Arguments[0].Expression.WithoutTrivia()}).Displayed)";
    }

    private static bool IsHardWait(InvocationExpressionSyntax call) => call.Expression is MemberAccessExpressionSyntax ma && (
        ma.Name.Identifier.ValueText == "Sleep" && ma.Expression.ToString() is "Thread" or "System.Threading.Thread"
        || ma.Name.Identifier.ValueText == "Delay" && ma.Expression.ToString() is "Task" or "System.Threading.Tasks.Task"
        || ma.Name.Identifier.ValueText == "WaitForTimeoutAsync");

    private static bool IsWebFirstWait(InvocationExpressionSyntax call) => call.Expression is MemberAccessExpressionSyntax ma
        && (ma.Name.Identifier.ValueText == "WaitForAsync" || ma.Name.Identifier.ValueText == "Until" && call.ToString().Contains("WebDriverWait", StringComparison.Ordinal));

    /// <summary>The statement is just the wait: <c>Thread.Sleep(n)</c>, <c>await Task.Delay(n)</c>, <c>await Task.Delay(n).ConfigureAwait(false)</c>.</summary>
    private static bool IsWholeStatement(ExpressionSyntax expression, InvocationExpressionSyntax wait)
    {
        var inner = expression is AwaitExpressionSyntax await ? await.Expression : expression;
        if (inner is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var configured } })
        {
            inner = configured;
        }

        return inner == wait;
    }

    /// <summary>No call other than locator steps, no await, no assignment: evaluating it twice is harmless.</summary>
    private static bool IsPure(ExpressionSyntax expression) =>
        !expression.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax
            or AssignmentExpressionSyntax { Parent: not InitializerExpressionSyntax } or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax or BaseObjectCreationExpressionSyntax && n.Parent is not ArgumentSyntax
            || n is InvocationExpressionSyntax call && LocatorStep.Read(call).Count == 0 && !IsByCall(call));

    private static bool IsByCall(InvocationExpressionSyntax call) => call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "By" } };

    private static bool IsLocatorLike(ExpressionSyntax receiver) =>
        receiver is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax;

    private static bool IsInAsyncContext(SyntaxNode node) => node.Ancestors().FirstOrDefault(a =>
            a is MethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) switch
    {
        MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        _ => false,
    };

    private static bool SeleniumSupportImported(SyntaxNode node) =>
        node.SyntaxTree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>().Any(u => u.Name?.ToString() == "OpenQA.Selenium.Support.UI")
        || node.SyntaxTree.GetRoot().ToString().Contains("WebDriverWait", StringComparison.Ordinal);

    private string Where() => region.Line is { } line ? $"{project.PathOf(region.Tree)}:{line}" : project.PathOf(region.Tree);
}
