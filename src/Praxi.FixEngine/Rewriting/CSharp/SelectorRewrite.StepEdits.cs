using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.CSharp;

internal sealed partial class SelectorRewrite
{
    /// <summary>Collects the edits of one step; the first refusal wins and drops them all.</summary>
    private sealed class StepEdits(SelectorRewrite owner, Candidate candidate)
    {
        private readonly List<PlannedEdit> _edits = [];
        private readonly List<ISymbol> _symbols = [.. candidate.Via];
        private readonly List<SyntaxNode> _path = [.. candidate.ViaPath];
        private string? _refusal;
        private bool _followed = candidate.Via.Count > 0;

        private LocatorStep Step => candidate.Step;

        /// <summary>Gives the value argument (or the definition it comes from) a new string.</summary>
        public void Value(ExpressionSyntax expression, string value)
        {
            if (_refusal is not null)
            {
                return;
            }

            var e = LocatorStep.Unwrap(expression);
            if (CSharpLiterals.StringValue(e) is { } current)
            {
                if (current != value)
                {
                    Replace(e.Span, CSharpLiterals.RenderString(e, value));
                }

                return;
            }

            var follow = owner.FollowOf(expression);
            if (follow.ManualReason is not null)
            {
                _refusal = follow.ManualReason;
                return;
            }

            _followed = true;
            _symbols.AddRange(follow.Symbols);
            _path.AddRange(follow.Path);
            foreach (var site in follow.Sites)
            {
                if (site.Text != value)
                {
                    _edits.Add(new PlannedEdit(site.Tree, site.Literal.SpanStart, site.Literal.Span.Length, CSharpLiterals.RenderString(site.Literal, value)));
                }
            }
        }

        /// <summary>Rewrites the call itself into another form (<c>Locator("#x")</c> → <c>GetByTestId("x")</c>, <c>By.Id</c> → <c>By.CssSelector</c>).</summary>
        public void ChangeForm(LocatorSpec target, SeleniumMethod? seleniumMethod)
        {
            if (_refusal is not null)
            {
                return;
            }

            if (Step.Value is not null && !IsLiteral(Step.Value))
            {
                var from = owner.FollowOf(Step.Value);
                _refusal = from.ManualReason
                    ?? $"the value of {Step.Method}({Step.Value}) is defined elsewhere ({string.Join(", ", from.Sites.Select(s => owner.Project.Where(s.Tree, s.Literal.SpanStart)))}) and the new {target.By.ToName()} locator needs a different form at the call; change it by hand";
                return;
            }

            if (Step.Call is not { } call || Step.NameToken is not { } name)
            {
                _refusal = $"the step {Step.Method} cannot change form";
                return;
            }

            var like = Step.Value is null ? null : LocatorStep.Unwrap(Step.Value);
            string Literal(string s) => like is not null ? CSharpLiterals.RenderString(like, s) : CSharpLiterals.Quote(s);
            string? text;
            if (seleniumMethod is not null)
            {
                text = LocatorRendering.SeleniumValue(seleniumMethod, target, owner.Preferences) is { } v ? $"{seleniumMethod.DotNet}({Literal(v)})" : null;
            }
            else if (Step.Form == LocatorForm.PageAction)
            {
                text = null;
            }
            else
            {
                text = LocatorRendering.HasGetBy(target)
                    ? LocatorRendering.GetByCall(target, Literal)
                    : LocatorRendering.SelectorString(target, owner.Preferences, forPageAction: false) is { } selector ? $"Locator({Literal(selector)})" : null;
            }

            if (text is null)
            {
                _refusal = $"{Step.Method} at {owner.Where()} cannot be rewritten to the {target.By.ToName()} locator";
                return;
            }

            Replace(TextSpan.FromBounds(name.SpanStart, call.ArgumentList.Span.End), text);
        }

        /// <summary>Appends calls to the step (<c>.First</c>, <c>.Filter(…)</c>): the same locator, narrowed.</summary>
        public void Append(string calls)
        {
            if (_refusal is null)
            {
                Insert(Step.Node.Span.End, calls);
            }
        }

        /// <summary>
        /// Puts the locator that starts at <paramref name="root"/> inside the scope <paramref name="parts"/>: the scope's
        /// calls go on the root's receiver (<c>Page.Locator(".nav")</c> → <c>Page.GetByRole(AriaRole.Banner).Locator(".nav")</c>);
        /// a page-level action becomes the scoped locator's action (<c>Page.ClickAsync(".nav")</c> →
        /// <c>Page.GetByRole(AriaRole.Banner).Locator(".nav").ClickAsync()</c>). <paramref name="isRoot"/> false: the
        /// matched step is not where the locator starts, so the scope has no place.
        /// </summary>
        public void Scope(IReadOnlyList<string> parts, LocatorStep root, bool isRoot)
        {
            if (_refusal is not null)
            {
                return;
            }

            var like = root.Value is not null && IsLiteral(root.Value) ? LocatorStep.Unwrap(root.Value) : null;
            var calls = LocatorRendering.Calls(parts, s => like is not null ? CSharpLiterals.RenderString(like, s) : CSharpLiterals.Quote(s));
            if (calls is null)
            {
                _refusal = $"the new locator's scope {SelectorChain.Join(parts)} has no C# call";
                return;
            }

            if (!isRoot || root.Call is not { Expression: MemberAccessExpressionSyntax member } call || root.NameToken is not { } name)
            {
                _refusal = $"the new locator adds the scope {calls} before {root.Method}(…) at {owner.Where()}, which has no receiver to scope";
                return;
            }

            if (root.Form != LocatorForm.PageAction)
            {
                Insert(member.OperatorToken.SpanStart, calls);
                return;
            }

            var args = call.ArgumentList.Arguments;
            if (!ScopedActions.Contains(root.Method) || args.Count == 0 || args.Skip(1).Any(a => a.Expression is ObjectCreationExpressionSyntax))
            {
                _refusal = $"the new locator adds the scope {calls}, and {root.Method}(…) at {owner.Where()} has no locator form with the same arguments; scope it by hand";
                return;
            }

            // Page.FillAsync("#q", "mug", new() { Timeout = 5 }) → Page.<scope>.Locator("#q").FillAsync("mug", new() { Timeout = 5 })
            var rest = string.Join(", ", args.Skip(1).Select(a => a.ToString()));
            Replace(TextSpan.FromBounds(name.SpanStart, call.ArgumentList.Span.End), $"{calls[1..]}.Locator({args[0]}).{root.Method}({rest})");
        }

