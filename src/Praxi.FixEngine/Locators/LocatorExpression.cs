using System.Diagnostics.CodeAnalysis;
using System.Text;
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
            spec = new LocatorSpec { By = "selector", Value = text };
            return true;
        }

        spec = ParseSelectorPart(text);
        return true;
    }

    /// <summary>Renders a spec as a Playwright selector string (the form the trace's <c>params.selector</c> holds).</summary>
    public static string ToSelector(LocatorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var value = spec.Value ?? string.Empty;
        var flag = spec.Exact == true ? "s" : "i";
        return spec.By switch
        {
            "css" => EngineLike().IsMatch(value) ? "css=" + value : value,
            "selector" => value,
            "xpath" => value.StartsWith('/') || value.StartsWith("(/", StringComparison.Ordinal) || value.StartsWith("..", StringComparison.Ordinal) ? value : "xpath=" + value,
            "id" => "id=" + value,
            "name" => $"[name={Quote(value)}]",
            "class" => $"[class~={Quote(value)}]",
            "link_text" => $"internal:role=link[name={Quote(value)}{(spec.Exact == false ? "i" : "s")}]",
            "test_id" => $"internal:testid=[data-testid={Quote(value)}s]",
            "text" => $"internal:text={Quote(value)}{flag}",
            "label" => $"internal:label={Quote(value)}{flag}",
            "placeholder" => $"internal:attr=[placeholder={Quote(value)}{flag}]",
            "title" => $"internal:attr=[title={Quote(value)}{flag}]",
            "alt_text" => $"internal:attr=[alt={Quote(value)}{flag}]",
            "role" => spec.Name is null
                ? "internal:role=" + spec.Role
                : $"internal:role={spec.Role}[name={Quote(spec.Name)}{flag}]",
            _ => value,
        };
    }

    private static bool IsQuoted(string text) =>
        text.Length >= 2 && (text[0] is '"' or '\'' or '`') && text[^1] == text[0];

    private static bool LooksLikeSelector(string text)
    {
        if (text.Length == 0 || text.Length > 2000)
        {
            return false;
        }

        if (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("(//", StringComparison.Ordinal)
            || text.Contains(">>", StringComparison.Ordinal) || EngineLike().IsMatch(text))
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

    /// <summary>Maps a Selenium strategy (<c>css selector</c>, <c>id</c>, <c>cssSelector</c>, <c>CSS_SELECTOR</c>, <c>XPath</c>…).</summary>
    private static LocatorSpec? SeleniumSpec(string kind, string value)
    {
        var k = kind.Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
            .ToLowerInvariant();
        return k switch
        {
            "cssselector" or "css" => new LocatorSpec { By = "css", Value = value },
            "xpath" => new LocatorSpec { By = "xpath", Value = value },
            "id" => new LocatorSpec { By = "id", Value = value },
            "name" => new LocatorSpec { By = "name", Value = value },
            "classname" or "class" => new LocatorSpec { By = "class", Value = value },
            "linktext" => new LocatorSpec { By = "link_text", Value = value, Exact = true },
            "partiallinktext" => new LocatorSpec { By = "link_text", Value = value, Exact = false },
            "tagname" => new LocatorSpec { By = "css", Value = value },
            _ => null,
        };
    }

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
        var raw = new LocatorSpec { By = "selector", Value = part };
        if (part.StartsWith("//", StringComparison.Ordinal) || part.StartsWith("(//", StringComparison.Ordinal)
            || part.StartsWith("..", StringComparison.Ordinal))
        {
            return new LocatorSpec { By = "xpath", Value = part };
        }

        if (IsQuoted(part) && Tokenizer.TryReadString(part, 0, out var quotedText, out var quotedEnd) && quotedEnd == part.Length)
        {
            // Legacy: a quoted selector is a text selector matching the whole text, case-sensitively.
            return new LocatorSpec { By = "text", Value = quotedText, Exact = true };
        }

        var engine = EngineLike().Match(part);
        if (!engine.Success)
        {
            return new LocatorSpec { By = "css", Value = part };
        }

        var name = engine.Groups["engine"].Value;
        var body = part[engine.Length..];
        switch (name)
        {
            case "css":
                return new LocatorSpec { By = "css", Value = body };
            case "xpath":
                return new LocatorSpec { By = "xpath", Value = body };
            case "id":
                return new LocatorSpec { By = "id", Value = body };
            case "data-testid" or "data-test-id" or "data-test":
                return new LocatorSpec { By = "test_id", Value = body };
            case "text" or "internal:text":
                return TextBody(body, "text", name == "text") ?? raw;
            case "internal:label":
                return TextBody(body, "label", legacy: false) ?? raw;
            case "internal:role" or "role":
                return RoleBody(body) ?? raw;
            case "internal:testid":
                return AttrBody(body, out var tidAttr, out var tidValue, out _) && tidAttr.Contains("test", StringComparison.OrdinalIgnoreCase)
                    ? new LocatorSpec { By = "test_id", Value = tidValue }
                    : raw;
            case "internal:attr":
                if (!AttrBody(body, out var attr, out var attrValue, out var exact))
                {
                    return raw;
                }

                var by = attr switch
                {
                    "placeholder" => "placeholder",
                    "alt" => "alt_text",
                    "title" => "title",
                    _ => null,
                };
                return by is null ? raw : new LocatorSpec { By = by, Value = attrValue, Exact = exact };
            default:
                return raw;
        }
    }

    /// <summary><c>"x"i</c> / <c>"x"s</c> (or, for the legacy <c>text=</c> engine, a bare <c>x</c>).</summary>
    private static LocatorSpec? TextBody(string body, string by, bool legacy)
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
                "" => new LocatorSpec { By = by, Value = value, Exact = legacy },
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
    private static LocatorSpec? RoleBody(string body)
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

        return new LocatorSpec { By = "role", Role = role, Name = name, Exact = name is null ? null : exact ?? false };
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
        exact = suffix == "s";
        return suffix is "s" or "i" or "";
    }

    internal static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^(?<engine>[A-Za-z0-9_+:*-]+)=""")]
    private static partial System.Text.RegularExpressions.Regex EngineLike();

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
