using AngleSharp.Dom;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// Evaluates a Playwright selector string (or a <see cref="LocatorSpec"/>, Selenium forms included) against an
/// AngleSharp DOM the way Playwright's injected script does (docs/locators.md#engines, #strictness): each
/// <c>&gt;&gt;</c> part is queried under every match of the part before, results are de-duplicated and returned in
/// document order (the composed order: a shadow root's content where its host's rendered template stands). Hidden
/// elements are part of the result for every engine but <c>internal:role</c> (unless <c>include-hidden</c>), so a count
/// above one is a strict-mode violation as Playwright would report it. One instance serves one query and caches element
/// texts.
/// </summary>
internal sealed partial class SelectorEngine
{
    private static readonly HashSet<string> LayoutEngines = new(StringComparer.Ordinal) { "left-of", "right-of", "above", "below", "near" };

    private readonly AriaCache _aria = new();
    private readonly DomQueryContext _context;
    private readonly string _selector;
    private readonly Dictionary<INode, int> _documentOrdinals = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<INode, Dictionary<INode, int>> _positions = new(ReferenceEqualityComparer.Instance);

    private SelectorEngine(DomQueryContext context, string selector)
    {
        _context = context;
        _selector = selector;
    }

    /// <summary>The elements a Playwright selector string matches under <paramref name="scope"/> (a document or an element).</summary>
    /// <exception cref="FixEngineException">The selector is malformed or uses an engine that cannot be evaluated offline.</exception>
    public static IReadOnlyList<IElement> Query(INode scope, string playwrightSelector, DomQueryContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(playwrightSelector);
        if (string.IsNullOrWhiteSpace(playwrightSelector))
        {
            throw new FixEngineException("The selector is empty; pass a Playwright selector such as #id or internal:role=button[name=\"Save\"i].");
        }

        var parts = SelectorParser.Parse(playwrightSelector);
        return new SelectorEngine(context ?? DomQueryContext.Default, playwrightSelector).QueryAll(parts, scope);
    }

    /// <summary>
    /// The elements a locator spec matches: Playwright forms through their selector string
    /// (<see cref="PlaywrightSelectors.Print"/>, <c>test_id</c> with the context's test-id attribute), Selenium forms
    /// (<c>id</c>, <c>name</c>, <c>class</c>, <c>link_text</c> — partial when <c>Exact</c> is false) with Selenium's
    /// semantics.
    /// </summary>
    /// <exception cref="FixEngineException">The spec is incomplete or its selector is malformed.</exception>
    public static IReadOnlyList<IElement> Query(INode scope, LocatorSpec spec, DomQueryContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(spec);
        context ??= DomQueryContext.Default;
        spec = LocatorExpression.AsPlaywrightReadsIt(spec); // an XPath given as css is an XPath, as in Playwright
        var value = spec.Value ?? string.Empty;
        if (spec.By != LocatorKind.Role && value.Length == 0)
        {
            throw new FixEngineException($"The locator (by = {spec.By.ToName()}) has no value; a locator needs the selector or text it looks for.");
        }

        var engine = new SelectorEngine(context, value);
        switch (spec.By)
        {
            case LocatorKind.Css:
                return Finish(engine.Css(scope, value, pierce: true));
            case LocatorKind.XPath:
                return Finish(XPath(scope, value));
            case LocatorKind.Id or LocatorKind.Name:
                return Finish(AttributeEquals(scope, spec.By.ToName(), value, pierce: true));
            case LocatorKind.Class:
                if (value.Trim().Contains(' ', StringComparison.Ordinal))
                {
                    throw new FixEngineException($"By.className takes one class, not \"{value}\" (Selenium refuses compound class names); use a CSS selector.");
                }

                return Finish(ClassToken(scope, value.Trim()));
            case LocatorKind.LinkText:
                return Finish(LinkText(scope, value, exact: spec.Exact != false));
            case LocatorKind.Role when string.IsNullOrWhiteSpace(spec.Role):
                throw new FixEngineException("The role locator has no role; a getByRole locator needs one (button, link, textbox…).");
            case LocatorKind.TestId or LocatorKind.Role or LocatorKind.Selector or LocatorKind.Text or LocatorKind.Label
                or LocatorKind.Placeholder or LocatorKind.Title or LocatorKind.AltText:
                return Query(scope, PlaywrightSelectors.Print(spec, context.TestIdAttribute), context);
            default:
                throw new FixEngineException($"Unknown locator strategy \"{spec.By.ToName()}\"; expected one of {LocatorKinds.NameList}.");
        }
    }

    private List<IElement> QueryAll(IReadOnlyList<SelectorPart> parts, INode root)
    {
        List<INode> roots = [root];
        foreach (var part in parts)
        {
            switch (part.Name)
            {
                case "nth":
                    roots = Nth(roots, part.Body);
                    break;
                case "internal:and":
                    var both = new HashSet<INode>(roots, ReferenceEqualityComparer.Instance);
                    roots = [.. QueryAll(part.Nested!, root).Where(both.Contains)];
                    break;
                case "internal:or":
                    var union = new HashSet<INode>(ReferenceEqualityComparer.Instance);
                    roots = SortInDocumentOrder([.. roots.Concat(QueryAll(part.Nested!, root)).Where(union.Add)]);
                    break;
                case "internal:control":
                    roots = Control(roots, part.Body.Trim());
                    break;
                default:
                    if (LayoutEngines.Contains(part.Name))
                    {
                        throw new FixEngineException($"The layout selector {part.Name}= in {SelectorParser.Shorten(_selector)} needs a rendered page; it cannot be evaluated on a DOM dump.");
                    }

                    var next = new List<INode>();
                    var seen = new HashSet<INode>(ReferenceEqualityComparer.Instance);
                    var contributing = 0;
                    foreach (var current in roots)
                    {
                        var before = next.Count;
                        foreach (var element in Engine(part, current))
                        {
                            if (seen.Add(element))
                            {
                                next.Add(element);
                            }
                        }

                        contributing += next.Count > before ? 1 : 0;
                    }

                    roots = contributing > 1 ? SortInDocumentOrder(next) : next;
                    break;
            }
        }

        return [.. roots.OfType<IElement>()];
    }

