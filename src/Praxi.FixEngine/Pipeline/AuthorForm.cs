using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting.CSharp;
using Praxi.FixEngine.Rewriting.JavaScript;

namespace Praxi.FixEngine.Pipeline;

/// <summary>
/// The heal's locators as the failing test's code writes them (<see cref="HealOutcome.OldCode"/>,
/// <see cref="HealOutcome.NewCode"/>): Playwright's public calls in the test's language instead of the engine's
/// selector syntax, with the author's regex style kept the way the rewriters keep it.
/// </summary>
internal static class AuthorForm
{
    private static readonly CSharpRewriter CSharp = new();

    private static readonly JavaScriptRewriter Script = new();

    /// <summary>The heal with each outcome's locators in the form of its test's language (Selenium's <c>By</c> for a Selenium test).</summary>
    public static HealReport Of(HealReport heal, AnalysisReport analysis, SelectorPreferences preferences) => heal with
    {
        Outcomes = [.. heal.Outcomes.Select(o => With(
            o,
            o.Instruction >= 0 && o.Instruction < heal.Instructions.Count ? heal.Instructions[o.Instruction].File : null,
            analysis.Classification.Failures.Any(f => f.Test == o.Test && f.Framework == "selenium"),
            preferences))],
    };

    private static HealOutcome With(HealOutcome outcome, string? file, bool selenium, SelectorPreferences preferences)
    {
        Func<IReadOnlyList<string>, string?>? render = file is null ? null
            : CSharp.Handles(file) && selenium ? parts => parts.Count == 1 ? SeleniumBy(SelectorParts.SpecOf(parts[0]), preferences) : null
            : CSharp.Handles(file) ? parts => LocatorRendering.Calls(parts, CSharpLiterals.Quote) is { Length: > 1 } calls ? calls[1..] : null
            : Script.Handles(file) && !selenium ? parts => LocatorRenderer.Calls(parts, '\'', preferences)
            : null;
        if (render is null)
        {
            return outcome;
        }

        var oldParts = SelectorParts.Of(outcome.Old);
        return outcome with
        {
            OldCode = render(oldParts),
            NewCode = outcome.New is null ? null : render(InAuthorsStyle(SelectorParts.Of(outcome.New), oldParts, outcome.New.Exact == true)),
        };
    }

    /// <summary>The new parts with a name or text the author wrote as a regex written as one (what the rewriters write).</summary>
    private static List<string> InAuthorsStyle(List<string> parts, List<string> oldParts, bool exact)
    {
        if (parts.Count == 0 || oldParts.Count == 0)
        {
            return parts;
        }

        var last = SelectorParts.SpecOf(parts[^1]);
        if (SelectorParts.TryRegexRole(oldParts[^1], out _, out var nameRegex) && last is { By: LocatorKind.Role, Role: { } role, Name: { } name })
        {
            parts[^1] = $"internal:role={role}[name={RegexText.JavaScript(nameRegex, name, exact)}]";
        }
        else if (SelectorParts.TryRegexValue(oldParts[^1], out var by, out var valueRegex) && by is LocatorKind.Text or LocatorKind.Label && last.By == by && last.Value is { } value)
        {
            parts[^1] = $"internal:{(by == LocatorKind.Text ? "text" : "label")}={RegexText.JavaScript(valueRegex, value, exact)}";
        }

        return parts;
    }

    /// <summary>
    /// Selenium's <c>By</c> for a spec (<c>By.XPath("//button[@id='sign-in']")</c>): the most specific method that says
    /// it (Selenium sends <c>By.Id("x")</c> as the CSS <c>#x</c> its errors print, so that CSS reads back as <c>By.Id</c>).
    /// </summary>
    private static string? SeleniumBy(LocatorSpec spec, SelectorPreferences preferences)
    {
        if (spec is { By: LocatorKind.Css, Value: { } css })
        {
            spec = spec with { Value = CssEscapes.WithoutNeedless(css) };
        }

        return LocatorRendering.SeleniumMethods(spec, preferences)
            .Select(m => (Method: m, Value: LocatorRendering.SeleniumValue(m, spec, preferences)))
            .Where(x => x.Value is not null)
            .OrderBy(x => x.Method.Strategy is Locators.SeleniumBy.CssSelector or Locators.SeleniumBy.XPath)
            .Select(x => $"By.{x.Method.DotNet}({CSharpLiterals.Quote(x.Value!)})")
            .FirstOrDefault();
    }
}
