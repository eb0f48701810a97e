using System.Text.Json;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// The text matcher of Playwright's text, label and has-text engines (<c>createTextMatcher</c>): <c>/re/flags</c>
/// tests the raw text; a quoted string (JSON for <c>internal:</c> engines, followed by <c>i</c> or <c>s</c>) is lax
/// (<c>i</c>: normalised, case-insensitive substring) or strict (<c>s</c>, or a legacy quoted <c>text="…"</c>: whole
/// normalised text, case-sensitive — the legacy form compares the element's own text-node runs instead); an
/// unquoted legacy body is lax.
/// </summary>
internal sealed class TextMatcher
{
    private readonly Func<ElementText, bool> _match;

    private TextMatcher(TextMatchKind kind, Func<ElementText, bool> match)
    {
        Kind = kind;
        _match = match;
    }

    public TextMatchKind Kind { get; }

    public bool Matches(ElementText text) => _match(text);

    /// <summary>Builds the matcher for a text/label/has-text body.</summary>
    public static TextMatcher Create(string body, bool internalEngine)
    {
        if (body.Length > 0 && body[0] == '/' && body.LastIndexOf('/') > 0)
        {
            var lastSlash = body.LastIndexOf('/');
            var regex = JsRegex.Create(body[1..lastSlash], body[(lastSlash + 1)..]);
            return new TextMatcher(TextMatchKind.Regex, text => regex.IsMatchSafe(text.Span));
        }

        var strict = false;
        var value = body;
        if (body.Length > 1 && body[0] == '"' && body[^1] == '"')
        {
            value = internalEngine ? JsonUnquote(body) : CssUnquote(body);
            strict = true;
        }
        else if (internalEngine && body.Length > 2 && body[0] == '"' && body[^2] == '"' && body[^1] is 'i' or 's')
        {
            value = JsonUnquote(body[..^1]);
            strict = body[^1] == 's';
        }
        else if (body.Length > 1 && body[0] == '\'' && body[^1] == '\'')
        {
            value = CssUnquote(body);
            strict = true;
        }

        var normalized = AriaSemantics.Normalize(value);
        if (strict)
        {
            if (internalEngine)
            {
                return new TextMatcher(TextMatchKind.Strict, text => AriaSemantics.NormalizedEquals(text.Span, normalized));
            }

            return new TextMatcher(TextMatchKind.Strict, text =>
                (normalized.Length == 0 && text.Immediate.Count == 0)
                || text.Immediate.Any(run => string.Equals(AriaSemantics.Normalize(run), normalized, StringComparison.Ordinal)));
        }

        return new TextMatcher(TextMatchKind.Lax, text => text.Normalized.Contains(normalized, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A case-insensitive substring matcher (the CSS <c>:has-text()</c> and <c>:text()</c> pseudo-classes).</summary>
    public static TextMatcher Lax(string value)
    {
        var normalized = AriaSemantics.Normalize(value);
        return new TextMatcher(TextMatchKind.Lax, text => text.Normalized.Contains(normalized, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A whole-text, case-sensitive matcher (the CSS <c>:text-is()</c> pseudo-class).</summary>
    public static TextMatcher Exact(string value)
    {
        var normalized = AriaSemantics.Normalize(value);
        return new TextMatcher(TextMatchKind.Strict, text => AriaSemantics.NormalizedEquals(text.Span, normalized));
    }

    /// <summary>A regex on the raw text (the CSS <c>:text-matches()</c> pseudo-class).</summary>
    public static TextMatcher Pattern(Regex regex) => new(TextMatchKind.Regex, text => regex.IsMatchSafe(text.Span));

    private static string JsonUnquote(string quoted)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(quoted) ?? string.Empty;
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"The text {SelectorParser.Shorten(quoted)} in the selector is not a valid JSON string: {ex.Message}", ex);
        }
    }

    private static string CssUnquote(string quoted)
    {
        var inner = quoted[1..^1];
        if (!inner.Contains('\\', StringComparison.Ordinal))
        {
            return inner;
        }

        var sb = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            sb.Append(inner[i]);
        }

        return sb.ToString();
    }
}
