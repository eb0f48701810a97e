using System.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// Follows expressions of a repository's scripts to what they are: literals, locator chains, object literals,
/// page-object instances — through same-file declarations, class fields, constructor parameter properties and
/// relative imports. One instance per rewrite; documents are tokenized once.
/// </summary>
internal sealed partial class JsResolver(SourceRepository repository, CancellationToken cancellationToken)
{
    private const int MaxDepth = 12;

    internal static readonly string[] Extensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

    private static readonly HashSet<string> SelectorActions =
        [.. LocatorMethods.PageActions.Where(a => a.JavaScript is not null).Select(a => a.JavaScript!)];

    private readonly Dictionary<string, JsDocument?> _documents = new(StringComparer.Ordinal);

    public SourceRepository Repository { get; } = repository;

    /// <summary>The tokenized file, or null when it is missing, outside the root, or not valid script text.</summary>
    public JsDocument? Document(string path) => Document(path, out _);

    public JsDocument? Document(string path, out string? error)
    {
        error = null;
        if (_documents.TryGetValue(path, out var cached))
        {
            return cached;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var source = Repository.Read(path);
        var doc = source is null ? null : JsDocument.TryCreate(path, source.Text, out error);
        if (source is null)
        {
            error = "file not found";
        }

        _documents[path] = doc;
        return doc;
    }

    public static bool IsLocatorMethod(string name) => LocatorMethods.FromJavaScript(name) is not null;

    public static bool IsSelectorAction(string name) => SelectorActions.Contains(name);

    // ---- expressions ----------------------------------------------------------------------------------------

    /// <summary>What the expression from token <paramref name="first"/> to <paramref name="last"/> is.</summary>
    public JsValue Resolve(JsDocument doc, int first, int last, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return JsValue.Manual("too many indirections");
        }

        (first, last) = JsSyntax.Unwrap(doc, first, last);
        if (first > last)
        {
            return JsValue.Opaque("empty");
        }

        var literal = JsLiteral.At(doc, first, out var interpolated);
        if (literal is not null && literal.Last == last)
        {
            return JsValue.Literal(literal);
        }

        if (interpolated && JsLiteral.TemplateEnd(doc, first) == last)
        {
            return JsValue.Manual($"the value is a template literal with ${{…}} substitutions ({doc.Where(first)})");
        }

        var plus = TopLevel(doc, first, last, "+");
        if (plus.Count > 0)
        {
            return Concatenation(doc, first, last, plus, depth);
        }

        if (doc.IsName(first, "await"))
        {
            return JsValue.Opaque("an awaited value");
        }

        if (doc.IsName(first, "new") && doc.IsName(first + 1))
        {
            var cls = FindClass(doc, doc[first + 1].Text, depth + 1);
            return cls is null
                ? JsValue.Opaque("new " + doc[first + 1].Text)
                : new JsValue { Kind = JsValueKind.Instance, Document = cls.Value.Document, Open = cls.Value.Body };
        }

        if (doc.Is(first, "{") && doc.Match(first) == last)
        {
            return new JsValue { Kind = JsValueKind.Object, Document = doc, Open = first };
        }

        var chain = CallChain.Parse(doc, first);
        if (chain is not null && chain.Last == last)
        {
            if (chain.Links.All(l => !l.IsCall))
            {
                return ResolvePath(doc, chain.Links, depth);
            }

            var steps = Steps(chain, depth, out var terminal);
            if (steps is not null && terminal == chain.Links.Count)
            {
                return new JsValue { Kind = JsValueKind.Locator, Steps = steps };
            }

            return JsValue.Manual($"the value is computed by a call: `{Shorten(doc.Source(first, last))}` ({doc.Where(first)})");
        }

        return JsValue.Manual($"the value is computed: `{Shorten(doc.Source(first, last))}` ({doc.Where(first)})");
    }

