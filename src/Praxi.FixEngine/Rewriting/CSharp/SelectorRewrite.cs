using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// <c>replace_selector</c> / <c>narrow_selector</c>: finds the locator step at the failing location whose value is the
/// instruction's <c>old</c>, and plans the smallest edit that makes it resolve from <c>new</c> — in the author's form when
/// that form can say it (a new string, a new role name), in another form only when it cannot.
/// </summary>
internal sealed partial class SelectorRewrite(CSharpProject project, FailingRegion region, SelectorPreferences preferences, CancellationToken cancellationToken)
{
    private readonly Dictionary<ExpressionSyntax, FollowResult> _follows = [];
    private ValueFollower? _follower;

    private ValueFollower Follower => _follower ??= new ValueFollower(project, cancellationToken);

    private CSharpProject Project => project;

    private FailingRegion Region => region;

    private SelectorPreferences Preferences => preferences;

    /// <summary>One step that may be the failing one; <see cref="Via"/> when reached through a locator property or field.</summary>
    private sealed record Candidate(LocatorStep Step, IReadOnlyList<LocatorStep> Chain, IReadOnlyList<ISymbol> Via, IReadOnlyList<SyntaxNode> ViaPath);

    public EditPlan Plan(LocatorSpec oldSpec, LocatorSpec newSpec)
    {
        var old = LocatorSpecs.Normalize(oldSpec);
        var target = LocatorSpecs.Normalize(newSpec);
        var candidates = StepsIn(region.Nodes, [], []);
        var plan = Match(candidates, old, target);
        if (plan is not null)
        {
            return plan;
        }

        // Nothing at the call itself: follow names used as locators (page objects, fields, locals) to what builds them.
        var followed = new List<Candidate>();
        foreach (var node in region.Nodes.OfType<ExpressionSyntax>().Where(IsLocatorUse))
        {
            if (Follower.FollowExpression(node.SyntaxTree, node) is { } definition)
            {
                var nodes = definition.Definition.DescendantNodesAndSelf().ToList();
                followed.AddRange(StepsIn(nodes, definition.Symbols, definition.Path));
            }
        }

        plan = Match(followed, old, target);
        if (plan is not null)
        {
            return plan;
        }

        var all = candidates.Concat(followed).ToList();
        var refusal = all.Where(c => c.Step.Value is not null).Select(c => ManualReasonOf(c.Step.Value!)).FirstOrDefault(r => r is not null);
        if (refusal is not null)
        {
            return EditPlan.Manual(refusal);
        }

        var seen = all.Select(c => LocatorSpecs.ChainOf(c.Chain, ValueOf)).Where(s => s is not null).Distinct().Take(5).ToList();
        return EditPlan.NotFound(seen.Count == 0
            ? $"no locator call at {Where()} (looked for {PlaywrightSelectors.Print(old)})"
            : $"the locator at {Where()} is {string.Join(", ", seen)}, not {PlaywrightSelectors.Print(old)}");
    }

    private EditPlan? Match(List<Candidate> candidates, LocatorSpec old, LocatorSpec target)
    {
        var matches = new List<(Candidate Candidate, bool ViaChain)>();
        var already = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            var (spec, _) = LocatorSpecs.Of(candidate.Step, ValueOf);
            var chain = candidate.Chain.Count > 1 || IsChain(old) || IsChain(target) ? FullChain(candidate) : null;
            if (chain is not null && target.By == LocatorKind.Selector && IsChain(target) && SameChain(target.Value, chain))
            {
                // Already the new chain (a scope added on a second pass): old is still its last step.
                already.Add(candidate);
            }
            else if (spec is not null && LocatorSpecs.Same(old, spec, preferences.TestIdAttributes))
            {
                matches.Add((candidate, false));
            }
            else if (chain is not null && old.By == LocatorKind.Selector && SameChain(old.Value, chain))
            {
                matches.Add((candidate, true));
            }
            else if (spec is not null && LocatorSpecs.Same(spec, target, preferences.TestIdAttributes, exactMatters: false)
                     || chain is not null && target.By == LocatorKind.Selector && SameChain(target.Value, chain)
                     || AlreadyRendered(candidate.Step, target))
            {
                already.Add(candidate);
            }
        }

