using System.Globalization;
using System.Xml.XPath;
using AngleSharp.Dom;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

internal sealed partial class SelectorEngine
{
    private readonly Dictionary<string, TextMatcher> _matchers = new(StringComparer.Ordinal);

    private enum TextMatch
    {
        None,
        Self,
        SelfAndChildren,
    }

    private TextMatcher Matcher(string body, bool internalEngine)
    {
        var key = (internalEngine ? "i:" : "l:") + body;
        if (!_matchers.TryGetValue(key, out var matcher))
        {
            _matchers[key] = matcher = TextMatcher.Create(body, internalEngine);
        }

        return matcher;
    }

    /// <summary>
    /// <c>text=</c> / <c>internal:text=</c>: the innermost matches — an element is skipped when one of its child
    /// elements (or its shadow root) matches by itself, except for the legacy quoted form. The scope element itself is
    /// a candidate, as in Playwright.
    /// </summary>
    private List<IElement> Text(INode root, string body, bool internalEngine, bool pierce)
    {
        var matcher = Matcher(body, internalEngine);
        var result = new List<IElement>();
        IElement? lastDidNotMatchSelf = null;
        void Append(IElement element)
        {
            if (matcher.Kind == TextMatchKind.Lax && lastDidNotMatchSelf is not null && IsLightAncestor(lastDidNotMatchSelf, element))
            {
                return;
            }

            var match = MatchesText(element, matcher);
            if (match == TextMatch.None)
            {
                lastDidNotMatchSelf = element;
            }

            if (match == TextMatch.Self || (match == TextMatch.SelfAndChildren && matcher.Kind == TextMatchKind.Strict && !internalEngine))
            {
                result.Add(element);
            }
        }

        if (root is IElement rootElement)
        {
            Append(rootElement);
        }

        foreach (var element in Descendants(root, pierce))
        {
            Append(element);
        }

        return result;
    }

    /// <summary>Light-tree containment, walking up from the descendant (AngleSharp's <c>Contains</c> searches down).</summary>
    private static bool IsLightAncestor(IElement ancestor, IElement element)
    {
        for (var current = element.ParentElement; current is not null; current = current.ParentElement)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private static TextMatch MatchesText(IElement element, TextMatcher matcher)
    {
        if (DomText.SkipsTextMatching(element) || !matcher.Matches(TextOf(element)))
        {
            return TextMatch.None;
        }

        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement child && !ComposedTree.IsShadowTemplate(child) && matcher.Matches(TextOf(child)))
            {
                return TextMatch.SelfAndChildren;
            }
        }

