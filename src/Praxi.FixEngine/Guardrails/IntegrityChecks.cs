using System.Globalization;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Guardrails;

/// <summary>
/// What an edit must not do to a test, judged on the before and after text of each edited file with comments
/// blanked (<see cref="CodeMask"/>): remove, weaken or invert an assertion; add a skip/only/fixme; add a
/// hard wait; write a timeout above the ceiling. Counting whole files keeps it independent of how the
/// rewriter shaped its spans; timeouts are judged only where an edit wrote them, so an old long timeout
/// next to a healed selector is not the patch's fault.
/// </summary>
internal static partial class IntegrityChecks
{
    /// <summary>Assertion calls: Playwright/Jest <c>expect(</c>, <c>Expect(</c>, <c>Assert.X</c>, <c>assert</c>, FluentAssertions, Cypress/chai <c>should(</c>.</summary>
    [GeneratedRegex(@"\bexpect\s*(?:\.\s*(?:soft|poll)\s*)?\(|\bExpect\s*\(|\b\w*Assert\s*\.\s*\w+|\bassert\b|\.\s*Should\s*\(\s*\)|\.\s*should\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex AssertionCall();

    /// <summary>Matcher names: <c>toX</c>/<c>ToXAsync</c>, <c>Assert.X</c>, the first member after <c>Should()</c>, Cypress's chainer string.</summary>
    [GeneratedRegex(@"\.\s*(?<m>[tT]o(?:Be|Have|Equal|StrictEqual|Contain|Match|Throw|Pass|Satisfy|Reject|Resolve)\w*)|\b(?<m>\w*Assert\s*\.\s*\w+)|\.\s*Should\s*\(\s*\)\s*\.\s*(?<m>\w+)|\.\s*should\s*\(\s*['""`](?<m>[^'""`]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();

    /// <summary>Negations: <c>.not.</c>, <c>.Not.</c>, <c>NotX</c>/<c>DoesNotX</c> members, NUnit <c>Is.Not</c>, <c>Assert.False</c>,
    /// the negative matchers (<c>toBeHidden</c>, <c>toBeDisabled</c>, <c>toBeFalsy</c>), Python <c>assert not</c>, Cypress <c>'not.…'</c>.</summary>
    [GeneratedRegex(@"\.\s*not\s*\.|\.\s*Not\s*\.|\.\s*(?:DoesNot|Not)[A-Z]\w*|\bIs\s*\.\s*Not\b|\bAssert\s*\.\s*(?:False|IsFalse)\b|\.\s*(?:toBeHidden|toBeDisabled|toBeFalsy|ToBeHiddenAsync|ToBeDisabledAsync|BeFalse)\b|\bassert\s+not\b|\bnotTo\b|['""`]not\.", RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    /// <summary>Ways to not run a test or to run only one.</summary>
    [GeneratedRegex(@"\b(?:test|it|describe|context|suite|specify)(?:\s*\.\s*(?:describe|serial|parallel))?\s*\.\s*(?:skip|fixme|only|fail|todo)\b|\b(?:xit|xdescribe|xtest|xcontext|xspecify|fit|fdescribe|ftest)\s*\(|\bthis\s*\.\s*skip\s*\(|[\[,]\s*(?:Ignore|Skip|Explicit)\b|\b(?:Skip|Ignore|IgnoreReason)\s*=|\bSkip\s*\.\s*(?:If|IfNot|When|Unless)\s*\(|\bAssert\s*\.\s*(?:Ignore|Inconclusive|Skip)\b|\bpytest\s*\.\s*(?:skip|xfail|mark\s*\.\s*(?:skip|skipif|xfail))\b", RegexOptions.CultureInvariant)]
    private static partial Regex SkipMarker();

    /// <summary>Fixed sleeps.</summary>
    [GeneratedRegex(@"\bwaitForTimeout\s*\(|\bWaitForTimeoutAsync\s*\(|\bwait_for_timeout\s*\(|\bThread\s*\.\s*Sleep\s*\(|\bTask\s*\.\s*Delay\s*\(|\btime\s*\.\s*sleep\s*\(|\bcy\s*\.\s*wait\s*\(\s*\d|(?<![.\w])setTimeout\s*\(|(?<![.\w])sleep\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex HardWait();

    /// <summary>A number in a timeout context; <c>unit</c> says how to read it (ms unless seconds or minutes).</summary>
    [GeneratedRegex(@"(?i:\b\w*timeout\w*)\s*[:=]\s*(?<n>\d[\d_]*(?:\s*\*\s*\d[\d_]*)*)|\b(?:set\w*Timeout|Set\w*TimeoutAsync|SetDefault\w*Timeout|waitForTimeout|WaitForTimeoutAsync|wait_for_timeout|set_default\w*timeout|Thread\s*\.\s*Sleep|Task\s*\.\s*Delay)\s*\(\s*(?<n>\d[\d_]*(?:\s*\*\s*\d[\d_]*)*)|\bTimeSpan\s*\.\s*From(?<unit>Milliseconds|Seconds|Minutes)\s*\(\s*(?<n>\d[\d_]*(?:\.\d+)?(?:\s*\*\s*\d[\d_]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex TimeoutValue();

    public static IEnumerable<GuardrailDecision> Check(string path, string before, string after, IReadOnlyList<(int Start, int End)> afterSpans, int maxTimeoutMs)
    {
        var maskedBefore = CodeMask.Mask(before, path);
        var maskedAfter = CodeMask.Mask(after, path);

        yield return Assertions(path, maskedBefore, maskedAfter);
        yield return NotAdded("no_skip_added", path, SkipMarker(), maskedBefore, maskedAfter, "a skip, fixme or only was added");
        yield return NotAdded("no_hard_wait_added", path, HardWait(), maskedBefore, maskedAfter, "a hard wait (fixed sleep) was added");
        yield return Timeouts(path, maskedAfter, afterSpans, maxTimeoutMs);
    }

    private static GuardrailDecision Assertions(string path, string before, string after)
    {
        var callsBefore = AssertionCall().Count(before);
        var callsAfter = AssertionCall().Count(after);
        if (callsAfter < callsBefore)
        {
            return Refused("assertions_kept", path, callsAfter, callsBefore, string.Create(CultureInfo.InvariantCulture, $"an assertion was removed or commented out ({callsBefore} assertion calls before, {callsAfter} after)"));
        }

        var matchersBefore = Matchers(before);
        var matchersAfter = Matchers(after);
        foreach (var (name, count) in matchersBefore)
        {
            var now = matchersAfter.GetValueOrDefault(name);
            if (now < count)
            {
                return Refused("assertions_kept", path, now, count, string.Create(CultureInfo.InvariantCulture, $"the assertion '{name}' was removed or changed ({count} before, {now} after)"));
            }
        }

        // A negation may only come with a new assertion (a hard wait replaced by "expect(x).not.toBeVisible()").
        var negBefore = Negation().Count(before);
        var negAfter = Negation().Count(after);
        if (Math.Abs(negAfter - negBefore) > callsAfter - callsBefore)
        {
            return Refused("assertions_kept", path, negAfter, negBefore, string.Create(CultureInfo.InvariantCulture, $"an assertion was inverted ({negBefore} negations before, {negAfter} after)"));
        }

        return new GuardrailDecision { Rule = "assertions_kept", Subject = path, Value = callsAfter, Limit = callsBefore, Verdict = GuardrailVerdict.Allowed };
    }

    private static Dictionary<string, int> Matchers(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Matcher().Matches(text))
        {
            var name = WhiteSpace().Replace(m.Groups["m"].Value, string.Empty);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }

    private static GuardrailDecision NotAdded(string rule, string path, Regex pattern, string before, string after, string reason)
    {
        var b = pattern.Count(before);
        var a = pattern.Count(after);
        if (a > b)
        {
            var first = FirstNew(pattern, before, after);
            return Refused(rule, path, a, b, $"{reason}: {first}");
        }

        return new GuardrailDecision { Rule = rule, Subject = path, Value = a, Limit = b, Verdict = GuardrailVerdict.Allowed };
    }

    /// <summary>The first match text whose count grew (for the reason).</summary>
    private static string FirstNew(Regex pattern, string before, string after)
    {
        var seen = pattern.Matches(before).GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var group in pattern.Matches(after).GroupBy(m => m.Value))
        {
            if (group.Count() > seen.GetValueOrDefault(group.Key))
            {
                return "'" + group.Key.Trim() + "'";
            }
        }

        return "'" + pattern.Matches(after)[^1].Value.Trim() + "'";
    }

    private static GuardrailDecision Timeouts(string path, string after, IReadOnlyList<(int Start, int End)> spans, int maxTimeoutMs)
    {
        long highest = -1;
        foreach (var (start, end) in spans)
        {
            // Read the whole lines around the span, but count only numbers the edit wrote (or a context it wrote).
            var lineStart = start == 0 ? 0 : after.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
            var nl = after.IndexOf('\n', end);
            var lineEnd = nl < 0 ? after.Length : nl;
            foreach (Match m in TimeoutValue().Matches(after[lineStart..lineEnd]))
            {
                var mStart = lineStart + m.Index;
                var mEnd = mStart + m.Length;
                var touches = mStart < end && start < mEnd || start == end && mStart <= start && start <= mEnd;
                if (touches && ToMilliseconds(m) is { } ms)
                {
                    highest = Math.Max(highest, ms);
                }
            }
        }

        if (highest > maxTimeoutMs)
        {
            return Refused("max_timeout_ms", path, highest, maxTimeoutMs, string.Create(CultureInfo.InvariantCulture, $"an edit writes a timeout of {highest} ms, above the {maxTimeoutMs} ms ceiling"));
        }

        return new GuardrailDecision { Rule = "max_timeout_ms", Subject = path, Value = highest < 0 ? null : highest, Limit = maxTimeoutMs, Verdict = GuardrailVerdict.Allowed };
    }

    private static long? ToMilliseconds(Match m)
    {
        double value = 1;
        foreach (var factor in m.Groups["n"].Value.Split('*'))
        {
            if (!double.TryParse(factor.Replace("_", string.Empty, StringComparison.Ordinal).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
            {
                return null;
            }

            value *= f;
        }

        value *= m.Groups["unit"].Value switch
        {
            "Seconds" => 1_000,
            "Minutes" => 60_000,
            _ => 1,
        };
        return value > long.MaxValue / 2 ? long.MaxValue / 2 : (long)Math.Ceiling(value);
    }

    private static GuardrailDecision Refused(string rule, string path, long value, long limit, string reason) =>
        new() { Rule = rule, Subject = path, Value = value, Limit = limit, Verdict = GuardrailVerdict.Refused, Reason = reason };

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
