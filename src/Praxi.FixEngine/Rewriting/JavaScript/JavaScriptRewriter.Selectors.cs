using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.JavaScript;

internal sealed partial class JavaScriptRewriter
{
    private static RewriteResult Selectors(JsResolver resolver, JsDocument doc, FixInstruction instruction, SelectorPreferences preferences)
    {
        if (instruction.Old is null)
        {
            return RewriteResult.ManualReview("the instruction has no old locator");
        }

        if (instruction.New is null)
        {
            return RewriteResult.ManualReview("the instruction has no new locator yet (no healer found one)");
        }

        if (instruction.Line is not { } line)
        {
            return RewriteResult.NotFound($"{instruction.File}: the instruction has no line");
        }

        // A new locator that leaves `exact` open keeps the author's exactness.
        var newSpec = instruction.New.Exact is null && instruction.Old.Exact is not null && instruction.New.By == instruction.Old.By
            ? instruction.New with { Exact = instruction.Old.Exact }
            : instruction.New;
        var oldParts = SelectorParts.Of(instruction.Old);
        var newParts = SelectorParts.Of(newSpec);
        var candidates = Candidates(resolver, doc, line, instruction.Column);
        var where = $"{instruction.File}:{line}";
        if (oldParts.SequenceEqual(newParts))
        {
            return RewriteResult.NoChange("the old and new locators are the same");
        }

        var matches = candidates.Where(c => c.Problem is null && Align(c.Parts, oldParts, out _, out _)).OrderBy(c => c.Distance).ToList();
        if (matches.Count == 0)
        {
            // Equivalent forms count as the same (a test-id attribute selector is the test id).
            var newKeys = newParts.Select(p => LocatorRenderer.Key(p, preferences)).ToList();
            if (candidates.Any(c => c.Problem is null && Align([.. c.Parts.Select(p => LocatorRenderer.Key(p, preferences))], newKeys, out _, out _)))
            {
                return RewriteResult.NoChange($"{where} already uses the new locator");
            }

            if (candidates.FirstOrDefault(c => c.Problem is not null) is { } problem)
            {
                return RewriteResult.ManualReview($"{where}: {problem.Problem}");
            }

            var seen = candidates.Count == 0 ? "no locator" : string.Join("; ", candidates.Select(c => SelectorChain.Join(c.Parts)));
            return RewriteResult.NotFound($"{where}: no locator matching {SelectorChain.Join(oldParts)} (found: {seen})");
        }

        return Plan(resolver, doc, instruction, matches[0], oldParts, newParts, preferences);
    }

    /// <summary>The locator chains that cover the line, nearest to the column first.</summary>
    private static List<LocatorCandidate> Candidates(JsResolver resolver, JsDocument doc, int line, int? column)
    {
        var offset = doc.OffsetOf(line, column ?? 1);
        var result = new List<LocatorCandidate>();
        if (offset < 0)
        {
            return result;
        }

        // Chains that start up to a few lines before (a multi-line chain's failing link sits on a later line).
        var from = doc.TokenAt(doc.OffsetOf(Math.Max(1, line - 30), 1));
        foreach (var chain in CallChain.All(doc, from))
        {
            var firstLine = doc.LineOfToken(chain.First);
            if (firstLine > line)
            {
                break;
            }

            if (doc.LineOf(doc[chain.Last].End) < line)
            {
                continue;
            }

            var steps = resolver.Steps(chain, 0, out _);
            if (steps is null || steps.Count == 0)
            {
                continue;
            }

            var index = new List<(int, int)>();
            var parts = new List<string>();
            string? problem = null;
            for (var s = 0; s < steps.Count; s++)
            {
                problem ??= steps[s].Problem;
                for (var p = 0; p < steps[s].Parts.Count; p++)
                {
                    index.Add((s, p));
                    parts.Add(steps[s].Parts[p]);
                }
            }

            var distance = chain.Links.Where(l => doc.LineOfToken(l.Name) == line).Select(l => Math.Abs(doc[l.Name].Start - offset)).DefaultIfEmpty(10_000).Min();
            result.Add(new LocatorCandidate(chain, steps, index, parts, problem, distance));
        }

        return result;
    }

    /// <summary>
    /// True when <paramref name="target"/> is the end of <paramref name="parts"/> (offset <paramref name="k"/>), or when
    /// the code's parts are the end of the target (its receiver is not visible here; <paramref name="skip"/> target parts).
    /// </summary>
    private static bool Align(List<string> parts, List<string> target, out int k, out int skip)
    {
        k = skip = 0;
        if (target.Count <= parts.Count && parts.Skip(parts.Count - target.Count).SequenceEqual(target, StringComparer.Ordinal))
        {
            k = parts.Count - target.Count;
            return true;
        }

        if (parts.Count > 0 && parts.Count < target.Count && target.Skip(target.Count - parts.Count).SequenceEqual(parts, StringComparer.Ordinal))
        {
            skip = target.Count - parts.Count;
            return true;
        }

        return false;
    }

    private static RewriteResult Plan(JsResolver resolver, JsDocument doc, FixInstruction instruction, LocatorCandidate c, List<string> oldParts, List<string> newParts, SelectorPreferences preferences)
    {
        Align(c.Parts, oldParts, out var k, out var skip);
        if (skip > 0)
        {
            if (newParts.Count < skip || !newParts.Take(skip).SequenceEqual(oldParts.Take(skip)))
            {
                return RewriteResult.ManualReview($"{instruction.File}:{instruction.Line}: the change is in the part of the locator that is not defined here ({SelectorChain.Join(oldParts.Take(skip))})");
            }

            oldParts = [.. oldParts.Skip(skip)];
            newParts = [.. newParts.Skip(skip)];
        }

        var p = 0;
        while (p < oldParts.Count && p < newParts.Count && oldParts[p] == newParts[p])
        {
            p++;
        }

        var s = 0;
        while (s < oldParts.Count - p && s < newParts.Count - p && oldParts[^(s + 1)] == newParts[^(s + 1)])
        {
            s++;
        }

        var oldFrom = k + p;
        var oldTo = k + oldParts.Count - s; // exclusive
        var region = newParts.GetRange(p, newParts.Count - s - p);
        var planner = new SelectorPlanner(resolver, doc, instruction, c, preferences);
        if (oldFrom == oldTo)
        {
            return planner.Insert(oldFrom, region);
        }

        var first = c.Index[oldFrom];
        var last = c.Index[oldTo - 1];
        if (first.Step == last.Step)
        {
            return planner.ReplaceInStep(first.Step, first.Part, last.Part, region);
        }

        return planner.ReplaceSteps(first.Step, last.Step, first.Part, last.Part, region);
    }
}
