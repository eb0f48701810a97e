using System.Text.Json;

namespace Praxi.FixEngine.Locators;

/// <summary>
/// Splits a Playwright selector string into engine parts the way Playwright's <c>parseSelector</c> does
/// (docs/locators.md#chain-splitting): <see cref="SelectorChain"/> separates the parts; a part is <c>engine=body</c>
/// when the text before its first <c>=</c> is <c>[A-Za-z0-9_+:*-]+</c>, else a quoted part is <c>text</c>, one starting
/// with <c>//</c> or <c>..</c> (after optional parentheses) is <c>xpath</c>, anything else <c>css</c>. The bodies of
/// <c>internal:has</c>, <c>internal:has-not</c>, <c>internal:and</c>, <c>internal:or</c> and <c>internal:chain</c> are
/// JSON strings holding a nested selector, parsed here too.
/// </summary>
internal static class SelectorParser
{
    private static readonly HashSet<string> NestedEngines = new(StringComparer.Ordinal)
    {
        "internal:has", "internal:has-not", "internal:and", "internal:or", "internal:chain",
    };

    /// <summary>Parses a selector; a <see cref="FixEngineException"/> says what is malformed.</summary>
    public static IReadOnlyList<SelectorPart> Parse(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Parse(selector, depth: 0);
    }

    private static List<SelectorPart> Parse(string selector, int depth)
    {
        if (depth > 32)
        {
            throw new FixEngineException($"The selector nests internal:has/and/or more than 32 levels deep: {Shorten(selector)}");
        }

        var parts = new List<SelectorPart>();
        foreach (var raw in SelectorChain.SplitRaw(selector))
        {
            var part = raw.Trim();
            if (part.Length == 0)
            {
                throw new FixEngineException($"The selector {Shorten(selector)} has an empty part between '>>'; remove the extra '>>'.");
            }

            var (name, body) = EngineOf(part);
            if (name.StartsWith('*'))
            {
                // A capture marker (*css=…) changes which element a chain returns; offline it is ignored.
                name = name[1..];
            }

            IReadOnlyList<SelectorPart>? nested = null;
            if (NestedEngines.Contains(name))
            {
                nested = Parse(ReadJsonString(body, name, selector), depth + 1);
            }
            else if (name == "nth" && !int.TryParse(body.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                throw new FixEngineException($"nth= takes an integer, not '{body}', in the selector {Shorten(selector)}.");
            }

            parts.Add(new SelectorPart(name, body, nested));
        }

        return parts;
    }

    /// <summary>
    /// The engine and body of one trimmed part, as Playwright's <c>parseSelector</c> classifies it: an explicit
    /// <c>engine=</c>, else <c>text</c> for a quoted part, <c>xpath</c> for one starting with <c>//</c> (after any
    /// opening parentheses) or <c>..</c>, else <c>css</c>. The one home of that rule; every reader of selector strings
    /// asks here.
    /// </summary>
    public static (string Name, string Body) EngineOf(string part)
    {
        var eq = part.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0 && IsEngineName(part.AsSpan(0, eq).Trim()))
        {
            return (part[..eq].Trim(), part[(eq + 1)..]);
        }

        if (part.Length > 1 && ((part[0] == '"' && part[^1] == '"') || (part[0] == '\'' && part[^1] == '\'')))
        {
            return ("text", part);
        }

        var unparenthesised = part.TrimStart('(');
        if (unparenthesised.StartsWith("//", StringComparison.Ordinal) || part.StartsWith("..", StringComparison.Ordinal))
        {
            return ("xpath", part);
        }

        return ("css", part);
    }

    private static bool IsEngineName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or ':' or '*'))
            {
                return false;
            }
        }

        return true;
    }

    private static string ReadJsonString(string body, string engine, string selector)
    {
        try
        {
            using var json = JsonDocument.Parse(body.Trim());
            if (json.RootElement.ValueKind == JsonValueKind.String)
            {
                return json.RootElement.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        throw new FixEngineException($"{engine}= takes a JSON-quoted selector (\"…\"), not {Shorten(body)}, in the selector {Shorten(selector)}.");
    }

    internal static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 197), "…");
}