        // The caret decides between a step still to change and one already changed (a second pass).
        var all = matches.Select(m => (m.Candidate, m.ViaChain, Done: false)).Concat(already.Select(a => (Candidate: a, ViaChain: false, Done: true))).ToList();
        if (all.Count > 0)
        {
            var (chosen, viaChain, done) = region.Pick(all, m => m.Candidate.Step.Node);
            if (!done && !viaChain)
            {
                // Old names several steps of one chain (Page.GetByTestId("row").GetByTestId("row")): only a column inside
                // one of the calls says which; the caret after them all is no answer.
                var sameChain = matches.Where(m => !m.ViaChain && InOneChain(m.Candidate.Step.Node, chosen.Step.Node)).Select(m => m.Candidate).ToList();
                if (sameChain.Count > 1)
                {
                    var pointed = sameChain.Where(c => region.Caret is { } caret && OwnSpan(c.Step).Contains(caret)).ToList();
                    if (pointed.Count != 1)
                    {
                        return EditPlan.Manual(
                            $"{PlaywrightSelectors.Print(old)} matches {sameChain.Count} steps of {LocatorSpecs.ChainOf(sameChain.MaxBy(c => c.Chain.Count)!.Chain, ValueOf) ?? "the chain"} at {Where()} and the column does not point into one of them; choose the step by hand");
                    }

                    chosen = pointed[0];
                }
            }

            return done
                ? EditPlan.NoChange($"the locator at {Where()} already is {LocatorSpecs.ChainOf(chosen.Chain, ValueOf)}")
                : Edit(chosen, viaChain, old, target);
        }