        /// <summary>A <c>GetByRole</c> with another role, name or exactness.</summary>
        public void Role(LocatorSpec target)
        {
            if (target.Role is not null && LocatorSpecs.RoleName(Step.Role) != target.Role)
            {
                if (Step.Role is not null && LocatorStep.Unwrap(Step.Role) is MemberAccessExpressionSyntax member)
                {
                    Replace(member.Name.Identifier.Span, LocatorRendering.AriaMember(target.Role));
                }
                else
                {
                    _refusal = $"the role argument {Step.Role} is not an AriaRole member";
                    return;
                }
            }

            if (Step.Value is null && LocatorSpecs.NameRegex(Step, owner.ValueOf) is { } nameRegex)
            {
                // The author named the element with a regex: the new name stays a regex (its text escaped, the author's options).
                if (target.Name is null)
                {
                    _refusal = "the new locator has no accessible name; removing the NameRegex option is left to a person";
                    return;
                }

                Value(nameRegex.Pattern, RegexText.Pattern(target.Name, target.Exact == true, slash: false));
                return;
            }

            if (target.Name is null)
            {
                if (Step.Value is not null)
                {
                    _refusal = "the new locator has no accessible name; removing the Name option is left to a person";
                }

                return;
            }

            if (Step.Value is not null)
            {
                Value(Step.Value, target.Name);
                Exact(target.Exact, 1);
                return;
            }

            var exact = target.Exact == true ? ", Exact = true" : string.Empty;
            var name = CSharpLiterals.Quote(target.Name);
            if (Step.Options is { } options)
            {
                if (options.Expressions.Count == 0)
                {
                    Insert(options.OpenBraceToken.Span.End, $" Name = {name}{exact}");
                }
                else
                {
                    Insert(options.Expressions[0].SpanStart, $"Name = {name}, ");
                    Exact(target.Exact, 1);
                }
            }
            else if (Step.Call is { ArgumentList.Arguments.Count: 1 } call)
            {
                Insert(call.ArgumentList.CloseParenToken.SpanStart, $", new() {{ Name = {name}{exact} }}");
            }
            else
            {
                _refusal = $"the options of {Step.Method} at {owner.Where()} are not an object initializer";
            }
        }

        /// <summary>Sets the <c>Exact</c> option (null: keep what the code says).</summary>
        public void Exact(bool? wanted, int optionsIndex)
        {
            if (_refusal is not null || wanted is not { } want)
            {
                return;
            }

            if (Step.Exact is not null)
            {
                var current = LocatorSpecs.BoolOf(Step.Exact);
                if (current is null)
                {
                    _refusal = $"the Exact option ({Step.Exact}) is computed";
                }
                else if (current != want)
                {
                    Replace(LocatorStep.Unwrap(Step.Exact).Span, want ? "true" : "false");
                }

                return;
            }

            if (!want)
            {
                return;
            }

            if (Step.Options is { } options)
            {
                if (options.Expressions.Count == 0)
                {
                    Insert(options.OpenBraceToken.Span.End, " Exact = true");
                }
                else
                {
                    Insert(options.Expressions[^1].Span.End, ", Exact = true");
                }
            }
            else if (Step.Call is { } call && call.ArgumentList.Arguments.Count == optionsIndex)
            {
                Insert(call.ArgumentList.CloseParenToken.SpanStart, ", new() { Exact = true }");
            }
            else
            {
                _refusal = $"the options of {Step.Method} at {owner.Where()} are not an object initializer";
            }
        }

        public EditPlan Result()
        {
            if (_refusal is not null)
            {
                return EditPlan.Manual(_refusal);
            }

            if (_edits.Count == 0)
            {
                return EditPlan.NoChange($"the locator at {owner.Where()} already says that");
            }

            return new EditPlan
            {
                Status = RewriteStatus.Edited,
                Edits = [.. _edits],
                Followed = _followed,
                OtherUsages = _followed && _symbols.Count > 0 ? owner.Follower.Usages(_symbols, _path) : [],
                CallLine = owner.Region.Line,
            };
        }

        private void Replace(TextSpan span, string text)
        {
            var tree = Step.Node.SyntaxTree;
            if (tree.GetText().ToString(span) != text)
            {
                _edits.Add(new PlannedEdit(tree, span.Start, span.Length, text));
            }
        }

        /// <summary>Page-level actions whose locator method has the same name and takes the arguments after the selector.</summary>
        private static readonly HashSet<string> ScopedActions =
            [.. LocatorMethods.PageActions.Select(a => a.DotNet).Where(m => m is not ("WaitForSelectorAsync" or "QuerySelectorAsync" or "QuerySelectorAllAsync" or "EvalOnSelectorAsync" or "EvalOnSelectorAllAsync" or "DragAndDropAsync"))];

        private void Insert(int position, string text) => _edits.Add(new PlannedEdit(Step.Node.SyntaxTree, position, 0, text));
    }
}