    private JsValue Concatenation(JsDocument doc, int first, int last, List<int> plus, int depth)
    {
        var sb = new StringBuilder();
        var start = first;
        char quote = '\0';
        foreach (var end in plus.Append(last + 1))
        {
            var (a, b) = JsSyntax.Unwrap(doc, start, end - 1);
            var part = JsLiteral.At(doc, a, out _);
            if (part is null || part.Last != b || part.Kind != LiteralKind.String)
            {
                var inner = a <= b ? Resolve(doc, a, b, depth + 1) : JsValue.Opaque("empty");
                var what = inner.Kind == JsValueKind.Literal ? "a value declared elsewhere" : "a non-literal value";
                return JsValue.Manual($"the value is a string concatenation with {what} (`{Shorten(doc.Source(first, last))}`, {doc.Where(first)})");
            }

            quote = quote == '\0' ? part.Quote : quote;
            sb.Append(part.Value);
            start = end + 1;
        }

        return JsValue.Literal(new LiteralSite(doc, first, last, LiteralKind.String, sb.ToString(), quote));
    }

    private static List<int> TopLevel(JsDocument doc, int first, int last, string punct)
    {
        var result = new List<int>();
        for (var i = first; i <= last; i++)
        {
            if (doc.Is(i, punct))
            {
                result.Add(i);
            }
            else if (doc[i].Kind == JsTokenKind.Punct && doc[i].Text is "(" or "[" or "{" or "${")
            {
                i = doc.Match(i);
            }
            else if (doc.Is(i, "`"))
            {
                i = JsLiteral.TemplateEnd(doc, i);
            }
        }

        return result;
    }

    /// <summary>Follows <c>a</c>, <c>this.a</c>, <c>a.b.c</c> (no calls).</summary>
    private JsValue ResolvePath(JsDocument doc, IReadOnlyList<ChainLink> links, int depth)
    {
        JsValue value;
        int next;
        if (doc.IsName(links[0].Name, "this"))
        {
            if (links.Count == 1)
            {
                return JsValue.Opaque("this");
            }

            var cls = EnclosingClass(doc, links[0].Name);
            if (cls is null)
            {
                return JsValue.Opaque("this outside a class");
            }

            value = Member(cls.Value, doc[links[1].Name].Text, depth + 1);
            next = 2;
        }
        else
        {
            value = Identifier(doc, links[0].Name, depth + 1);
            next = 1;
        }

        for (var i = next; i < links.Count && value.Kind is not (JsValueKind.Manual or JsValueKind.Opaque); i++)
        {
            value = Property(value, doc[links[i].Name].Text, depth + 1);
        }

        return value;
    }

    private JsValue Property(JsValue value, string name, int depth)
    {
        switch (value.Kind)
        {
            case JsValueKind.Object:
                {
                    var doc = value.Document!;
                    foreach (var (key, first, last) in JsSyntax.Properties(doc, value.Open))
                    {
                        if (JsSyntax.KeyName(doc, key) == name)
                        {
                            var owner = value.Symbol?.Name ?? "object";
                            var symbol = new SymbolRef(doc, key, name, owner, value.Symbol?.Exported ?? false);
                            return (first == key ? Identifier(doc, key, depth + 1) : Resolve(doc, first, last, depth + 1)).Via(symbol);
                        }
                    }

                    return JsValue.Opaque($"property '{name}'");
                }

            case JsValueKind.Instance:
                return Member(Classes(value.Document!).FirstOrDefault(c => c.Body == value.Open) is { Body: > 0 } cls ? cls : new ClassInfo(value.Document!, -1, value.Open, null), name, depth);
            case JsValueKind.Module:
                return Export(value.Document!, name, depth);
            default:
                return JsValue.Opaque($"property '{name}'");
        }
    }

    // ---- locator chains -------------------------------------------------------------------------------------

