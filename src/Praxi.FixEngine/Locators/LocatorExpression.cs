using System.Diagnostics.CodeAnalysis;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// Maps a locator expression as an error message or a test prints it — in any binding — to the language-neutral
/// <see cref="LocatorSpec"/>: Playwright JS/TS (<c>getByRole('button', { name: 'Save' })</c>), Python
/// (<c>get_by_role("button", name="Save")</c>), .NET (<c>GetByRole(AriaRole.Button, new() { Name = "Save" })</c>),
/// Java (<c>getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))</c>), Playwright selector
/// strings (<c>internal:role=button[name="Save"i]</c>, <c>text=</c>, <c>id=</c>, <c>&gt;&gt;</c> chains, xpath),
/// Selenium (<c>{"method":"css selector","selector":"#x"}</c>, <c>By.id: x</c>, <c>By.Id("x")</c>,
/// <c>(By.ID, "x")</c>) and Cypress (<c>cy.get('#x')</c>, <c>cy.contains('Save')</c>).
/// </summary>
/// <remarks>
/// A chain (<c>locator('form').getByRole('button')</c>, <c>.first()</c>, <c>frameLocator(…)</c>, a <c>&gt;&gt;</c>
/// selector) becomes <c>by = selector</c> whose value is the whole chain as one Playwright selector string
/// (<c>form &gt;&gt; internal:role=button</c>), the form Playwright itself resolves: it keeps the scoping that the
/// last segment alone would lose, and the rewriter can still render it. Forms a neutral spec cannot hold (a regex
/// name, a role with <c>level</c>) fall back to <c>selector</c> the same way.
/// </remarks>
internal static partial class LocatorExpression
{
    private static readonly System.Buffers.SearchValues<char> CssMarks = System.Buffers.SearchValues.Create("#.[]>:=*~+");

