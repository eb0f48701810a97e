using System.Globalization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Validation;

/// <summary>
/// Tells, for a targeted test that failed again after the patch, whether it failed at the same call as before (the fix
/// did not work: <c>still_failing</c>), got past that call and failed at another one (<c>progressed</c>), or failed before
/// reaching it (<c>failed</c>). The original call is where the analysis saw the test fail (file and line of the failing
/// call); its line is first carried through the patch's hunks, since the patch may add or remove lines above it.
/// See docs/validation.md#progress.
/// </summary>
internal static class FailureProgress
{
    /// <summary>The verdict on one targeted test.</summary>
    /// <param name="Status"><see cref="FixValidation.StillFailing"/>, <see cref="FixValidation.Progressed"/> or <see cref="FixValidation.Failed"/>.</param>
    /// <param name="At">The rerun's failure the verdict is about.</param>
    /// <param name="Detail">One phrase for the check's detail, starting with the test's name.</param>
    public sealed record Verdict(string Status, TestResult At, string Detail);

    /// <summary>Compares the rerun's failures of <paramref name="target"/> with its original failing call.</summary>
    /// <param name="target">The targeted test, with where it failed before.</param>
    /// <param name="failed">The rerun's failed results of that test (at least one).</param>
    /// <param name="patch">The patch's file diffs (old → new lines).</param>
    /// <returns>The verdict: the worst over <paramref name="failed"/> (still failing before failed earlier before progressed).</returns>
    public static Verdict Compare(TestTarget target, IReadOnlyList<TestResult> failed, IReadOnlyList<FileDiff> patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfZero(failed.Count);
        var verdicts = failed.Select(f => CompareOne(target, f, patch)).ToList();
        return verdicts.FirstOrDefault(v => v.Status == FixValidation.StillFailing)
            ?? verdicts.FirstOrDefault(v => v.Status == FixValidation.Failed)
            ?? verdicts[0];
    }

    /// <summary><c>file:line</c>, or the file alone, or null.</summary>
    public static string? Location(string? file, int? line) =>
        file is null ? null : line is { } l ? string.Create(CultureInfo.InvariantCulture, $"{file}:{l}") : file;

    private static Verdict CompareOne(TestTarget target, TestResult rerun, IReadOnlyList<FileDiff> patch)
    {
        var name = $"'{target.Test}'";
        if (target.File is not { Length: > 0 } file || target.Line is not { } line)
        {
            return SameCallByText(target, rerun)
                ? new Verdict(FixValidation.StillFailing, rerun, $"{name} still fails with the same error")
                : new Verdict(FixValidation.StillFailing, rerun, $"{name} still fails (the analysis does not say which call failed, so progress cannot be told)");
        }

        var diff = patch.FirstOrDefault(d => SamePath(d.Path, file));
        var mapped = diff?.NewLineOf(line) ?? line;
        var before = Location(file, line) + (mapped == line ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", line {mapped} after the patch"));
        if (rerun.File is not { Length: > 0 } newFile || rerun.Line is not { } newLine)
        {
            return SameCallByText(target, rerun)
                ? new Verdict(FixValidation.StillFailing, rerun, $"{name} still fails with the same error as at {before}")
                : new Verdict(FixValidation.StillFailing, rerun, $"{name} still fails (the rerun's result does not say where, so progress past {before} cannot be told)");
        }

        var now = Location(newFile, newLine);
        if (SamePath(newFile, file) && newLine == mapped)
        {
            return new Verdict(FixValidation.StillFailing, rerun, $"{name} still fails at the same call ({before})");
        }

        // In the file that declares the test, statements run top to bottom: a failure above the original call is one the
        // test met before reaching it. Elsewhere (a page object, a helper) line order says nothing about run order.
        var inTestFile = target.TestFile is not { Length: > 0 } testFile || SamePath(testFile, file);
        if (SamePath(newFile, file) && newLine < mapped && inTestFile)
        {
            return new Verdict(FixValidation.Failed, rerun, $"{name} now fails at {now}, before the call that failed ({before})");
        }

        return new Verdict(FixValidation.Progressed, rerun, $"{name} got past the call that failed ({before}) and now fails at {now}");
    }

    /// <summary>True when the rerun's error names the same action and locator, or says the same thing, as the original.</summary>
    private static bool SameCallByText(TestTarget target, TestResult rerun) =>
        (target.Action is { Length: > 0 } && target.Selector is { Length: > 0 }
            && string.Equals(target.Action, rerun.Action, StringComparison.Ordinal) && string.Equals(target.Selector, rerun.Selector, StringComparison.Ordinal))
        || (target.Message is { Length: > 0 } m && rerun.Message is { Length: > 0 } r && string.Equals(FirstLine(m), FirstLine(r), StringComparison.Ordinal));

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>
    /// True when two paths name the same file: equal, or one ends with the other at a folder boundary (result files name
    /// paths relative to their runner's config folder, the analysis and the patch relative to the repository).
    /// </summary>
    internal static bool SamePath(string a, string b)
    {
        var (x, y) = (Normal(a), Normal(b));
        if (x.Length < y.Length)
        {
            (x, y) = (y, x);
        }

        return y.Length > 0 && (x == y || x.EndsWith("/" + y, StringComparison.Ordinal));

        static string Normal(string p)
        {
            var n = p.Replace('\\', '/');
            return n.StartsWith("./", StringComparison.Ordinal) ? n[2..] : n;
        }
    }
}
