using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// What a C# locator step resolves from, as a language-neutral <see cref="LocatorSpec"/>, and when two specs mean the
/// same element query — including Selenium's own rewriting (<c>By.Id("x")</c> is sent as the CSS <c>#x</c>, which is
/// what its error prints).
/// </summary>
internal static partial class LocatorSpecs
{
    /// <summary>The spec of one step and its part of a Playwright selector chain; nulls when its value cannot be read.</summary>
    public static (LocatorSpec? Spec, string? Part) Of(LocatorStep step, Func<ExpressionSyntax, string?> valueOf)
    {
        string? Value() => step.Value is null ? null : valueOf(step.Value);
        switch (step.Form)
        {
            case LocatorForm.Locator or LocatorForm.PageAction:
                {
                    var selector = Value();
                    if (selector is null || !LocatorExpression.TryParseSelector(selector, out var spec))
                    {
                        return (null, null);
                    }

                    var part = selector.Trim();
                    if (step.Form == LocatorForm.Locator && LocatorStep.Assigned(step.Options, "HasText") is { } hasText)
                    {
                        if (valueOf(hasText) is not { } text)
                        {
                            return (null, null);
                        }

                        return (null, part + " >> internal:has-text=" + LocatorExpression.Quote(text) + "i");
                    }

                    return (spec, part);
                }

            case LocatorForm.GetByRole:
                {
                    var role = RoleName(step.Role);
                    if (role is null)
                    {
                        return (null, null);
                    }

                    var name = step.Value is null ? null : Value();
                    if (step.Value is not null && name is null)
                    {
                        return (null, null);
                    }

                    var spec = new LocatorSpec { By = "role", Role = role, Name = name, Exact = name is null ? null : BoolOf(step.Exact) ?? false };
                    return (spec, LocatorExpression.ToSelector(spec));
                }

            case LocatorForm.GetBy:
                {
                    var value = Value();
                    if (value is null)
                    {
                        return (null, null);
                    }

                    var by = ByOfGetBy(step.Method);
                    var spec = by == "test_id"
                        ? new LocatorSpec { By = by, Value = value }
                        : new LocatorSpec { By = by, Value = value, Exact = BoolOf(step.Exact) ?? false };
                    return (spec, LocatorExpression.ToSelector(spec));
                }

            case LocatorForm.SeleniumBy:
                {
                    var value = Value();
                    if (value is null)
                    {
                        return (null, null);
                    }

                    var spec = step.Method switch
                    {
                        "Id" => new LocatorSpec { By = "id", Value = value },
                        "CssSelector" or "TagName" => new LocatorSpec { By = "css", Value = value },
                        "XPath" => new LocatorSpec { By = "xpath", Value = value },
                        "Name" => new LocatorSpec { By = "name", Value = value },
                        "ClassName" => new LocatorSpec { By = "class", Value = value },
                        "LinkText" => new LocatorSpec { By = "link_text", Value = value, Exact = true },
                        _ => new LocatorSpec { By = "link_text", Value = value, Exact = false },
                    };
                    return (spec, LocatorExpression.ToSelector(spec));
                }

            default:
                return (null, ScopePart(step, valueOf));
        }
    }

    /// <summary>The Playwright selector chain of a step chain, or null when a part cannot be read.</summary>
    public static string? ChainOf(IReadOnlyList<LocatorStep> chain, Func<ExpressionSyntax, string?> valueOf)
    {
        var parts = new List<string>();
        foreach (var step in chain)
        {
            if (Of(step, valueOf).Part is not { } part)
            {
                return null;
            }

            parts.Add(part);
        }

        return SelectorChain.Join(parts);
    }

    /// <summary>A spec with <c>selector</c> strings resolved to their specific kind when they are one part.</summary>
    public static LocatorSpec Normalize(LocatorSpec spec)
    {
        if (spec.By == "selector" && LocatorExpression.TryParseSelector(spec.Value, out var parsed))
        {
            spec = parsed;
        }

        if (spec.By == "role" && spec.Role is not null)
        {
            spec = spec with { Role = spec.Role.ToLowerInvariant() };
        }

        return spec;
    }

    /// <summary>True when the two specs query the same thing. <paramref name="exactMatters"/> false ignores an absent Exact on <paramref name="b"/>.</summary>
    public static bool Same(LocatorSpec a, LocatorSpec b, IReadOnlyList<string> testIdAttributes, bool exactMatters = true)
    {
        a = Normalize(a);
        b = Normalize(b);
        if (a.By == b.By)
        {
            var exactSame = !exactMatters && b.Exact is null || (a.Exact ?? false) == (b.Exact ?? false);
            return a.By switch
            {
                "role" => string.Equals(a.Role, b.Role, StringComparison.OrdinalIgnoreCase) && a.Name == b.Name && (a.Name is null || exactSame),
                "text" or "label" or "placeholder" or "title" or "alt_text" => a.Value == b.Value && exactSame,
                "link_text" => a.Value == b.Value && (!exactMatters && b.Exact is null || (a.Exact ?? true) == (b.Exact ?? true)),
                "css" or "selector" => Canon(a.Value) == Canon(b.Value),
                _ => a.Value == b.Value,
            };
        }

        if (IsRoleLink(a) && b.By == "link_text" || IsRoleLink(b) && a.By == "link_text")
        {
            var (role, link) = IsRoleLink(a) ? (a, b) : (b, a);
            return role.Name == link.Value && (role.Exact ?? false) == (link.Exact ?? true);
        }

        var left = CssForms(a, testIdAttributes);
        return left.Count > 0 && CssForms(b, testIdAttributes).Overlaps(left);
    }