    private static readonly HashSet<string> HtmlTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "article", "aside", "body", "button", "canvas", "dialog", "div", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "iframe", "img", "input", "label", "li", "main", "nav", "ol", "option", "p", "section", "select", "span",
        "table", "tbody", "td", "textarea", "th", "thead", "tr", "ul", "svg", "summary", "details", "fieldset", "legend",
    };

    /// <summary>Parses an expression; false when it is not a locator this reader understands.</summary>
    public static bool TryParse(string? expression, [NotNullWhen(true)] out LocatorSpec? spec)
    {
        spec = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        var text = expression.Trim();
        if (TrySelenium(text, out spec))
        {
            return true;
        }

        if (TryCallChain(text, out spec))
        {
            return true;
        }

        if (IsQuoted(text) && Tokenizer.TryReadString(text, 0, out var inner, out var end) && end == text.Length)
        {
            return TryParseSelector(inner, out spec);
        }

        // A bare selector string; refuse prose (anything with a space that is not a CSS-ish or engine selector).
        return LooksLikeSelector(text) && TryParseSelector(text, out spec);
    }

    /// <summary>Maps a Playwright selector string (<c>#x</c>, <c>text=Save</c>, <c>internal:role=…</c>, a chain) to a spec.</summary>
    public static bool TryParseSelector(string? selector, [NotNullWhen(true)] out LocatorSpec? spec)
    {
        spec = null;
        if (string.IsNullOrWhiteSpace(selector))
        {
            return false;
        }

        var text = selector.Trim();
        var parts = SelectorChain.Split(text);
        if (parts.Count > 1)
        {
            spec = new LocatorSpec { By = LocatorKind.Selector, Value = text };
            return true;
        }

        spec = ParseSelectorPart(text);
        return true;
    }

    /// <summary>
    /// The spec as Playwright reads it: a <c>css</c> spec is printed as the selector string <c>locator(…)</c> would get,
    /// and a string Playwright does not take for CSS (<c>//button[@id="go"]</c>, <c>((//li))[2]</c> and <c>..</c> are
    /// XPath, a quoted string is text, a <c>&gt;&gt;</c> a chain) becomes that kind. Instructions from other tools hand
    /// over an XPath as <c>css</c>; every other spec comes back as it is.
    /// </summary>
    public static LocatorSpec AsPlaywrightReadsIt(LocatorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var value = spec.Value?.Trim();
        if (spec.By != LocatorKind.Css || string.IsNullOrEmpty(value)
            || (value[0] is not ('/' or '(' or '.' or '"' or '\'') && !value.Contains(">>", StringComparison.Ordinal)))
        {
            return spec;
        }

        return TryParseSelector(PlaywrightSelectors.Print(spec), out var read) && read.By != LocatorKind.Css ? read : spec;
    }

    /// <summary>The spec as a Playwright selector string: <see cref="PlaywrightSelectors.Print"/>, under the name the CLI's benchmarks still call.</summary>
    public static string ToSelector(LocatorSpec spec) => PlaywrightSelectors.Print(spec);

    private static bool IsQuoted(string text) =>
        text.Length >= 2 && (text[0] is '"' or '\'' or '`') && text[^1] == text[0];

    private static bool LooksLikeSelector(string text)
    {
        if (text.Length == 0 || text.Length > 2000)
        {
            return false;
        }

        if (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("(//", StringComparison.Ordinal)
            || text.Contains(">>", StringComparison.Ordinal) || PlaywrightSelectors.HasEngine(text))
        {
            return true;
        }

        if (CallLike().IsMatch(text) || !CssStart().IsMatch(text) || text.Contains(". ", StringComparison.Ordinal) || text.EndsWith('.'))
        {
            return false;
        }

        // Words only (no #.[]>:=*~+): CSS only when every word is an HTML tag ("form button"), else prose.
        return text.AsSpan().IndexOfAny(CssMarks) >= 0 || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(HtmlTags.Contains);
    }

    // ---- Selenium -------------------------------------------------------------------------------------------

    private static bool TrySelenium(string text, [NotNullWhen(true)] out LocatorSpec? spec)
    {
        spec = null;
        var json = SeleniumJson().Match(text);
        if (json.Success)
        {
            var value = UnescapeJson(json.Groups["s"].Value);
            spec = SeleniumSpec(json.Groups["m"].Value, value);
            return spec is not null;
        }

        var toString = SeleniumByToString().Match(text);
        if (toString.Success)
        {
            spec = SeleniumSpec(toString.Groups["kind"].Value, toString.Groups["v"].Value.Trim());
            return spec is not null;
        }

        var tuple = SeleniumTuple().Match(text);
        if (tuple.Success && Tokenizer.TryReadString(tuple.Groups["str"].Value, 0, out var tupleValue, out _))
        {
            spec = SeleniumSpec(tuple.Groups["kind"].Value, tupleValue);
            return spec is not null;
        }

        return false;
    }

    /// <summary>Maps a Selenium strategy in any binding's spelling (<c>css selector</c>, <c>id</c>, <c>cssSelector</c>, <c>CSS_SELECTOR</c>, <c>XPath</c>…).</summary>
    private static LocatorSpec? SeleniumSpec(string strategy, string value) =>
        LocatorMethods.SeleniumFromAnyBinding(strategy) is { } method
            ? new LocatorSpec { By = method.Kind, Value = value, Exact = method.Exact }
            : null;

    private static string UnescapeJson(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string>("\"" + value + "\"") ?? value;
        }
        catch (System.Text.Json.JsonException)
        {
            return value;
        }
    }

    // ---- Playwright selector strings ------------------------------------------------------------------------

    private static LocatorSpec ParseSelectorPart(string part)
    {
        var raw = new LocatorSpec { By = LocatorKind.Selector, Value = part };
        var (name, body) = SelectorParser.EngineOf(part);
        if (body.Length == part.Length)
        {
            // No engine written: Playwright's own classification (quoted text, xpath, css).
            switch (name)
            {
                case "xpath":
                    return new LocatorSpec { By = LocatorKind.XPath, Value = part };
                case "css":
                    return new LocatorSpec { By = LocatorKind.Css, Value = part };
                default:
                    // Legacy: a quoted selector is a text selector matching the whole text, case-sensitively.
                    return IsQuoted(part) && Tokenizer.TryReadString(part, 0, out var quotedText, out var quotedEnd) && quotedEnd == part.Length
                        ? new LocatorSpec { By = LocatorKind.Text, Value = quotedText, Exact = true }
                        : raw;
            }
        }

        switch (name)
        {
            case "css":
                return new LocatorSpec { By = LocatorKind.Css, Value = body };
            case "xpath":
                return new LocatorSpec { By = LocatorKind.XPath, Value = body };
            case "id":
                return new LocatorSpec { By = LocatorKind.Id, Value = body };
            case "data-testid" or "data-test-id" or "data-test":
                return new LocatorSpec { By = LocatorKind.TestId, Value = body };
            case "text" or "internal:text":
                return TextBody(body, LocatorKind.Text, name == "text") ?? raw;
            case "internal:label":
                return TextBody(body, LocatorKind.Label, legacy: false) ?? raw;
            case "internal:role" or "role":
                return RoleBody(body, name == "internal:role") ?? raw;
            case "internal:testid":
                // getByTestId matches exactly; a case-insensitive test id (…"i]) is no test_id spec.
                return AttrBody(body, out var tidAttr, out var tidValue, out var tidExact) && tidExact && tidAttr.Contains("test", StringComparison.OrdinalIgnoreCase)
                    ? new LocatorSpec { By = LocatorKind.TestId, Value = tidValue }
                    : raw;
            case "internal:attr":
                if (!AttrBody(body, out var attr, out var attrValue, out var exact))
                {
                    return raw;
                }

                LocatorKind? by = attr switch
                {
                    "placeholder" => LocatorKind.Placeholder,
                    "alt" => LocatorKind.AltText,
                    "title" => LocatorKind.Title,
                    _ => null,
                };
                return by is null ? raw : new LocatorSpec { By = by.Value, Value = attrValue, Exact = exact };
            default:
                return raw;
        }
    }

    /// <summary><c>"x"i</c> / <c>"x"s</c> (or, for the legacy <c>text=</c> engine, a bare <c>x</c>).</summary>
    private static LocatorSpec? TextBody(string body, LocatorKind by, bool legacy)
    {
        if (body.StartsWith('"') || body.StartsWith('\''))
        {
            if (!Tokenizer.TryReadString(body, 0, out var value, out var end))
            {
                return null;
            }

            var suffix = body[end..];
            return suffix switch
            {
                "i" => new LocatorSpec { By = by, Value = value, Exact = false },
                "s" => new LocatorSpec { By = by, Value = value, Exact = true },
                "" => new LocatorSpec { By = by, Value = value, Exact = true }, // a quoted body without a flag is strict
                _ => null,
            };
        }

        if (!legacy || body.Length == 0 || body.StartsWith('/'))
        {
            return null;
        }

        return new LocatorSpec { By = by, Value = body, Exact = false };
    }

    /// <summary><c>button[name="Sign in"i]</c>; null when an attribute other than name (or a regex name) is present.</summary>
    private static LocatorSpec? RoleBody(string body, bool internalEngine)
    {
        var bracket = body.IndexOf('[', StringComparison.Ordinal);
        var role = (bracket < 0 ? body : body[..bracket]).Trim();
        if (role.Length == 0 || !role.All(char.IsAsciiLetter))
        {
            return null;
        }

        string? name = null;
        bool? exact = null;
        var i = bracket < 0 ? body.Length : bracket;
        while (i < body.Length)
        {
            if (body[i] != '[')
            {
                return null;
            }

            var eq = body.IndexOf('=', i);
            var close = body.IndexOf(']', i);
            if (eq < 0 || close < 0 || close < eq)
            {
                return null;
            }

            var attr = body[(i + 1)..eq].Trim();
            if (attr != "name" || !(body[eq + 1] is '"' or '\'') || !Tokenizer.TryReadString(body, eq + 1, out var value, out var end))
            {
                return null;
            }

            if (end < body.Length && body[end] is 'i' or 's')
            {
                exact = body[end] == 's';
                end++;
            }

            if (end >= body.Length || body[end] != ']')
            {
                return null;
            }

            name = value;
            i = end + 1;
        }

        // A quoted value without a flag is case-sensitive, hence exact (the .NET binding writes [name="x"] for Exact = true).
        // The legacy role engine compares a name with "i" whole, which getByRole cannot say.
        if (!internalEngine && exact == false)
        {
            return null;
        }

        return new LocatorSpec { By = LocatorKind.Role, Role = role, Name = name, Exact = name is null ? null : exact ?? true };
    }

    /// <summary><c>[placeholder="x"i]</c>.</summary>
    private static bool AttrBody(string body, out string attr, out string value, out bool exact)
    {
        attr = value = string.Empty;
        exact = false;
        if (!body.StartsWith('[') || !body.EndsWith(']'))
        {
            return false;
        }

        var eq = body.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            return false;
        }

        attr = body[1..eq].Trim();
        if (!Tokenizer.TryReadString(body, eq + 1, out value, out var end))
        {
            return false;
        }

        var suffix = body[end..^1];
        exact = suffix is "s" or ""; // case-sensitive unless "i"
        return suffix is "s" or "i" or "";
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^[A-Za-z_$][\w$.]*\(""")]
    private static partial System.Text.RegularExpressions.Regex CallLike();

    [System.Text.RegularExpressions.GeneratedRegex("""^[#.\[\*a-zA-Z:>~+]""")]
    private static partial System.Text.RegularExpressions.Regex CssStart();

    [System.Text.RegularExpressions.GeneratedRegex("""^\{\s*"method"\s*:\s*"(?<m>[^"]+)"\s*,\s*"selector"\s*:\s*"(?<s>(?:[^"\\]|\\.)*)"\s*\}$""")]
    private static partial System.Text.RegularExpressions.Regex SeleniumJson();

    [System.Text.RegularExpressions.GeneratedRegex("""^By\.(?<kind>[A-Za-z]+):\s*(?<v>.+)$""")]
    private static partial System.Text.RegularExpressions.Regex SeleniumByToString();

    [System.Text.RegularExpressions.GeneratedRegex("""^\(?\s*By\.(?<kind>[A-Z_]+)\s*,\s*(?<str>(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))\s*\)?$""")]
    private static partial System.Text.RegularExpressions.Regex SeleniumTuple();
}
