using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// <c>raise_timeout</c>: finds the explicit timeout at the failing location — <c>new() { Timeout = N }</c> on an action or
/// an assertion, <c>SetDefaultTimeout(N)</c>, <c>SetDefaultNavigationTimeout(N)</c>, <c>TimeSpan.FromSeconds(N)</c> (a
/// <c>WebDriverWait</c>), <c>Thread.Sleep(N)</c>/<c>Task.Delay(N)</c> — whose value is <c>old_ms</c>, and writes <c>new_ms</c>
/// in the author's unit and literal style. A value from a constant is followed to its definition.
/// </summary>
internal sealed class TimeoutRewrite(CSharpProject project, FailingRegion region, CancellationToken cancellationToken)
{
    private static readonly string[] DefaultSetters = ["SetDefaultTimeout", "SetDefaultNavigationTimeout", "SetDefaultExpectTimeout"];

    private ValueFollower? _follower;

    private ValueFollower Follower => _follower ??= new ValueFollower(project, cancellationToken);

    /// <summary>A place that holds a timeout: its value expression and the milliseconds one unit of it is.</summary>
    private sealed record Slot(ExpressionSyntax Value, double Factor, bool HardWait);

    public EditPlan Plan(int? oldMs, int newMs)
    {
        var evaluated = new List<(Slot Slot, FollowResult Follow, double Ms)>();
        string? refusal = null;
        foreach (var slot in SlotsIn(region.Nodes))
        {
            var follow = FollowNumber(slot.Value);
            if (follow.ManualReason is not null)
            {
                refusal ??= follow.ManualReason;
                continue;
            }

            if (follow.Sites.Count > 0 && CSharpLiterals.NumberValue(follow.Sites[0].Literal) is { } value)
            {
                evaluated.Add((slot, follow, value * slot.Factor));
            }
        }

        var matches = evaluated.Where(e => oldMs is null ? !e.Slot.HardWait : Math.Abs(e.Ms - oldMs.Value) < 0.5).ToList();
        if (oldMs is null && matches.Count == 0)
        {
            matches = evaluated;
        }

        // The caret decides between a timeout still to raise and one already raised (a second pass).
        var done = evaluated.Where(e => Math.Abs(e.Ms - newMs) < 0.5 && !matches.Contains(e)).ToList();
        var all = matches.Select(m => (m.Slot, m.Follow, Done: false)).Concat(done.Select(d => (d.Slot, d.Follow, Done: true))).ToList();
        if (all.Any(m => !m.Slot.HardWait))
        {
            all = [.. all.Where(m => !m.Slot.HardWait)];
        }

        if (all.Count > 0)
        {
            var chosen = region.Pick(all, m => m.Slot.Value);
            return chosen.Done ? EditPlan.NoChange($"the timeout at {Where()} already is {newMs} ms") : Edit(chosen.Slot, chosen.Follow, newMs);
        }

        if (refusal is not null)
        {
            return EditPlan.Manual(refusal);
        }

        if (oldMs is { } old && ProjectDefault(old, newMs) is { } fallback)
        {
            return fallback;
        }

        var seen = evaluated.Select(e => e.Ms.ToString(CultureInfo.InvariantCulture) + " ms").Distinct().ToList();
        return EditPlan.NotFound(seen.Count > 0
            ? $"the timeout at {Where()} is {string.Join(", ", seen)}, not {oldMs} ms"
            : $"no explicit timeout at {Where()}{(oldMs is null ? string.Empty : $" and no default of {oldMs} ms set in the project")}");
    }

    private EditPlan Edit(Slot slot, FollowResult follow, int newMs)
    {
        var value = newMs / slot.Factor;
        var edits = new List<PlannedEdit>();
        foreach (var site in follow.Sites)
        {
            if (site.Literal is not LiteralExpressionSyntax literal)
            {
                return EditPlan.Manual($"the timeout at {project.Where(site.Tree, site.Literal.SpanStart)} is not a number literal");
            }

            if (CSharpLiterals.NumberValue(literal) is { } current && Math.Abs(current - value) < 1e-9)
            {
                continue;
            }

            if (value != Math.Floor(value) && literal.Token.Value is int or long && slot.Factor == 1)
            {
                return EditPlan.Manual($"{newMs} ms does not fit the integer at {project.Where(site.Tree, literal.SpanStart)}");
            }

            edits.Add(new PlannedEdit(site.Tree, literal.SpanStart, literal.Span.Length, CSharpLiterals.RenderNumber(literal.Token, value)));
        }

        if (edits.Count == 0)
        {
            return EditPlan.NoChange($"the timeout at {Where()} already is {newMs} ms");
        }

        return new EditPlan
        {
            Status = RewriteStatus.Edited,
            Edits = edits,
            Followed = follow.Followed,
            OtherUsages = follow.Followed && follow.Symbols.Count > 0 ? Follower.Usages(follow.Symbols, follow.Path) : [],
            CallLine = region.Line,
        };
    }

