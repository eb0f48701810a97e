using System.Globalization;
using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Analysis;

/// <summary>
/// The facts the fix agent needs, per failure: where the failing call is, which locator it used, which
/// timeout it ran with. The healed locator (<c>new</c>) is filled in by the healing stage.
/// </summary>
internal static class FixInstructions
{
    public static IReadOnlyList<FixInstruction> For(IReadOnlyList<ClassifiedFailure> classified, AnalysisOptions options)
    {
        var list = new List<FixInstruction>();
        foreach (var c in classified)
        {
            var f = c.Failure;
            if (f.File is null)
            {
                continue;
            }

            if (c.Type is ErrorType.SelectorNotFound or ErrorType.StrictModeViolation && f.Selector is not null)
            {
                list.Add(new FixInstruction
                {
                    Kind = c.Type == ErrorType.SelectorNotFound ? FixKind.ReplaceSelector : FixKind.NarrowSelector,
                    Test = f.Test,
                    File = f.File,
                    Line = f.Line,
                    Column = f.Column,
                    Old = LocatorExpression.TryParse(f.Selector, out var spec) ? spec : new LocatorSpec { By = LocatorKind.Selector, Value = f.Selector },
                    New = null,
                    Confidence = Math.Round(c.Confidence, 3),
                    Evidence = c.Type == ErrorType.SelectorNotFound
                        ? $"{f.Action ?? "the call"} found no element for {f.Selector}; the healer must find what it now is"
                        : $"{f.Selector} matched several elements; the healer must narrow it to the intended one",
                });
            }
            else if (c.Type == ErrorType.Timeout && f.TimeoutMs is { } old && old < options.MaxTimeoutMs)
            {
                var proposed = Math.Min(options.MaxTimeoutMs, Math.Max(old * 2, old + 5_000));
                list.Add(new FixInstruction
                {
                    Kind = FixKind.RaiseTimeout,
                    Test = f.Test,
                    File = f.File,
                    Line = f.Line,
                    Column = f.Column,
                    OldMs = old,
                    NewMs = proposed,
                    Confidence = Math.Round(c.Confidence * 0.7, 3),
                    Evidence = string.Create(CultureInfo.InvariantCulture, $"{f.Action ?? "the call"} ran out of its {old} ms while the target exists; {proposed} ms stays under the {options.MaxTimeoutMs} ms ceiling"),
                });
            }
        }

        // Several tests failing at one call (a shared page object) need one edit, not one per test.
        return [.. list.GroupBy(i => (i.Kind, i.File, i.Line, i.Column, i.Old, i.OldMs)).Select(g => g.MaxBy(i => i.Confidence)!)];
    }
}