        return ComposedTree.ShadowRoot(element) is { } shadow && matcher.Matches(TextOf(shadow))
            ? TextMatch.SelfAndChildren
            : TextMatch.Self;
    }

    private IEnumerable<IElement> Role(INode root, string body, bool internalEngine)
    {
        var options = RoleOptions.Parse(body, internalEngine, _selector);
        foreach (var element in ComposedTree.Descendants(root))
        {
            if (AriaSemantics.Role(element) == options.Role && options.Matches(element, _aria))
            {
                yield return element;
            }
        }
    }

    /// <summary><c>internal:label=</c>: <c>aria-labelledby</c> texts, else <c>aria-label</c>, else the associated labels' texts.</summary>
    private IEnumerable<IElement> Label(INode root, string body)
    {
        var matcher = Matcher(body, internalEngine: true);
        foreach (var element in ComposedTree.Descendants(root))
        {
            if (LabelTexts(element).Any(matcher.Matches))
            {
                yield return element;
            }
        }
    }

    private static IEnumerable<ElementText> LabelTexts(IElement element)
    {
        if (AriaSemantics.LabelledBy(element) is { } labelledBy)
        {
            return labelledBy.Select(TextOf);
        }

        var ariaLabel = element.GetAttribute("aria-label");
        if (ariaLabel is not null && ariaLabel.Trim().Length > 0)
        {
            return [new ElementText(ariaLabel, [ariaLabel])];
        }

        return AriaSemantics.Labels(element).Select(TextOf);
    }

    /// <summary><c>internal:attr=</c> / <c>internal:testid=</c>: the raw attribute value, <c>i</c> substring, <c>s</c> equality, or a regex.</summary>
    private static IEnumerable<IElement> Attr(INode root, string body, string engine)
    {
        var parsed = AttributeSelector.Parse(body, engine);
        if (parsed.Name.Length > 0 || parsed.Attributes.Count != 1)
        {
            throw new FixEngineException($"{engine}= takes exactly one [attribute=\"value\"] group, not {SelectorParser.Shorten(body)}.");
        }

        var attribute = parsed.Attributes[0];
        Func<string, bool> matches = attribute switch
        {
            { Regex: { } regex } => value => regex.IsMatchSafe(value),
            { Op: "<truthy>" } => _ => true,
            { CaseSensitive: true } => value => string.Equals(value, attribute.Value, StringComparison.Ordinal),
            _ => value => value.Contains(attribute.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase),
        };
        foreach (var element in ComposedTree.Descendants(root))
        {
            if (element.GetAttribute(attribute.Name) is { } value && matches(value))
            {
                yield return element;
            }
        }
    }

    /// <summary><c>id=</c>, <c>data-testid=</c> and Selenium's <c>By.id</c>/<c>By.name</c>: the attribute equals the value.</summary>
    private static IEnumerable<IElement> AttributeEquals(INode root, string attribute, string value, bool pierce)
    {
        foreach (var element in Descendants(root, pierce))
        {
            if (string.Equals(element.GetAttribute(attribute), value, StringComparison.Ordinal))
            {
                yield return element;
            }
        }
    }

    /// <summary>Selenium's <c>By.className</c>: one class token, case-sensitive; no shadow piercing.</summary>
    private static IEnumerable<IElement> ClassToken(INode root, string token)
    {
        foreach (var element in Descendants(root, pierce: false))
        {
            if (element.ClassList.Contains(token))
            {
                yield return element;
            }
        }
    }

    /// <summary>Selenium's <c>By.linkText</c>/<c>By.partialLinkText</c>: visible <c>&lt;a&gt;</c> elements by their trimmed text.</summary>
    private static IEnumerable<IElement> LinkText(INode root, string text, bool exact)
    {
        var wanted = AriaSemantics.Normalize(text);
        foreach (var element in Descendants(root, pierce: false))
        {
            if (element.LocalName != "a" || AriaSemantics.IsInvisible(element))
            {
                continue;
            }

            var actual = AriaSemantics.Normalize(TextOf(element).Full);
            if (exact ? string.Equals(actual, wanted, StringComparison.Ordinal) : actual.Contains(wanted, StringComparison.Ordinal))
            {
                yield return element;
            }
        }
    }

    /// <summary>XPath 1.0 as <c>document.evaluate</c> runs it; under an element, <c>/…</c> becomes <c>./…</c> as Playwright does.</summary>
    private static List<IElement> XPath(INode root, string xpath)
    {
        var expression = xpath.Trim();
        if (expression.StartsWith('/') && root is not IDocument)
        {
            expression = "." + expression;
        }

        var result = new List<IElement>();
        try
        {
            var compiled = XPathExpression.Compile(expression);
            var iterator = new DomXPathNavigator(root).Select(compiled);
            while (iterator.MoveNext())
            {
                if (iterator.Current?.UnderlyingObject is IElement element)
                {
                    result.Add(element);
                }
            }
        }
        catch (XPathException ex)
        {
            throw new FixEngineException($"The XPath {SelectorParser.Shorten(xpath)} cannot be evaluated (XPath 1.0 node-set expressions only): {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new FixEngineException($"The XPath {SelectorParser.Shorten(xpath)} cannot be evaluated: {ex.Message}", ex);
        }

        return result;
    }

    private static IEnumerable<IElement> Descendants(INode root, bool pierce)
    {
        if (pierce)
        {
            return ComposedTree.Descendants(root);
        }

        return root is IParentNode parent ? parent.QuerySelectorAll("*").Where(e => !ComposedTree.IsShadowTemplate(e)) : [];
    }

    /// <summary>The options of a role selector body, validated as Playwright's role engine validates them.</summary>
    private sealed class RoleOptions
    {
        public required string Role { get; init; }

        public AttributeSelector.Part? Name { get; private set; }

        public bool IncludeHidden { get; private set; }

        public string? Checked { get; private set; }

        public string? Pressed { get; private set; }

        public bool? Selected { get; private set; }

        public bool? Expanded { get; private set; }

        public bool? Disabled { get; private set; }

        public int? Level { get; private set; }

        public static RoleOptions Parse(string body, bool internalEngine, string selector)
        {
            var parsed = AttributeSelector.Parse(body, internalEngine ? "internal:role" : "role");
            if (parsed.Name.Length == 0)
            {
                throw new FixEngineException($"The role selector {SelectorParser.Shorten(selector)} names no role.");
            }

            var options = new RoleOptions { Role = parsed.Name.ToLowerInvariant() };
            foreach (var attribute in parsed.Attributes)
            {
                switch (attribute.Name)
                {
                    case "name":
                        if (attribute.Op == "<truthy>")
                        {
                            throw new FixEngineException($"The role selector {SelectorParser.Shorten(selector)} has [name] without a value.");
                        }

                        var op = internalEngine && !attribute.CaseSensitive && attribute.Op == "=" ? "*=" : attribute.Op;
                        options.Name = attribute with { Op = op, Value = attribute.Value is null ? null : AriaSemantics.Normalize(attribute.Value) };
                        break;
                    case "include-hidden":
                        options.IncludeHidden = Boolean(attribute, selector);
                        break;
                    case "checked":
                        options.Checked = TriState(attribute, selector);
                        break;
                    case "pressed":
                        options.Pressed = TriState(attribute, selector);
                        break;
                    case "selected":
                        options.Selected = Boolean(attribute, selector);
                        break;
                    case "expanded":
                        options.Expanded = Boolean(attribute, selector);
                        break;
                    case "disabled":
                        options.Disabled = Boolean(attribute, selector);
                        break;
                    case "level":
                        options.Level = int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && attribute.Op == "="
                            ? level
                            : throw new FixEngineException($"The role selector {SelectorParser.Shorten(selector)} needs a number for [level].");
                        break;
                    default:
                        throw new FixEngineException($"The role selector {SelectorParser.Shorten(selector)} has the unknown attribute [{attribute.Name}]; expected name, checked, disabled, expanded, include-hidden, level, pressed or selected.");
                }
            }

            return options;
        }

        public bool Matches(IElement element, AriaCache cache)
        {
            if ((Selected is { } selected && AriaSemantics.Selected(element) != selected)
                || (Checked is { } isChecked && (AriaSemantics.Checked(element) ?? "false") != isChecked)
                || (Pressed is { } pressed && AriaSemantics.Pressed(element) != pressed)
                || (Expanded is { } expanded && AriaSemantics.Expanded(element) != expanded)
                || (Level is { } level && AriaSemantics.Level(element) != level)
                || (Disabled is { } disabled && AriaSemantics.Disabled(element) != disabled)
                || (!IncludeHidden && AriaSemantics.IsHiddenCached(element, cache)))
            {
                return false;
            }

            return Name is null || AttributeSelector.Matches(AriaSemantics.AccessibleNameCached(element, IncludeHidden, cache), Name);
        }

        private static bool Boolean(AttributeSelector.Part attribute, string selector) => attribute switch
        {
            { Op: "<truthy>" } => true,
            { Op: "=", Value: "true" } => true,
            { Op: "=", Value: "false" } => false,
            _ => throw new FixEngineException($"The role selector {SelectorParser.Shorten(selector)} needs true or false for [{attribute.Name}]."),
        };

        private static string TriState(AttributeSelector.Part attribute, string selector) => attribute switch
        {
            { Op: "<truthy>" } => "true",
            { Op: "=", Value: "true" or "false" or "mixed" } => attribute.Value!,
            _ => throw new FixEngineException($"The role selector {SelectorParser.Shorten(selector)} needs true, false or \"mixed\" for [{attribute.Name}]."),
        };
    }
}
