using System.Text;
using AngleSharp.Dom;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

internal sealed partial class SelectorEngine
{
    private static readonly HashSet<string> ExtensionPseudos = new(StringComparer.Ordinal) { "has-text", "text", "text-is", "text-matches", "visible" };

    /// <summary>
    /// CSS through AngleSharp, piercing open shadow roots on a flattened copy when the page has any. Playwright's
    /// <c>:has-text()</c>, <c>:text()</c>, <c>:text-is()</c>, <c>:text-matches()</c> and <c>:visible</c> are supported
    /// on the last compound selector (<c>button:has-text("Save")</c>), as filters after the plain CSS query.
    /// </summary>
    private IEnumerable<IElement> Css(INode root, string css, bool pierce)
    {
        var (plain, filters) = SplitExtensions(css.Trim());
        var found = pierce ? CssPiercing(root, plain) : CssLight(root, plain);
        return filters.Count == 0 ? found : found.Where(e => filters.TrueForAll(f => f(e)));
    }

    private static List<IElement> CssLight(INode root, string css)
    {
        if (root is not IParentNode parent)
        {
            return [];
        }

        try
        {
            return [.. parent.QuerySelectorAll(css).Where(e => !ComposedTree.IsShadowTemplate(e))];
        }
        catch (Exception ex) when (ex is DomException or ArgumentException or InvalidOperationException)
        {
            throw new FixEngineException($"The CSS selector {SelectorParser.Shorten(css)} is not valid: {ex.Message}", ex);
        }
    }

    private static List<IElement> CssPiercing(INode root, string css)
    {
        var document = root as IDocument ?? root.Owner;
        if (document is null || !ComposedTree.HasShadowRoots(document))
        {
            return CssLight(root, css);
        }

        var composed = ComposedDocument.For(document);
        INode? scope = root switch
        {
            IDocument => composed.Copy,
            IElement element => composed.CopyOf(element),
            IDocumentFragment fragment when ComposedTree.HostOf(fragment) is { } host => composed.CopyOf(host),
            _ => null,
        };
        if (scope is null)
        {
            return CssLight(root, css);
        }

        var found = CssLight(scope, css).Select(composed.OriginalOf).OfType<IElement>();
        return root is IDocumentFragment ? [.. found.Where(e => ComposedTree.Contains(root, e))] : [.. found];
    }

    private (string Css, List<Func<IElement, bool>> Filters) SplitExtensions(string css)
    {
        var filters = new List<Func<IElement, bool>>();
        if (!css.Contains(':', StringComparison.Ordinal))
        {
            return (css, filters);
        }

        var plain = new StringBuilder(css.Length);
        var depth = 0;
        var quote = '\0';
        var boundaryAfterExtension = false;
        for (var i = 0; i < css.Length; i++)
        {
            var c = css[i];
            if (quote != '\0')
            {
                plain.Append(c);
                if (c == '\\' && i + 1 < css.Length)
                {
                    plain.Append(css[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '\\' when i + 1 < css.Length:
                    plain.Append(c).Append(css[++i]);
                    continue;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case ',' or '>' or '+' or '~' when depth == 0 && filters.Count > 0:
                    boundaryAfterExtension = true;
                    break;
                case ':' when depth == 0 && i + 1 < css.Length && css[i + 1] != ':':
                    var nameEnd = i + 1;
                    while (nameEnd < css.Length && (char.IsAsciiLetterOrDigit(css[nameEnd]) || css[nameEnd] == '-'))
                    {
                        nameEnd++;
                    }

                    var name = css[(i + 1)..nameEnd];
                    if (ExtensionPseudos.Contains(name))
                    {
                        var args = new List<string>();
                        i = nameEnd < css.Length && css[nameEnd] == '(' ? ReadArguments(css, nameEnd, args) : nameEnd - 1;
                        filters.Add(ExtensionFilter(name, args));
                        continue;
                    }

                    break;
                default:
                    if (char.IsWhiteSpace(c) && depth == 0 && filters.Count > 0)
                    {
                        boundaryAfterExtension = true;
                    }

                    break;
            }

            plain.Append(c);
        }

        if (boundaryAfterExtension)
        {
            throw new FixEngineException($"The CSS selector {SelectorParser.Shorten(css)} uses a Playwright pseudo-class (:has-text, :text, :visible…) before its last compound selector; only the last one can be evaluated offline.");
        }

        var untrimmed = plain.ToString();
        var result = untrimmed.TrimEnd();
        if (result.Length == 0 || result[^1] is '>' or '+' or '~' or ',' || (filters.Count > 0 && untrimmed.Length > result.Length))
        {
            // The pseudo-classes stood alone (":visible", "div :visible"): they apply to any element there.
            result = result.Length == 0 ? "*" : result + " *";
        }

        return (result, filters);
    }

    /// <summary>Reads <c>(a, "b")</c> from <paramref name="open"/>; returns the index of the closing parenthesis.</summary>
    private static int ReadArguments(string css, int open, List<string> args)
    {
        var current = new StringBuilder();
        var quote = '\0';
        var depth = 0;
        for (var i = open + 1; i < css.Length; i++)
        {
            var c = css[i];
            if (quote != '\0')
            {
                if (c == '\\' && i + 1 < css.Length)
                {
                    current.Append(css[++i]);
                    continue;
                }

                if (c == quote)
                {
                    quote = '\0';
                    continue;
                }

                current.Append(c);
                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    current.Append(c);
                    break;
                case ')' when depth == 0:
                    args.Add(current.ToString().Trim());
                    return i;
                case ')':
                    depth--;
                    current.Append(c);
                    break;
                case ',' when depth == 0:
                    args.Add(current.ToString().Trim());
                    current.Clear();
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }

        throw new FixEngineException($"The CSS selector {SelectorParser.Shorten(css)} has an unclosed '('.");
    }

    private Func<IElement, bool> ExtensionFilter(string name, List<string> args)
    {
        string Argument() => args.Count == 1 ? args[0] : throw new FixEngineException($":{name}() takes one argument in {SelectorParser.Shorten(_selector)}.");
        switch (name)
        {
            case "visible":
                return e => !AriaSemantics.IsInvisible(e);
            case "has-text":
                var lax = TextMatcher.Lax(Argument());
                return e => !DomText.SkipsTextMatching(e) && lax.Matches(TextOf(e));
            case "text":
                var innermost = TextMatcher.Lax(Argument());
                return e => MatchesText(e, innermost) == TextMatch.Self;
            case "text-is":
                var exact = TextMatcher.Exact(Argument());
                return e => MatchesText(e, exact) != TextMatch.None;
            default:
                if (args.Count is < 1 or > 2)
                {
                    throw new FixEngineException($":text-matches() takes a pattern and optional flags in {SelectorParser.Shorten(_selector)}.");
                }

                var pattern = TextMatcher.Pattern(JsRegex.Create(args[0], args.Count > 1 ? args[1] : string.Empty));
                return e => MatchesText(e, pattern) == TextMatch.Self;
        }
    }
}
