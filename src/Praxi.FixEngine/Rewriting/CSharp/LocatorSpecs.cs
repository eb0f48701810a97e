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

                        return (null, part + SelectorChain.Separator + PlaywrightSelectors.HasText(text));
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

                    if (step.Value is null && NameRegex(step, valueOf) is { } nameRegex)
                    {
                        var regexPart = $"internal:role={role}[name={nameRegex.Regex}]";
                        return (new LocatorSpec { By = LocatorKind.Selector, Value = regexPart }, regexPart);
                    }

                    var name = step.Value is null ? null : Value();
                    if (step.Value is not null && name is null)
                    {
                        return (null, null);
                    }

                    var spec = new LocatorSpec { By = LocatorKind.Role, Role = role, Name = name, Exact = name is null ? null : BoolOf(step.Exact) ?? false };
                    return (spec, PlaywrightSelectors.Print(spec));
                }

            case LocatorForm.GetBy:
                {
                    var value = Value();
                    if (value is null)
                    {
                        return (null, null);
                    }

                    var by = LocatorMethods.FromDotNet(step.Method)!.Kind!.Value;
                    var spec = by == LocatorKind.TestId
                        ? new LocatorSpec { By = by, Value = value }
                        : new LocatorSpec { By = by, Value = value, Exact = BoolOf(step.Exact) ?? false };
                    return (spec, PlaywrightSelectors.Print(spec));
                }

            case LocatorForm.SeleniumBy:
                {
                    var value = Value();
                    if (value is null)
                    {
                        return (null, null);
                    }

                    var method = LocatorMethods.SeleniumFromDotNet(step.Method)!;
                    var spec = new LocatorSpec { By = method.Kind, Value = value, Exact = method.Exact };
                    return (spec, PlaywrightSelectors.Print(spec));
                }

            default:
                return (null, ScopePart(step, valueOf));
        }
    }

    /// <summary>
    /// The <c>NameRegex</c> option of a <c>GetByRole</c> step as the JavaScript regex Playwright prints in its selector
    /// (<c>new Regex("sign in", RegexOptions.IgnoreCase)</c> → <c>/sign in/i</c>), with the expression that holds its
    /// pattern; null when there is none or it is not <c>new Regex(pattern[, RegexOptions…])</c>.
    /// </summary>
    public static (string Regex, ExpressionSyntax Pattern)? NameRegex(LocatorStep step, Func<ExpressionSyntax, string?> valueOf)
    {
        if (step.Form != LocatorForm.GetByRole || LocatorStep.Assigned(step.Options, "NameRegex") is not { } assigned
            || LocatorStep.Unwrap(assigned) is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 or 2 } args } creation
            || creation is ObjectCreationExpressionSyntax { Type: var type } && type.ToString() is not ("Regex" or "System.Text.RegularExpressions.Regex")
            || valueOf(args[0].Expression) is not { } pattern)
        {
            return null;
        }

        var options = new List<string>();
        if (args.Count == 2)
        {
            foreach (var node in args[1].Expression.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case MemberAccessExpressionSyntax m when m.Expression.ToString().EndsWith("RegexOptions", StringComparison.Ordinal):
                        options.Add(m.Name.Identifier.ValueText);
                        break;
                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } or MemberAccessExpressionSyntax or IdentifierNameSyntax or ParenthesizedExpressionSyntax:
                        break;
                    default:
                        return null;
                }
            }
        }

        return (RegexText.FromDotNet(pattern, options), args[0].Expression);
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

    /// <summary>
    /// A spec with <c>selector</c> strings resolved to their specific kind when they are one part, and a <c>css</c> value
    /// read as Playwright reads it (an XPath given as <c>css</c> is an XPath).
    /// </summary>
    public static LocatorSpec Normalize(LocatorSpec spec)
    {
        spec = LocatorExpression.AsPlaywrightReadsIt(spec);
        if (spec.By == LocatorKind.Selector && LocatorExpression.TryParseSelector(spec.Value, out var parsed))
        {
            spec = parsed;
        }

        if (spec.By == LocatorKind.Role && spec.Role is not null)
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
                LocatorKind.Role => string.Equals(a.Role, b.Role, StringComparison.OrdinalIgnoreCase) && a.Name == b.Name && (a.Name is null || exactSame),
                LocatorKind.Text or LocatorKind.Label or LocatorKind.Placeholder or LocatorKind.Title or LocatorKind.AltText => a.Value == b.Value && exactSame,
                LocatorKind.LinkText => a.Value == b.Value && (!exactMatters && b.Exact is null || (a.Exact ?? true) == (b.Exact ?? true)),
                LocatorKind.Css or LocatorKind.Selector => Canon(a.Value) == Canon(b.Value),
                _ => a.Value == b.Value,
            };
        }

        if (IsRoleLink(a) && b.By == LocatorKind.LinkText || IsRoleLink(b) && a.By == LocatorKind.LinkText)
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

    /// <summary><c>true</c>/<c>false</c> literals; null when absent or not a literal.</summary>
    public static bool? BoolOf(ExpressionSyntax? expression) => expression is null ? null : LocatorStep.Unwrap(expression) switch
    {
        LiteralExpressionSyntax t when t.IsKind(SyntaxKind.TrueLiteralExpression) => true,
        LiteralExpressionSyntax f when f.IsKind(SyntaxKind.FalseLiteralExpression) => false,
        _ => null,
    };

    private static bool IsRoleLink(LocatorSpec spec) => spec.By == LocatorKind.Role && spec.Role == "link" && spec.Name is not null;

    private static string? ScopePart(LocatorStep step, Func<ExpressionSyntax, string?> valueOf)
    {
        switch (LocatorMethods.FromDotNet(step.Method)?.Call)
        {
            case LocatorCall.First:
                return PlaywrightSelectors.Nth(0);
            case LocatorCall.Last:
                return PlaywrightSelectors.Nth(-1);
            case LocatorCall.ContentFrame:
                return PlaywrightSelectors.EnterFrame;
            case LocatorCall.Nth when step.Value is not null && CSharpLiterals.NumberValue(LocatorStep.Unwrap(step.Value)) is { } n:
                return "nth=" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case LocatorCall.FrameLocator when step.Value is not null && valueOf(step.Value) is { } frame:
                return frame.Trim() + SelectorChain.Separator + PlaywrightSelectors.EnterFrame;
            case LocatorCall.Filter when LocatorStep.Assigned(step.Options, "HasText") is { } hasText && valueOf(hasText) is { } text:
                return PlaywrightSelectors.HasText(text);
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
            case LocatorKind.Css:
                forms.Add(Canon(v));
                break;
            case LocatorKind.Id:
                forms.Add(Canon(LocatorRendering.CssId(v)));
                forms.Add(Canon("#" + CssEscapes.EscapeNonNameCharacters(v)));
                forms.Add(Canon($"*[id=\"{v}\"]"));
                forms.Add(Canon($"[id=\"{v}\"]"));
                break;
            case LocatorKind.Name:
                forms.Add(Canon($"*[name=\"{v}\"]"));
                forms.Add(Canon($"[name=\"{v}\"]"));
                break;
            case LocatorKind.Class:
                forms.Add(Canon("." + v));
                break;
            case LocatorKind.TestId:
                foreach (var attribute in testIdAttributes.DefaultIfEmpty(PlaywrightSelectors.DefaultTestIdAttribute))
                {
                    forms.Add(Canon($"[{attribute}=\"{v}\"]"));
                    forms.Add(Canon($"*[{attribute}=\"{v}\"]"));
                }

                break;
        }

        return forms;
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
