using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// Writes a new locator in the selector engine the author wrote the old one in: <c>id=sign-in</c> with the new CSS
/// <c>#log-in</c> becomes <c>id=log-in</c>, likewise <c>data-testid=</c> (and <c>data-test-id=</c>, <c>data-test=</c>),
/// <c>text=</c>, <c>css=</c> and <c>xpath=</c>. Both rewriters ask here before they print a selector string their usual
/// way, so the rule has one home (docs/rewriters.md#instructions-from-other-tools).
/// </summary>
internal static class EngineForms
{
    /// <summary>
    /// <paramref name="target"/> in the engine of <paramref name="written"/> (one selector part as the code has it), or
    /// null when <paramref name="written"/> names no such engine or the engine cannot say the target (a role, a test id
    /// for <c>id=</c>). The result is checked to read back as the target.
    /// </summary>
    public static string? Keep(string? written, LocatorSpec target, string testIdAttribute = PlaywrightSelectors.DefaultTestIdAttribute)
    {
        ArgumentNullException.ThrowIfNull(target);
        var part = written?.Trim();
        if (string.IsNullOrEmpty(part) || SelectorChain.SplitRaw(part).Count != 1)
        {
            return null;
        }

        var match = PlaywrightSelectors.EngineLike().Match(part);
        if (!match.Success)
        {
            return null;
        }

        if (target.By == LocatorKind.Selector && LocatorExpression.TryParseSelector(target.Value, out var specific))
        {
            target = specific;
        }

        target = LocatorExpression.AsPlaywrightReadsIt(target);
        var engine = match.Groups["engine"].Value;
        var value = target.Value ?? string.Empty;
        var body = engine switch
        {
            "id" => target.By switch
            {
                LocatorKind.Id => value,
                LocatorKind.Css when value.StartsWith('#') && SelectorText.ReadIdent(value, 1, out var end) is { Length: > 0 } id && end == value.Length => id,
                _ => null,
            },
            "data-testid" or "data-test-id" or "data-test" => target.By == LocatorKind.TestId ? value : null,
            "text" => target.By != LocatorKind.Text ? null : target.Exact == true ? PlaywrightSelectors.Quote(value) : value,
            "css" => target.By == LocatorKind.Css ? value : null,
            "xpath" => target.By == LocatorKind.XPath ? value : null,
            _ => null,
        };
        if (string.IsNullOrEmpty(body) || body != body.Trim())
        {
            return null;
        }

        var result = engine + "=" + body;
        return SelectorChain.SplitRaw(result).Count == 1
            && SelectorParts.Canonical(result) == SelectorParts.Canonical(PlaywrightSelectors.Print(target, testIdAttribute))
            ? result
            : null;
    }
}