    /// <summary>A default set once for the project (<c>SetDefaultTimeout(old)</c> in a setup method), when the call itself has none.</summary>
    private EditPlan? ProjectDefault(int oldMs, int newMs)
    {
        var found = new List<(Slot Slot, FollowResult Follow)>();
        var raised = new List<ExpressionSyntax>();
        foreach (var tree in project.Trees())
        {
            foreach (var slot in SlotsIn(tree.GetRoot(cancellationToken).DescendantNodes()).Where(s => IsDefaultSetter(s.Value)))
            {
                var follow = FollowNumber(slot.Value);
                if (follow.Sites.Count > 0 && CSharpLiterals.NumberValue(follow.Sites[0].Literal) is { } v)
                {
                    if (Math.Abs(v * slot.Factor - oldMs) < 0.5)
                    {
                        found.Add((slot, follow));
                    }
                    else if (Math.Abs(v * slot.Factor - newMs) < 0.5)
                    {
                        raised.Add(slot.Value);
                    }
                }
            }
        }

        if (found.Count > 1)
        {
            return EditPlan.Manual($"no explicit timeout at {Where()}; {found.Count} places set a default of {oldMs} ms: "
                + string.Join(", ", found.Select(f => project.Where(f.Slot.Value.SyntaxTree, f.Slot.Value.SpanStart))));
        }

        if (found.Count == 0)
        {
            return raised.Count == 1 ? EditPlan.NoChange($"the default timeout at {project.Where(raised[0].SyntaxTree, raised[0].SpanStart)} already is {newMs} ms") : null;
        }

        var plan = Edit(found[0].Slot, found[0].Follow, newMs);
        return plan.Status == RewriteStatus.Edited ? plan with { Followed = true } : plan;
    }

    private FollowResult FollowNumber(ExpressionSyntax value)
    {
        var e = LocatorStep.Unwrap(value);
        return CSharpLiterals.NumberValue(e) is not null
            ? new FollowResult { Sites = [new LiteralSite(e.SyntaxTree, e)] }
            : Follower.Follow(value.SyntaxTree, value);
    }

    private static bool IsDefaultSetter(ExpressionSyntax value) =>
        value.Parent?.Parent?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax ma } && DefaultSetters.Contains(ma.Name.Identifier.ValueText);

    private static IEnumerable<Slot> SlotsIn(IEnumerable<SyntaxNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: var left, Right: var right } when NameOf(left) == "Timeout" && !IsTimeSpan(right):
                    yield return new Slot(right, 1, false);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax ma, ArgumentList.Arguments: [var only, ..] } call:
                    {
                        var name = ma.Name.Identifier.ValueText;
                        var receiver = NameOf(ma.Expression);
                        if (DefaultSetters.Contains(name) && call.ArgumentList.Arguments.Count == 1)
                        {
                            yield return new Slot(only.Expression, 1, false);
                        }
                        else if (receiver == "TimeSpan" && name is "FromMilliseconds" or "FromSeconds" or "FromMinutes")
                        {
                            yield return new Slot(only.Expression, name switch { "FromMilliseconds" => 1, "FromSeconds" => 1000, _ => 60_000 }, false);
                        }
                        else if (receiver == "Thread" && name == "Sleep" || receiver == "Task" && name == "Delay" || name == "WaitForTimeoutAsync")
                        {
                            if (!IsTimeSpan(only.Expression))
                            {
                                yield return new Slot(only.Expression, 1, true);
                            }
                        }

                        break;
                    }
            }
        }
    }

    private static bool IsTimeSpan(ExpressionSyntax expression) => expression.ToString().Contains("TimeSpan", StringComparison.Ordinal);

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        MemberAccessExpressionSyntax ma => ma.Name.Identifier.ValueText,
        _ => null,
    };

    private string Where() => region.Line is { } line ? $"{project.PathOf(region.Tree)}:{line}" : project.PathOf(region.Tree);
}
