using System.Diagnostics.CodeAnalysis;
using System.Text;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Locators;

internal static partial class LocatorExpression
{
    private static readonly string[] RoleOptions = ["checked", "disabled", "selected", "expanded", "includehidden", "level", "pressed"];

    /// <summary>One step of a chain: a call (with its argument tokens) or a property (<c>.First</c>).</summary>
    private sealed record Segment(string Name, List<Token>? Args, string Source);

    /// <summary>A mapped step: a neutral spec when the step has one, and always its selector-string form.</summary>
    private readonly record struct Part(LocatorSpec? Spec, string Selector);

    private static bool TryCallChain(string text, [NotNullWhen(true)] out LocatorSpec? spec)
    {
        spec = null;
        if (!Tokenizer.TryTokenize(text, out var tokens) || !TrySegments(text, tokens, out var segments))
        {
            return false;
        }

        var parts = new List<Part>();
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var method = LocatorMethods.FromAnyBinding(segment.Name);
            if (segment.Args is null)
            {
                switch (method?.Call)
                {
                    case LocatorCall.First:
                        parts.Add(new Part(null, PlaywrightSelectors.Nth(0)));
                        continue;
                    case LocatorCall.Last:
                        parts.Add(new Part(null, PlaywrightSelectors.Nth(-1)));
                        continue;
                    case LocatorCall.ContentFrame:
                        // .NET's ContentFrame is a property.
                        parts.Add(new Part(null, PlaywrightSelectors.EnterFrame));
                        continue;
                    case null when Normalize(segment.Name) == "by" && s + 1 < segments.Count && segments[s + 1].Args is { } byArgs:
                        // Selenium: By.Id("x"), By.cssSelector("#x").
                        if (FirstArg(byArgs) is not { Kind: TokenKind.String } byValue
                            || SeleniumSpec(segments[s + 1].Name, byValue.Text) is not { } bySpec)
                        {
                            return false;
                        }

                        parts.Add(new Part(bySpec, PlaywrightSelectors.Print(bySpec)));
                        s++;
                        continue;
                    default:
                        if (parts.Count == 0)
                        {
                            continue; // a receiver: page, this.page, _page, self.page, cy, driver
                        }

                        return false;
                }
            }

            if (!(method is null ? TryMapSeleniumFinder(segment, parts) : TryMapCall(method.Call, segment, parts)))
            {
                return false;
            }
        }

        if (parts.Count == 0)
        {
            return false;
        }

        if (parts.Count == 1 && parts[0].Spec is { } only)
        {
            spec = only;
            return true;
        }