    private IEnumerable<IElement> Engine(SelectorPart part, INode root) => part.Name switch
    {
        "css" => Css(root, part.Body, pierce: true),
        "css:light" => Css(root, part.Body, pierce: false),
        "xpath" or "xpath:light" => XPath(root, part.Body),
        "text" => Text(root, part.Body, internalEngine: false, pierce: true),
        "text:light" => Text(root, part.Body, internalEngine: false, pierce: false),
        "internal:text" => Text(root, part.Body, internalEngine: true, pierce: true),
        "id" or "data-testid" or "data-test-id" or "data-test" => AttributeEquals(root, part.Name, part.Body, pierce: true),
        "id:light" or "data-testid:light" or "data-test-id:light" or "data-test:light" => AttributeEquals(root, part.Name[..^6], part.Body, pierce: false),
        "internal:role" => Role(root, part.Body, internalEngine: true),
        "role" => Role(root, part.Body, internalEngine: false),
        "internal:label" => Label(root, part.Body),
        "internal:attr" or "internal:testid" => Attr(root, part.Body, part.Name),
        "internal:has-text" => Filter(root, e => Matcher(part.Body, internalEngine: true).Matches(TextOf(e))),
        "internal:has-not-text" => Filter(root, e => !Matcher(part.Body, internalEngine: true).Matches(TextOf(e))),
        "internal:has" => Filter(root, e => QueryAll(part.Nested!, e).Count > 0),
        "internal:has-not" => Filter(root, e => QueryAll(part.Nested!, e).Count == 0),
        "internal:chain" => QueryAll(part.Nested!, root),
        "visible" => Filter(root, e => !AriaSemantics.IsInvisible(e) == ParseBoolean(part)),
        "internal:describe" => Filter(root, _ => true),
        _ => throw new FixEngineException(
            $"Unknown selector engine \"{part.Name}\" in {SelectorParser.Shorten(_selector)}; supported: css, xpath, text, id, data-testid, "
            + "internal:text, internal:role, internal:label, internal:attr, internal:testid, internal:has(-not)(-text), internal:and, internal:or, "
            + "internal:chain, internal:control=enter-frame, nth, visible."),
    };

    private static ElementText TextOf(INode node) => DomText.For(node).Text(node);

    private static IEnumerable<IElement> Filter(INode root, Func<IElement, bool> predicate) =>
        root is IElement element && predicate(element) ? [element] : [];

    private bool ParseBoolean(SelectorPart part) => part.Body.Trim() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FixEngineException($"{part.Name}= takes true or false, not \"{part.Body}\", in {SelectorParser.Shorten(_selector)}."),
    };

    private static List<INode> Nth(List<INode> roots, string body)
    {
        var n = int.Parse(body.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
        var index = n < 0 ? roots.Count + n : n;
        return index >= 0 && index < roots.Count ? [roots[index]] : [];
    }

    private List<INode> Control(List<INode> roots, string body)
    {
        switch (body)
        {
            case "enter-frame":
                var documents = new List<INode>();
                foreach (var frame in roots.OfType<IElement>().Where(e => e.LocalName is "iframe" or "frame"))
                {
                    if (_context.FrameResolver?.Invoke(frame) is { } document && !documents.Contains(document))
                    {
                        documents.Add(document);
                    }
                }

                return documents;
            case "return-empty":
                return [];
            default:
                throw new FixEngineException($"Unknown internal:control={body} in {SelectorParser.Shorten(_selector)}; only enter-frame is supported.");
        }
    }

    private static List<IElement> Finish(IEnumerable<IElement> elements)
    {
        var seen = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        return [.. elements.Where(seen.Add)];
    }

    private List<INode> SortInDocumentOrder(List<INode> nodes)
    {
        if (nodes.Count < 2)
        {
            return nodes;
        }

        return [.. nodes.OrderBy(DocumentOrdinal).ThenBy(Position)];
    }

    private int DocumentOrdinal(INode node)
    {
        var document = ComposedRoot(node);
        if (!_documentOrdinals.TryGetValue(document, out var ordinal))
        {
            _documentOrdinals[document] = ordinal = _documentOrdinals.Count;
        }

        return ordinal;
    }

    private int Position(INode node)
    {
        var document = ComposedRoot(node);
        if (!_positions.TryGetValue(document, out var positions))
        {
            positions = new Dictionary<INode, int>(ReferenceEqualityComparer.Instance) { [document] = -1 };
            var i = 0;
            foreach (var element in ComposedTree.Descendants(document))
            {
                positions[element] = i++;
            }

            _positions[document] = positions;
        }

        return positions.TryGetValue(node, out var position) ? position : int.MaxValue;
    }

    private static INode ComposedRoot(INode node)
    {
        var current = node;
        while (ComposedTree.ParentNode(current) is { } parent)
        {
            current = parent;
        }

        return current;
    }
}
