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

        // Equivalent forms count as the same (a test-id attribute selector is the test id).
        var newKeys = newParts.Select(p => LocatorRenderer.Key(p, preferences)).ToList();
        var alreadyNew = candidates.Any(c => c.Problem is null && (Align([.. c.Parts.Select(p => LocatorRenderer.Key(p, preferences))], newKeys, out _, out _)
            || Occurrences([.. c.Parts.Select(p => LocatorRenderer.Key(p, preferences))], newKeys).Count > 0));
        // The locator whose parts end with old (the analysis names the whole chain), else — unless a locator already says
        // new — one holding old as some of its steps (another tool named one step: getByTestId('row') in
        // getByTestId('tree').getByTestId('row').first()).
        var matches = candidates.Where(c => c.Problem is null && Align(c.Parts, oldParts, out _, out _)).OrderBy(c => c.Distance).ToList();
        var inner = matches.Count == 0;
        if (inner)
        {
            matches = [.. candidates.Where(c => c.Problem is null && Occurrences(c.Parts, oldParts).Count > 0).OrderBy(c => c.Distance)];
        }

        if (matches.Count == 0 || inner && alreadyNew && instruction.Column is null)
        {
            if (alreadyNew)
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

        var chosen = matches[0];
        if (Align([.. chosen.Parts.Select(p => LocatorRenderer.Key(p, preferences))], newKeys, out _, out var newSkip) && newSkip == 0)
        {
            // Old is the end of new (a scope was added) and the code already says all of new: a second pass.
            return RewriteResult.NoChange($"{where} already uses the new locator");
        }

        var at = Occurrences(chosen.Parts, oldParts);
        if (at.Count > 1 || instruction.Column is not null && at.Count > 0)
        {
            // Old names several steps of one chain: only a column inside one of them says which. A column inside a step
            // that already says new is a second pass.
            var offset = instruction.Column is { } column ? doc.OffsetOf(line, column) : -1;
            bool PointsInto(int k, int count) => Enumerable.Range(k, count).Select(i => chosen.Steps[chosen.Index[i].Step]).Distinct()
                .Any(s => ReferenceEquals(s.Document, doc) && offset >= s.Start && offset < s.End);
            var keys = chosen.Parts.Select(p => LocatorRenderer.Key(p, preferences)).ToList();
            if (Occurrences(keys, newKeys).Any(k => PointsInto(k, newParts.Count)))
            {
                return RewriteResult.NoChange($"{where}: the step at the column already uses the new locator");
            }

            var pointed = at.Where(k => PointsInto(k, oldParts.Count)).ToList();
            if (pointed.Count == 1)
            {
                return Plan(resolver, doc, instruction, chosen, oldParts, newParts, preferences, pointed[0]);
            }

            if (inner && alreadyNew)
            {
                return RewriteResult.NoChange($"{where} already uses the new locator");
            }

            if (at.Count > 1)
            {
                return RewriteResult.ManualReview(
                    $"{where}: {SelectorChain.Join(oldParts)} matches {at.Count} steps of {SelectorChain.Join(chosen.Parts)} and the column does not point into one of them; choose the step by hand");
            }
        }

        return Plan(resolver, doc, instruction, chosen, oldParts, newParts, preferences, Align(chosen.Parts, oldParts, out _, out _) ? null : at[0]);
    }

    /// <summary>Every index at which <paramref name="target"/> runs contiguously in <paramref name="parts"/>.</summary>
    private static List<int> Occurrences(List<string> parts, List<string> target)
    {
        var result = new List<int>();
        for (var k = 0; target.Count > 0 && k + target.Count <= parts.Count; k++)
        {
            if (parts.Skip(k).Take(target.Count).SequenceEqual(target, StringComparer.Ordinal))
            {
                result.Add(k);
            }
        }

        return result;
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

    /// <summary>Plans the edit of <paramref name="c"/>'s parts that are old: its end, or those from <paramref name="at"/> on.</summary>
    private static RewriteResult Plan(JsResolver resolver, JsDocument doc, FixInstruction instruction, LocatorCandidate c, List<string> oldParts, List<string> newParts, SelectorPreferences preferences, int? at)
    {
        var k = at ?? 0;
        var skip = 0;
        if (at is null)
        {
            Align(c.Parts, oldParts, out k, out skip);
        }

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