        return null;
    }

    private EditPlan Edit(Candidate candidate, bool viaChain, LocatorSpec old, LocatorSpec target)
    {
        if (LocatorSpecs.Same(old, target, preferences.TestIdAttributes) && !viaChain)
        {
            return EditPlan.NoChange("old and new are the same locator");
        }

        // A chain: the new locator must keep the scope and change the last step only.
        var newParts = target.By == LocatorKind.Selector ? SplitChain(target.Value) : [];
        if (ScopeBefore(old, newParts) is { } scope)
        {
            // The author's locator inside a scope (a strict-mode violation healed by the landmark around the element).
            var scoped = new StepEdits(this, candidate);
            scoped.Scope(scope, viaChain ? candidate.Chain[0] : candidate.Step, viaChain ? SameChain(old.Value, LocatorSpecs.ChainOf(candidate.Chain, ValueOf)) : candidate.Chain.Count == 1);
            return scoped.Result();
        }

        if (viaChain && newParts.Count > 1)
        {
            var oldParts = SplitChain(old.Value);
            if (oldParts.Count != newParts.Count || !oldParts.SkipLast(1).SequenceEqual(newParts.SkipLast(1), StringComparer.Ordinal))
            {
                return EditPlan.Manual($"the new locator {target.Value} changes the scope of the chain {old.Value}, not only its last step");
            }

            target = LocatorSpecs.Normalize(new LocatorSpec { By = LocatorKind.Selector, Value = newParts[^1] });
        }
        else if (!viaChain && newParts.Count > 1 && candidate.Step.Form is not (LocatorForm.Locator or LocatorForm.PageAction))
        {
            // A narrowing of the same locator (…>> nth=0, …>> internal:has-text="x"i) is a call appended to the step.
            if (NarrowingSuffix(old, newParts) is { } suffix && candidate.Step.Form is not (LocatorForm.SeleniumBy or LocatorForm.PageAction))
            {
                var after = candidate.Step.Node.SyntaxTree.GetText(cancellationToken);
                var end = candidate.Step.Node.Span.End;
                var next = after.ToString(TextSpan.FromBounds(end, Math.Min(after.Length, end + suffix.Length + 16)));
                if (string.Concat(next.Where(c => !char.IsWhiteSpace(c))).StartsWith(string.Concat(suffix.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal))
                {
                    return EditPlan.NoChange($"the locator at {Where()} is already narrowed with {suffix}");
                }

                var narrowed = new StepEdits(this, candidate);
                narrowed.Append(suffix);
                return narrowed.Result();
            }

            return EditPlan.Manual($"the new locator {target.Value} is a chain; {candidate.Step.Method} cannot hold it");
        }

        var builder = new StepEdits(this, candidate);
        var step = candidate.Step;
        switch (step.Form)
        {
            case LocatorForm.Locator or LocatorForm.PageAction:
                if (LocatorRendering.SelectorString(target, preferences, step.Form == LocatorForm.PageAction, ValueOf(step.Value!)) is { } selector)
                {
                    builder.Value(step.Value!, selector);
                }
                else
                {
                    builder.ChangeForm(target, null);
                }

                break;
            case LocatorForm.GetByRole:
                if (target.By == LocatorKind.Role || target.By == LocatorKind.LinkText)
                {
                    builder.Role(target.By == LocatorKind.Role ? target : new LocatorSpec { By = LocatorKind.Role, Role = "link", Name = target.Value, Exact = target.Exact ?? true });
                }
                else
                {
                    builder.ChangeForm(target, null);
                }

                break;
            case LocatorForm.GetBy:
                if (LocatorMethods.FromDotNet(step.Method)?.Kind == target.By)
                {
                    builder.Value(step.Value!, target.Value ?? string.Empty);
                    if (target.By != LocatorKind.TestId)
                    {
                        builder.Exact(target.Exact, 1);
                    }
                }
                else
                {
                    builder.ChangeForm(target, null);
                }

                break;
            case LocatorForm.SeleniumBy:
                if (LocatorRendering.SeleniumValue(LocatorMethods.SeleniumFromDotNet(step.Method)!, target, preferences) is { } same)
                {
                    builder.Value(step.Value!, same);
                }
                else
                {
                    var method = LocatorRendering.SeleniumMethods(target, preferences)
                        .FirstOrDefault(m => LocatorRendering.SeleniumValue(m, target, preferences) is not null);
                    if (method is null)
                    {
                        return EditPlan.Manual($"Selenium's By cannot express the {target.By.ToName()} locator {PlaywrightSelectors.Print(target)}");
                    }

                    builder.ChangeForm(target, method);
                }

                break;
            default:
                return EditPlan.NotFound($"the locator step at {Where()} is not one the rewriter edits");
        }

        return builder.Result();
    }

    /// <summary>
    /// The C# calls that narrow <paramref name="old"/> to the chain <paramref name="newParts"/> when the chain is the old
    /// locator followed only by <c>nth=</c> and plain <c>internal:has-text</c> parts (<c>.First</c>, <c>.Nth(2)</c>,
    /// <c>.Filter(new() { HasText = "x" })</c>); null otherwise.
    /// </summary>
    private string? NarrowingSuffix(LocatorSpec old, IReadOnlyList<string> newParts)
    {
        if (!LocatorExpression.TryParseSelector(newParts[0], out var head) || !LocatorSpecs.Same(old, head, preferences.TestIdAttributes))
        {
            return null;
        }

        var suffix = new System.Text.StringBuilder();
        foreach (var part in newParts.Skip(1))
        {
            var p = part.Trim();
            if (SelectorParts.Nth(p) is { } n)
            {
                suffix.Append(n switch
                {
                    0 => ".First",
                    -1 => ".Last",
                    _ => ".Nth(" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
                });
            }
            else if (SelectorParts.TryHasText(p, out var text) && text.Exact != true && text.Value is { } value)
            {
                suffix.Append(".Filter(new() { HasText = ").Append(CSharpLiterals.Quote(value)).Append(" })");
            }
            else
            {
                return null;
            }
        }

        return suffix.ToString();
    }

    /// <summary>The parts <paramref name="newParts"/> adds before the whole of <paramref name="old"/>; null when new is not old in a scope.</summary>
    private List<string>? ScopeBefore(LocatorSpec old, IReadOnlyList<string> newParts)
    {
        var oldParts = old.By == LocatorKind.Selector ? SplitChain(old.Value) : [PlaywrightSelectors.Print(old)];
        var k = newParts.Count - oldParts.Count;
        if (oldParts.Count == 0 || k <= 0)
        {
            return null;
        }

        for (var i = 0; i < oldParts.Count; i++)
        {
            var (a, b) = (oldParts[i].Trim(), newParts[k + i].Trim());
            if (a != b && !(LocatorExpression.TryParseSelector(a, out var sa) && LocatorExpression.TryParseSelector(b, out var sb) && LocatorSpecs.Same(sa, sb, preferences.TestIdAttributes)))
            {
                return null;
            }
        }

        return [.. newParts.Take(k)];
    }

    /// <summary>True when one node is the other or holds it (a step and a step chained on it).</summary>
    private static bool InOneChain(SyntaxNode a, SyntaxNode b) =>
        a.SyntaxTree == b.SyntaxTree && (a.Span.Contains(b.Span) || b.Span.Contains(a.Span));

    /// <summary>The step's own call, without its receiver: <c>.GetByTestId("row")</c>.</summary>
    private static TextSpan OwnSpan(LocatorStep step) => step.Node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax ma } call => TextSpan.FromBounds(ma.OperatorToken.SpanStart, call.Span.End),
        _ => step.Node.Span,
    };

    private static bool IsChain(LocatorSpec spec) => spec.By == LocatorKind.Selector && SplitChain(spec.Value).Count > 1;

    /// <summary>
    /// The Playwright selector chain of a candidate, with the scope its root is built from when the root is a page
    /// object's locator (<c>Form.Locator("button")</c> with <c>ILocator Form =&gt; page.Locator("form")</c>).
    /// </summary>
    private string? FullChain(Candidate candidate)
    {
        var chain = LocatorSpecs.ChainOf(candidate.Chain, ValueOf);
        var root = candidate.Chain[0].Receiver;
        for (var depth = 0; chain is not null && depth < 4 && root is IdentifierNameSyntax or MemberAccessExpressionSyntax; depth++)
        {
            if (Follower.FollowExpression(root.SyntaxTree, root) is not { } definition
                || LocatorStep.Read(definition.Definition) is not [{ Form: not (LocatorForm.PageAction or LocatorForm.SeleniumBy) } last])
            {
                break;
            }

            var scope = LocatorStep.Chain(last);
            if (LocatorSpecs.ChainOf(scope, ValueOf) is not { } prefix)
            {
                break;
            }

            chain = prefix + SelectorChain.Separator + chain;
            root = scope[0].Receiver;
        }

        return chain;
    }

    /// <summary>True when the step's value is what this rewriter renders for <paramref name="target"/> in the step's form (a second pass after a change of form).</summary>
    private bool AlreadyRendered(LocatorStep step, LocatorSpec target)
    {
        if (target is { By: LocatorKind.Role, Name: { } name } && step.Form == LocatorForm.GetByRole && step.Value is null
            && LocatorSpecs.NameRegex(step, ValueOf) is { } nameRegex && RegexText.LiteralOf(nameRegex.Regex) is { } literal)
        {
            // A regex name healed in the author's style (NameRegex = new Regex("Log in", RegexOptions.IgnoreCase)).
            return literal.Text == name && LocatorSpecs.RoleName(step.Role) == target.Role;
        }

        if (step.Value is null || ValueOf(step.Value) is not { } current)
        {
            return false;
        }

        return step.Form switch
        {
            LocatorForm.SeleniumBy => LocatorRendering.SeleniumValue(LocatorMethods.SeleniumFromDotNet(step.Method)!, target, preferences) == current,
            LocatorForm.Locator or LocatorForm.PageAction => LocatorRendering.SelectorString(target, preferences, step.Form == LocatorForm.PageAction) == current,
            _ => false,
        };
    }

    /// <summary>The steps in a set of nodes (every locator call, not only scope steps) with their chains.</summary>
    private static List<Candidate> StepsIn(IEnumerable<SyntaxNode> nodes, IReadOnlyList<ISymbol> via, IReadOnlyList<SyntaxNode> viaPath)
    {
        var list = new List<Candidate>();
        foreach (var node in nodes)
        {
            foreach (var step in LocatorStep.Read(node))
            {
                if (step.Form != LocatorForm.Scope)
                {
                    list.Add(new Candidate(step, LocatorStep.Chain(step), via, viaPath));
                }
            }
        }

        return list;
    }

    /// <summary>A name or member used as a locator: the receiver of a call, or an argument (<c>Expect(LoginButton)</c>).</summary>
    private static bool IsLocatorUse(ExpressionSyntax node) =>
        node is IdentifierNameSyntax or MemberAccessExpressionSyntax
        && !(node.Parent is MemberAccessExpressionSyntax parent && parent.Name == node)
        && (node.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax or MemberAccessExpressionSyntax } owner && owner.Expression == node
            || node.Parent is ArgumentSyntax);

    /// <summary>The current value of a step's argument: a literal's value, or the value it was followed to.</summary>
    private string? ValueOf(ExpressionSyntax expression)
    {
        var e = LocatorStep.Unwrap(expression);
        if (CSharpLiterals.StringValue(e) is { } literal)
        {
            return literal;
        }

        return e is LiteralExpressionSyntax ? null : FollowOf(expression).Value;
    }

    private FollowResult FollowOf(ExpressionSyntax expression)
    {
        if (!_follows.TryGetValue(expression, out var result))
        {
            result = Follower.Follow(expression.SyntaxTree, expression);
            _follows[expression] = result;
        }

        return result;
    }

    private string? ManualReasonOf(ExpressionSyntax expression) =>
        CSharpLiterals.StringValue(LocatorStep.Unwrap(expression)) is null ? FollowOf(expression).ManualReason : null;

    private string Where() => region.Line is { } line ? $"{project.PathOf(region.Tree)}:{line}" : project.PathOf(region.Tree);

    private static bool SameChain(string? a, string? b) =>
        a is not null && b is not null && SplitChain(a).SequenceEqual(SplitChain(b), StringComparer.Ordinal);

    private static IReadOnlyList<string> SplitChain(string? selector) => selector is null ? [] : SelectorChain.Split(selector);

    private static bool IsLiteral(ExpressionSyntax? expression) =>
        expression is not null && CSharpLiterals.StringValue(LocatorStep.Unwrap(expression)) is not null;
}
