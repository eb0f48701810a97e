namespace Praxi.FixEngine.Locators;

/// <summary>One <c>&gt;&gt;</c>-separated part of a Playwright selector.</summary>
/// <param name="Name">The engine (<c>css</c>, <c>internal:role</c>, <c>nth</c>…).</param>
/// <param name="Body">The text after <c>=</c> (the whole part for implicit css/xpath/text).</param>
/// <param name="Nested">The parsed inner selector of <c>internal:has</c>/<c>has-not</c>/<c>and</c>/<c>or</c>/<c>chain</c>.</param>
internal sealed record SelectorPart(string Name, string Body, IReadOnlyList<SelectorPart>? Nested);