        spec = new LocatorSpec { By = LocatorKind.Selector, Value = SelectorChain.Join(parts.Select(p => p.Selector)) };
        return true;
    }

    private static bool TrySegments(string text, List<Token> tokens, out List<Segment> segments)
    {
        segments = [];
        var i = 0;
        var sawCall = false;
        while (true)
        {
            if (i >= tokens.Count || tokens[i].Kind != TokenKind.Ident)
            {
                return false;
            }

            var start = tokens[i].Start;
            var name = tokens[i].Text;
            i++;
            List<Token>? args = null;
            var end = tokens[i - 1].End;
            if (i < tokens.Count && tokens[i] is { Kind: TokenKind.Punct, Text: "(" })
            {
                var close = FindClose(tokens, i);
                if (close < 0)
                {
                    return false;
                }

                args = tokens.GetRange(i + 1, close - i - 1);
                end = tokens[close].End;
                i = close + 1;
                sawCall = true;
            }

            segments.Add(new Segment(name, args, text[start..end]));
            if (i == tokens.Count)
            {
                return sawCall;
            }

            if (tokens[i] is { Kind: TokenKind.Punct, Text: "." })
            {
                i++;
                continue;
            }

            return tokens[i] is { Kind: TokenKind.Punct, Text: ";" } && i == tokens.Count - 1 && sawCall;
        }
    }

    private static int FindClose(List<Token> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Punct)
            {
                continue;
            }

            switch (tokens[i].Text)
            {
                case "(" or "{" or "[":
                    depth++;
                    break;
                case ")" or "}" or "]":
                    depth--;
                    if (depth == 0)
                    {
                        return tokens[i].Text == ")" ? i : -1;
                    }

                    break;
            }
        }

        return -1;
    }

    private static bool TryMapCall(LocatorCall call, Segment segment, List<Part> parts)
    {
        var args = segment.Args!;
        var first = FirstArg(args);
        var method = LocatorMethods.Of(call);
        switch (call)
        {
            case LocatorCall.Locator:
                {
                    if (first is not { Kind: TokenKind.String } sel || !TryParseSelector(sel.Text, out var inner))
                    {
                        return false;
                    }

                    parts.Add(new Part(inner, sel.Text.Trim()));
                    return AddFilter(args, parts, optional: true);
                }

            case LocatorCall.GetByRole:
                return AddRole(first, args, parts);
            case LocatorCall.GetByTestId:
                {
                    if (first is { Kind: TokenKind.String } tid)
                    {
                        var spec = new LocatorSpec { By = LocatorKind.TestId, Value = tid.Text };
                        parts.Add(new Part(spec, PlaywrightSelectors.Print(spec)));
                        return true;
                    }

                    if (first is { Kind: TokenKind.Regex } re)
                    {
                        parts.Add(new Part(null, $"internal:testid=[{PlaywrightSelectors.DefaultTestIdAttribute}={re.Text}]"));
                        return true;
                    }

                    return false;
                }

            case LocatorCall.GetByText or LocatorCall.GetByLabel or LocatorCall.GetByPlaceholder or LocatorCall.GetByTitle or LocatorCall.GetByAltText:
                return AddValue(first, args, parts, method.Kind!.Value);
            case LocatorCall.FrameLocator:
                if (first is not { Kind: TokenKind.String } frame)
                {
                    return false;
                }

                parts.Add(new Part(null, frame.Text.Trim()));
                parts.Add(new Part(null, PlaywrightSelectors.EnterFrame));
                return true;
            case LocatorCall.ContentFrame:
                parts.Add(new Part(null, PlaywrightSelectors.EnterFrame));
                return true;
            case LocatorCall.First when args.Count == 0:
                parts.Add(new Part(null, PlaywrightSelectors.Nth(0)));
                return true;
            case LocatorCall.Last when args.Count == 0:
                parts.Add(new Part(null, PlaywrightSelectors.Nth(-1)));
                return true;
            case LocatorCall.Nth when first is { Kind: TokenKind.Number } n:
                parts.Add(new Part(null, "nth=" + n.Text));
                return true;
            case LocatorCall.Filter:
                return parts.Count > 0 && AddFilter(args, parts, optional: false);
            default:
                return false;
        }
    }

    /// <summary>Selenium's <c>driver.findElement(By.id("x"))</c>: the locator inside.</summary>
    private static bool TryMapSeleniumFinder(Segment segment, List<Part> parts)
    {
        if (!LocatorMethods.IsSeleniumFinder(segment.Name) || segment.Args is not { Count: > 0 })
        {
            return false;
        }

        var inner = segment.Source[(segment.Source.IndexOf('(', StringComparison.Ordinal) + 1)..^1];
        if (!TryParse(inner, out var spec))
        {
            return false;
        }

        parts.Add(new Part(spec, PlaywrightSelectors.Print(spec)));
        return true;
    }

    private static bool AddRole(Token? first, List<Token> args, List<Part> parts)
    {
        string role;
        if (first is { Kind: TokenKind.String } s)
        {
            role = s.Text;
        }
        else if (first is { Kind: TokenKind.Ident } ident)
        {
            role = ident.Text[(ident.Text.LastIndexOf('.') + 1)..].ToLowerInvariant(); // AriaRole.Button, AriaRole.BUTTON
        }
        else
        {
            return false;
        }

        var rest = args.Skip(ArgLength(args)).ToList();
        var name = Option(rest, "name", "setname");
        var exact = BoolOption(rest, "exact", "setexact");
        var properties = new List<(string Name, string Value)>();
        foreach (var option in RoleOptions)
        {
            var value = Option(rest, option, "set" + option);
            if (value is { Kind: TokenKind.Ident or TokenKind.Number })
            {
                properties.Add((option == "includehidden" ? "include-hidden" : option, value.Value.Text.ToLowerInvariant()));
            }
        }

        var extras = properties.Count > 0;
        LocatorSpec? spec = null;
        if (name is { Kind: TokenKind.Regex } nameRegex)
        {
            properties.Add(("name", nameRegex.Text));
        }
        else if (name is { Kind: TokenKind.String } nameText)
        {
            properties.Add(("name", PlaywrightSelectors.AttributeValue(nameText.Text, exact == true)));
            spec = extras ? null : new LocatorSpec { By = LocatorKind.Role, Role = role, Name = nameText.Text, Exact = exact ?? false };
        }
        else if (name is null)
        {
            spec = extras ? null : new LocatorSpec { By = LocatorKind.Role, Role = role };
        }
        else
        {
            return false;
        }

        var selector = PlaywrightSelectors.Role(role, properties);
        parts.Add(new Part(spec, selector));
        return true;
    }

    /// <summary>A string argument (with an <c>exact</c> option) becomes a spec; a regex one only a selector part.</summary>
    private static bool AddValue(Token? first, List<Token> args, List<Part> parts, LocatorKind by)
    {
        if (first is { Kind: TokenKind.Regex } re)
        {
            parts.Add(new Part(null, by switch
            {
                LocatorKind.Text => "internal:text=" + re.Text,
                LocatorKind.Label => "internal:label=" + re.Text,
                LocatorKind.Placeholder => $"internal:attr=[placeholder={re.Text}]",
                LocatorKind.Title => $"internal:attr=[title={re.Text}]",
                _ => $"internal:attr=[alt={re.Text}]",
            }));
            return true;
        }

        if (first is not { Kind: TokenKind.String } s)
        {
            return false;
        }

        var exact = BoolOption(args.Skip(ArgLength(args)).ToList(), "exact", "setexact") ?? false;
        var spec = new LocatorSpec { By = by, Value = s.Text, Exact = exact };
        parts.Add(new Part(spec, PlaywrightSelectors.Print(spec)));
        return true;
    }

    /// <summary><c>filter({ hasText: 'x' })</c> or <c>locator('li', { hasText: 'x' })</c> → <c>internal:has-text="x"i</c>.</summary>
    private static bool AddFilter(List<Token> args, List<Part> parts, bool optional)
    {
        var hasText = Option(args, "hastext", "sethastext");
        if (hasText is null)
        {
            return optional && !args.Any(t => t.Kind == TokenKind.Punct && t.Text is "{" or "=");
        }

        var selector = hasText.Value.Kind switch
        {
            TokenKind.String => PlaywrightSelectors.HasText(hasText.Value.Text),
            TokenKind.Regex => "internal:has-text=" + hasText.Value.Text,
            _ => null,
        };
        if (selector is null)
        {
            return false;
        }

        parts.Add(new Part(null, selector));
        return true;
    }

    /// <summary>The first positional argument as one token (dotted identifiers joined), or null.</summary>
    private static Token? FirstArg(List<Token> args)
    {
        var length = ArgLength(args);
        if (length == 0)
        {
            return null;
        }

        if (length == 1)
        {
            return args[0];
        }

        // AriaRole.Button
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var t = args[i];
            var ok = i % 2 == 0 ? t.Kind == TokenKind.Ident : t is { Kind: TokenKind.Punct, Text: "." };
            if (!ok)
            {
                return null;
            }

            sb.Append(t.Text);
        }

        return new Token(TokenKind.Ident, sb.ToString(), args[0].Start, args[length - 1].End);
    }

    /// <summary>How many tokens the first positional argument spans (up to the first top-level comma).</summary>
    private static int ArgLength(List<Token> args)
    {
        var depth = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var t = args[i];
            if (t.Kind != TokenKind.Punct)
            {
                continue;
            }

            if (t.Text is "(" or "{" or "[")
            {
                depth++;
            }
            else if (t.Text is ")" or "}" or "]")
            {
                depth--;
            }
            else if (t.Text == "," && depth == 0)
            {
                return i;
            }
        }

        // A lone options object (locator('li', …) has a string first; `{ hasText }` alone is no positional arg).
        return args.Count > 0 && args[0] is { Kind: TokenKind.Punct, Text: "{" } ? 0 : args.Count;
    }

    /// <summary>The value token after <c>name:</c>, <c>name=</c>, <c>Name =</c> or <c>setName(</c>.</summary>
    private static Token? Option(List<Token> tokens, string key, string setter)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Ident)
            {
                continue;
            }

            var name = Normalize(tokens[i].Text);
            if ((name != key && name != setter) || tokens[i + 1] is not { Kind: TokenKind.Punct, Text: ":" or "=" or "(" })
            {
                continue;
            }

            return tokens[i + 2];
        }

        return null;
    }

    private static bool? BoolOption(List<Token> tokens, string key, string setter) =>
        Option(tokens, key, setter) is { Kind: TokenKind.Ident } value
            ? value.Text.ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            }
            : null;

    /// <summary><c>get_by_role</c>, <c>GetByRole</c>, <c>getByRole</c> → <c>getbyrole</c>.</summary>
    private static string Normalize(string name) =>
        name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
        {
            var n when n.EndsWith("async", StringComparison.Ordinal) && n.Length > 5 => n[..^5],
            var n => n,
        };
}