    /// <summary>
    /// The locator steps of a chain — those of its receiver's definition first — and the index of the first link
    /// after them (<c>click</c>); null when the chain has no locator call.
    /// </summary>
    public List<LocatorStep>? Steps(CallChain chain, int depth, out int terminal)
    {
        var doc = chain.Document;
        var links = chain.Links;
        terminal = -1;
        var firstStep = -1;
        var firstCall = -1;
        for (var i = 1; i < links.Count; i++)
        {
            if (!links[i].IsCall)
            {
                continue;
            }

            firstCall = firstCall < 0 ? i : firstCall;
            var name = doc[links[i].Name].Text;
            if (IsLocatorMethod(name) || IsSelectorAction(name) && links[i].Close > links[i].Open + 1
                && !doc.Is(links[i].Open + 1, "{") && !doc.IsName(links[i].Open + 1, "function"))
            {
                firstStep = i;
                break;
            }
        }

        if (links[0].IsCall)
        {
            return null;
        }

        if (firstStep < 0 || firstCall < firstStep)
        {
            // No locator call of its own: `loginPage.submit.click()`, `expect(save)` — the receiver may be a locator.
            var end = firstCall < 0 ? links.Count : firstCall;
            var value = ResolvePath(doc, [.. links.Take(end)], depth + 1);
            if (value.Kind != JsValueKind.Locator)
            {
                return null;
            }

            terminal = end;
            return [.. value.Steps.Select(s => s.Definition is null ? s with { Definition = value.Symbol } : s)];
        }

        var steps = new List<LocatorStep>();
        var receiver = firstStep > 0 ? ResolvePath(doc, [.. links.Take(firstStep)], depth + 1) : JsValue.Opaque("none");
        if (receiver.Kind == JsValueKind.Locator)
        {
            steps.AddRange(receiver.Steps.Select(s => s.Definition is null ? s with { Definition = receiver.Symbol } : s));
        }

        var n = firstStep;
        if (receiver.Kind == JsValueKind.Locator && !IsLocatorMethod(doc[links[n].Name].Text))
        {
            // `loginPage.email.fill('x')`: an action on a locator, whose string argument is a value, not a selector.
            terminal = n;
            return steps;
        }

        for (; n < links.Count; n++)
        {
            var name = doc[links[n].Name].Text;
            if (!links[n].IsCall)
            {
                break;
            }

            if (n == firstStep && !IsLocatorMethod(name))
            {
                steps.Add(Step(doc, links[n], name, LocatorStepKind.Action, depth));
                n++;
                break;
            }

            if (!IsLocatorMethod(name))
            {
                break;
            }

            steps.Add(Step(doc, links[n], name, KindOf(name), depth));
        }

        terminal = n;
        return steps;
    }

    private static LocatorStepKind KindOf(string method) => LocatorMethods.FromJavaScript(method) switch
    {
        { Call: LocatorCall.Locator } => LocatorStepKind.Selector,
        { Call: LocatorCall.FrameLocator } => LocatorStepKind.Frame,
        { Kind: not null } => LocatorStepKind.GetBy,
        { Call: LocatorCall.First or LocatorCall.Last or LocatorCall.Nth } => LocatorStepKind.Nth,
        { Call: LocatorCall.Filter } => LocatorStepKind.Filter,
        _ => LocatorStepKind.Other,
    };