    /// <summary>The lower-case ARIA role of <c>AriaRole.Button</c> (or a string literal).</summary>
    public static string? RoleName(ExpressionSyntax? role) => role is null ? null : LocatorStep.Unwrap(role) switch
    {
        MemberAccessExpressionSyntax ma => ma.Name.Identifier.ValueText.ToLowerInvariant(),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText.ToLowerInvariant(),
        _ => null,
    };

    /// <summary>The neutral <c>by</c> of a <c>GetByX</c> method.</summary>
    public static string ByOfGetBy(string method) => method switch
    {
        "GetByTestId" => "test_id",
        "GetByText" => "text",
        "GetByLabel" => "label",
        "GetByPlaceholder" => "placeholder",
        "GetByTitle" => "title",
        _ => "alt_text",
    };

    /// <summary><c>true</c>/<c>false</c> literals; null when absent or not a literal.</summary>
    public static bool? BoolOf(ExpressionSyntax? expression) => expression is null ? null : LocatorStep.Unwrap(expression) switch
    {
        LiteralExpressionSyntax t when t.IsKind(SyntaxKind.TrueLiteralExpression) => true,
        LiteralExpressionSyntax f when f.IsKind(SyntaxKind.FalseLiteralExpression) => false,
        _ => null,
    };

    private static bool IsRoleLink(LocatorSpec spec) => spec.By == "role" && spec.Role == "link" && spec.Name is not null;

    private static string? ScopePart(LocatorStep step, Func<ExpressionSyntax, string?> valueOf)
    {
        switch (step.Method)
        {
            case "First":
                return "nth=0";
            case "Last":
                return "nth=-1";
            case "ContentFrame":
                return "internal:control=enter-frame";
            case "Nth" when step.Value is not null && CSharpLiterals.NumberValue(LocatorStep.Unwrap(step.Value)) is { } n:
                return "nth=" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "FrameLocator" when step.Value is not null && valueOf(step.Value) is { } frame:
                return frame.Trim() + " >> internal:control=enter-frame";
            case "Filter" when LocatorStep.Assigned(step.Options, "HasText") is { } hasText && valueOf(hasText) is { } text:
                return "internal:has-text=" + LocatorExpression.Quote(text) + "i";
            default:
                return null;
        }
    }

    /// <summary>CSS selectors that query exactly what the spec queries (empty when CSS cannot say it).</summary>
    private static HashSet<string> CssForms(LocatorSpec spec, IReadOnlyList<string> testIdAttributes)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        var v = spec.Value ?? string.Empty;
        switch (spec.By)
        {
            case "css":
                forms.Add(Canon(v));
                break;
            case "id":
                forms.Add(Canon(LocatorRendering.CssId(v)));
                forms.Add(Canon("#" + EscapedIdentifier(v)));
                forms.Add(Canon($"*[id=\"{v}\"]"));
                forms.Add(Canon($"[id=\"{v}\"]"));
                break;
            case "name":
                forms.Add(Canon($"*[name=\"{v}\"]"));
                forms.Add(Canon($"[name=\"{v}\"]"));
                break;
            case "class":
                forms.Add(Canon("." + v));
                break;
            case "test_id":
                foreach (var attribute in testIdAttributes.DefaultIfEmpty("data-testid"))
                {
                    forms.Add(Canon($"[{attribute}=\"{v}\"]"));
                    forms.Add(Canon($"*[{attribute}=\"{v}\"]"));
                }

                break;
        }

        return forms;
    }

    /// <summary>The id as a CSS identifier with every character that is not a name character escaped, as Selenium sends it.</summary>
    private static string EscapedIdentifier(string id)
    {
        var sb = new System.Text.StringBuilder(id.Length + 4);
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || c > 0x7f))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// CSS compared without its incidental spelling: quote style, whitespace runs, spaces around combinators, and escapes
    /// of characters that mean the same unescaped in an identifier (Selenium sends <c>By.Id("add-to-cart")</c> as
    /// <c>#add\-to\-cart</c>).
    /// </summary>
    private static string Canon(string? css)
    {
        var text = (css ?? string.Empty).Trim().Replace('\'', '"');
        text = CssEscapes.WithoutNeedless(text);
        text = Whitespace().Replace(text, " ");
        return Combinator().Replace(text, "$1");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([>+~,])\s*")]
    private static partial Regex Combinator();
}