    private LocatorStep Step(JsDocument doc, ChainLink link, string method, LocatorStepKind kind, int depth)
    {
        var args = JsSyntax.Arguments(doc, link.Open);
        var step = new LocatorStep { Document = doc, Link = link, Method = method, Kind = kind, By = kind == LocatorStepKind.GetBy ? LocatorMethods.FromJavaScript(method)!.Kind : null };
        switch (kind)
        {
            case LocatorStepKind.Nth:
                return step with
                {
                    Parts = method switch
                    {
                        "first" => [PlaywrightSelectors.Nth(0)],
                        "last" => [PlaywrightSelectors.Nth(-1)],
                        _ when args.Count == 1 && Resolve(doc, args[0].First, args[0].Last, depth + 1) is { Kind: JsValueKind.Literal, Site.Kind: LiteralKind.Number } n
                            => ["nth=" + n.Site!.Value.Replace("_", string.Empty, StringComparison.Ordinal)],
                        _ => [],
                    },
                    Problem = method == "nth" && args.Count != 1 ? "nth() without an index" : null,
                };
            case LocatorStepKind.Filter:
                {
                    var options = args.Count > 0 && doc.Is(args[0].First, "{") ? args[0].First : -1;
                    var hasText = options < 0 ? null : OptionValue(doc, options, "hasText", depth);
                    var props = options < 0 ? [] : JsSyntax.Properties(doc, options);
                    string? part = hasText?.Site switch
                    {
                        { Kind: LiteralKind.String } s when props.Count == 1 => PlaywrightSelectors.HasText(s.Value),
                        { Kind: LiteralKind.Regex } r when props.Count == 1 => "internal:has-text=" + r.Value,
                        _ => null,
                    };
                    return step with { Options = options, NameOption = hasText, Parts = part is null ? ["filter(…)"] : [part] };
                }

            case LocatorStepKind.Other:
                return step with { Parts = [method + "(…)"] };
        }

        if (args.Count == 0)
        {
            return step with { Problem = $"{method}() without arguments" };
        }

        var argument = Resolve(doc, args[0].First, args[0].Last, depth + 1);
        var optionsOpen = args.Count > 1 && doc.Is(args[1].First, "{") ? args[1].First : -1;
        step = step with { Argument = argument, ArgumentRange = args[0], Options = optionsOpen };
        if (argument.Kind == JsValueKind.Manual)
        {
            return step with { Problem = argument.Reason };
        }

        if (argument.Kind != JsValueKind.Literal || argument.Site!.Kind is not (LiteralKind.String or LiteralKind.Regex)
            || argument.Site.Kind == LiteralKind.Regex && (kind is LocatorStepKind.Selector or LocatorStepKind.Action or LocatorStepKind.Frame || step.By == LocatorKind.Role))
        {
            return step with { Problem = $"the {method}() argument `{Shorten(doc.Source(args[0].First, args[0].Last))}` is not a literal the rewriter can follow ({doc.Where(args[0].First)})" };
        }

        var value = argument.Site.Value;
        switch (kind)
        {
            case LocatorStepKind.Selector or LocatorStepKind.Action:
                {
                    var parts = SelectorParts.Split(value);
                    if (kind == LocatorStepKind.Selector && optionsOpen >= 0)
                    {
                        var hasText = OptionValue(doc, optionsOpen, "hasText", depth);
                        if (hasText?.Site is { Kind: LiteralKind.String } ht)
                        {
                            parts.Add(PlaywrightSelectors.HasText(ht.Value));
                        }
                        else if (JsSyntax.Properties(doc, optionsOpen).Count > 0)
                        {
                            parts.Add("options(…)");
                        }
                    }

                    return step with { Parts = parts };
                }

            case LocatorStepKind.Frame:
                return step with { Parts = [.. SelectorParts.Split(value), PlaywrightSelectors.EnterFrame] };
        }

        // getBy*: rebuild the call with literal values and map it the way the analysis maps error messages.
        var sb = new StringBuilder(method).Append('(').Append(Literal(argument.Site));
        JsValue? nameOption = null;
        if (optionsOpen >= 0)
        {
            sb.Append(", {");
            foreach (var (key, first, last) in JsSyntax.Properties(doc, optionsOpen))
            {
                var keyName = JsSyntax.KeyName(doc, key);
                var v = Resolve(doc, first, last, depth + 1);
                if (keyName == "name")
                {
                    nameOption = v;
                }

                if (v.Kind == JsValueKind.Manual)
                {
                    return step with { NameOption = nameOption, Problem = v.Reason };
                }

                if (v.Kind != JsValueKind.Literal)
                {
                    return step with { NameOption = nameOption, Problem = $"option '{keyName}' is not a literal ({doc.Where(first)})" };
                }

                sb.Append(' ').Append(keyName).Append(": ").Append(Literal(v.Site!)).Append(',');
            }

            sb.Append(" }");
        }

        sb.Append(')');
        if (!LocatorExpression.TryParse(sb.ToString(), out var spec))
        {
            return step with { NameOption = nameOption, Problem = $"cannot read {method}(…) at {doc.Where(link.Name)}" };
        }

        return step with { NameOption = nameOption, Parts = [SelectorParts.Canonical(PlaywrightSelectors.Print(spec))] };
    }

    private static string Literal(LiteralSite site) => site.Kind switch
    {
        LiteralKind.String => PlaywrightSelectors.Quote(site.Value),
        _ => site.Value,
    };

    /// <summary>The resolved value of option <paramref name="key"/> in the object literal at <paramref name="open"/>, or null.</summary>
    public JsValue? OptionValue(JsDocument doc, int open, string key, int depth)
    {
        foreach (var (k, first, last) in JsSyntax.Properties(doc, open))
        {
            if (JsSyntax.KeyName(doc, k) == key)
            {
                return first == k ? Identifier(doc, k, depth + 1) : Resolve(doc, first, last, depth + 1);
            }
        }

        return null;
    }

    private static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return oneLine.Length > 80 ? oneLine[..77] + "..." : oneLine;
    }
}
