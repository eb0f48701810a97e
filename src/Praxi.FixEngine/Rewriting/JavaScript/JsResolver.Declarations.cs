namespace Praxi.FixEngine.Rewriting.JavaScript;

internal sealed partial class JsResolver
{
    private static readonly HashSet<string> Modifiers = ["readonly", "private", "public", "protected", "static", "declare", "override", "accessor"];

    /// <summary>Every class declared in the document.</summary>
    public static List<ClassInfo> Classes(JsDocument doc)
    {
        var result = new List<ClassInfo>();
        for (var i = 0; i < doc.Count; i++)
        {
            if (!doc.IsName(i, "class") || JsSyntax.AfterDot(doc, i))
            {
                continue;
            }

            var name = doc.IsName(i + 1) && !doc.IsName(i + 1, "extends") && !doc.IsName(i + 1, "implements") ? i + 1 : -1;
            string? baseName = null;
            var j = i + 1;
            while (j < doc.Count && !doc.Is(j, "{"))
            {
                if (doc.IsName(j, "extends") && doc.IsName(j + 1))
                {
                    baseName = doc[j + 1].Text;
                }

                j++;
            }

            if (j < doc.Count)
            {
                result.Add(new ClassInfo(doc, name, j, baseName));
            }
        }

        return result;
    }

    /// <summary>The innermost class whose body holds the token.</summary>
    public static ClassInfo? EnclosingClass(JsDocument doc, int token)
    {
        ClassInfo? best = null;
        foreach (var cls in Classes(doc))
        {
            if (cls.Body < token && doc.Match(cls.Body) > token && (best is null || cls.Body > best.Value.Body))
            {
                best = cls;
            }
        }

        return best;
    }

    /// <summary>The value of member <paramref name="name"/> of a class: a field initializer, a constructor parameter property's default, a <c>this.x =</c> assignment in the constructor, a getter's return.</summary>
    private JsValue Member(ClassInfo cls, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return JsValue.Manual("too many indirections");
        }

        var doc = cls.Document;
        var close = doc.Match(cls.Body);
        var className = cls.NameToken >= 0 ? cls.Name : ClassNameOf(doc, cls.Body);
        for (var i = cls.Body + 1; i < close; i++)
        {
            if (doc.Parent(i) != cls.Body)
            {
                continue;
            }

            // field: [modifiers] name[?|!] [: Type] = init
            if (doc.IsName(i, name) && !JsSyntax.AfterDot(doc, i) && (i == cls.Body + 1 || IsMemberStart(doc, i)))
            {
                var symbol = new SymbolRef(doc, i, name, className, true);
                var j = i + 1;
                if (doc.Is(j, "?") || doc.Is(j, "!"))
                {
                    j++;
                }

                if (doc.Is(j, ":"))
                {
                    while (j < close && !(doc.Parent(j) == cls.Body && (doc.Is(j, "=") || doc.Is(j, ";"))) && doc.LineOfToken(j) == doc.LineOfToken(i))
                    {
                        j = doc[j].Kind == JsTokenKind.Punct && doc[j].Text is "(" or "[" or "{" ? doc.Match(j) + 1 : j + 1;
                    }

                    if (!doc.Is(j, "="))
                    {
                        var assigned = ConstructorAssignment(cls, name, depth);
                        if (assigned is not null)
                        {
                            return assigned;
                        }

                        var type = doc.IsName(i + 2) ? FindClass(doc, doc[i + 2].Text, depth + 1) : null;
                        return type is null ? JsValue.Opaque($"field '{name}'") : Instance(type.Value);
                    }
                }

                if (doc.Is(j, "="))
                {
                    var end = JsSyntax.ExpressionEnd(doc, j + 1);
                    return Resolve(doc, j + 1, end, depth + 1).Via(symbol);
                }

                if (doc.Is(j, ";") || doc.LineOfToken(j) > doc.LineOfToken(i))
                {
                    return ConstructorAssignment(cls, name, depth) ?? JsValue.Opaque($"field '{name}'");
                }
            }

            // getter
            if (doc.IsName(i, "get") && doc.IsName(i + 1, name) && doc.Is(i + 2, "("))
            {
                var body = doc.Match(i + 2) + 1;
                while (body < close && !doc.Is(body, "{"))
                {
                    body++;
                }

                for (var k = body + 1; k < doc.Match(body); k++)
                {
                    if (doc.IsName(k, "return") && doc.Parent(k) == body)
                    {
                        return Resolve(doc, k + 1, JsSyntax.ExpressionEnd(doc, k + 1), depth + 1)
                            .Via(new SymbolRef(doc, i + 1, name, className, true));
                    }
                }

                return JsValue.Opaque($"getter '{name}'");
            }

            // constructor parameter property: constructor(readonly name = init)
            if (doc.IsName(i, "constructor") && doc.Is(i + 1, "("))
            {
                foreach (var (first, last) in JsSyntax.Arguments(doc, i + 1))
                {
                    var p = first;
                    var isProperty = false;
                    while (p < last && doc.IsName(p) && Modifiers.Contains(doc[p].Text) && doc.IsName(p + 1))
                    {
                        isProperty = true;
                        p++;
                    }

                    if (!isProperty || !doc.IsName(p, name))
                    {
                        continue;
                    }

                    var symbol = new SymbolRef(doc, p, name, className, true);
                    for (var k = p + 1; k <= last; k++)
                    {
                        if (doc.Is(k, "=") && doc.Parent(k) == i + 1)
                        {
                            return Resolve(doc, k + 1, last, depth + 1).Via(symbol);
                        }
                    }

                    var type = doc.Is(p + 1, ":") && doc.IsName(p + 2) ? FindClass(doc, doc[p + 2].Text, depth + 1) : null;
                    return type is null ? JsValue.Opaque($"constructor parameter '{name}'") : Instance(type.Value);
                }
            }
        }

        var fromConstructor = ConstructorAssignment(cls, name, depth);
        if (fromConstructor is not null)
        {
            return fromConstructor;
        }

        if (cls.BaseName is not null && FindClass(doc, cls.BaseName, depth + 1) is { } baseClass)
        {
            return Member(baseClass, name, depth + 1);
        }

        return JsValue.Opaque($"member '{name}'");
    }

    private static bool IsMemberStart(JsDocument doc, int i)
    {
        var p = i - 1;
        while (doc.IsName(p) && Modifiers.Contains(doc[p].Text))
        {
            p--;
        }

        return doc.Is(p, ";") || doc.Is(p, "}") || doc.Is(p, "{") || doc.LineOfToken(p) < doc.LineOfToken(i) || doc[p].Text.StartsWith('@');
    }

    /// <summary><c>this.name = init</c> inside the constructor.</summary>
    private JsValue? ConstructorAssignment(ClassInfo cls, string name, int depth)
    {
        var doc = cls.Document;
        var close = doc.Match(cls.Body);
        for (var i = cls.Body + 1; i < close; i++)
        {
            if (!(doc.IsName(i, "constructor") && doc.Is(i + 1, "(") && doc.Parent(i) == cls.Body))
            {
                continue;
            }

            var body = doc.Match(i + 1) + 1;
            while (body < close && !doc.Is(body, "{"))
            {
                body++;
            }

            for (var k = body + 1; k < doc.Match(body); k++)
            {
                if (doc.IsName(k, "this") && doc.Is(k + 1, ".") && doc.IsName(k + 2, name) && doc.Is(k + 3, "="))
                {
                    var symbol = new SymbolRef(doc, k + 2, name, cls.NameToken >= 0 ? cls.Name : ClassNameOf(doc, cls.Body), true);
                    return Resolve(doc, k + 4, JsSyntax.ExpressionEnd(doc, k + 4), depth + 1).Via(symbol);
                }
            }
        }

        return null;
    }

    private static string ClassNameOf(JsDocument doc, int body) =>
        Classes(doc).FirstOrDefault(c => c.Body == body) is { NameToken: >= 0 } c ? c.Name : "class";

    private static JsValue Instance(ClassInfo cls) => new() { Kind = JsValueKind.Instance, Document = cls.Document, Open = cls.Body };

    // ---- identifiers ----------------------------------------------------------------------------------------

    /// <summary>What the identifier at <paramref name="use"/> refers to: a declaration in scope, a parameter, an import.</summary>
    private JsValue Identifier(JsDocument doc, int use, int depth)
    {
        if (depth > MaxDepth)
        {
            return JsValue.Manual("too many indirections");
        }

        var name = doc[use].Text;
        var bestScope = -2;
        JsValue? best = null;

        // const/let/var name [: T] = init
        for (var i = 0; i < doc.Count; i++)
        {
            if (!(doc.IsName(i, "const") || doc.IsName(i, "let") || doc.IsName(i, "var")) || !doc.IsName(i + 1, name))
            {
                continue;
            }

            var scope = doc.Parent(i);
            if (!Encloses(doc, scope, use) || scope <= bestScope || i + 1 > use && scope >= 0)
            {
                continue;
            }

            var j = i + 2;
            if (doc.Is(j, ":"))
            {
                while (j < doc.Count && !doc.Is(j, "=") && doc.LineOfToken(j) == doc.LineOfToken(i + 1))
                {
                    j = doc[j].Kind == JsTokenKind.Punct && doc[j].Text is "(" or "[" or "{" ? doc.Match(j) + 1 : j + 1;
                }
            }

            if (!doc.Is(j, "="))
            {
                continue;
            }

            var exported = doc.IsName(i - 1, "export");
            var symbol = new SymbolRef(doc, i + 1, name, null, exported);
            bestScope = scope;
            best = Reassigned(doc, i + 1, name) is { } where
                ? JsValue.Manual($"'{name}' is reassigned ({where})")
                : Require(doc, j + 1) ?? Resolve(doc, j + 1, JsSyntax.ExpressionEnd(doc, j + 1), depth + 1).Via(symbol);
        }

        // function parameters
        var parameter = Parameter(doc, use, name, depth, out var parameterScope);
        if (parameter is not null && parameterScope > bestScope)
        {
            return parameter;
        }

        if (best is not null)
        {
            return best;
        }

        return Import(doc, name, depth) ?? JsValue.Opaque($"'{name}'");
    }

    private static bool Encloses(JsDocument doc, int scope, int use) => scope < 0 || scope < use && doc.Match(scope) > use;

    private static string? Reassigned(JsDocument doc, int declaration, string name)
    {
        for (var i = 0; i < doc.Count; i++)
        {
            if (i != declaration && doc.IsName(i, name) && !JsSyntax.AfterDot(doc, i) && doc.Is(i + 1, "=")
                && !doc.IsName(i - 1, "const") && !doc.IsName(i - 1, "let") && !doc.IsName(i - 1, "var")
                && !IsParameterOrProperty(doc, i) && EnclosingClass(doc, i)?.Body != doc.Parent(i))
            {
                return doc.Where(i);
            }
        }

        return null;
    }

    private static bool IsParameterOrProperty(JsDocument doc, int i)
    {
        // `(name = default)` in a parameter list, `{ name = x }` in a destructuring pattern.
        var parent = doc.Parent(i);
        return parent >= 0 && (doc.Is(parent, "(") || doc.Is(parent, "{")) && (doc.Is(i - 1, "(") || doc.Is(i - 1, ",") || doc.Is(i - 1, "{") || doc.IsName(i - 1) && Modifiers.Contains(doc[i - 1].Text));
    }

    /// <summary><c>require('./x')</c> → the module; <c>require('pkg')</c> → manual.</summary>
    private JsValue? Require(JsDocument doc, int first)
    {
        if (!(doc.IsName(first, "require") && doc.Is(first + 1, "(") && doc[first + 2].Kind == JsTokenKind.String && doc.Is(first + 3, ")")))
        {
            return null;
        }

        var spec = doc[first + 2].Value;
        var path = ResolveModule(doc.Path, spec);
        if (path is null)
        {
            return JsValue.Manual($"the value comes from module '{spec}', which is not a relative path in this repository");
        }

        var module = Document(path);
        return module is null ? JsValue.Opaque("module " + spec) : new JsValue { Kind = JsValueKind.Module, Document = module, Reason = spec };
    }

    /// <summary>A function parameter named <paramref name="name"/> whose function body holds <paramref name="use"/>.</summary>
    private JsValue? Parameter(JsDocument doc, int use, string name, int depth, out int scope)
    {
        scope = -2;
        for (var open = doc.Parent(use); open >= 0; open = doc.Parent(open))
        {
            // Walk out through enclosing bodies; a body `{` (or an arrow's expression) follows a parameter list `(...)`.
            var paren = ParameterList(doc, open);
            if (paren < 0)
            {
                continue;
            }

            var args = JsSyntax.Arguments(doc, paren);
            for (var index = 0; index < args.Count; index++)
            {
                var (first, last) = args[index];
                var p = first;
                while (p < last && doc.IsName(p) && Modifiers.Contains(doc[p].Text))
                {
                    p++;
                }

                if (doc.Is(p, "{"))
                {
                    // destructured fixtures: ({ page, loginPage })
                    foreach (var (key, _, _) in JsSyntax.Properties(doc, p))
                    {
                        if (JsSyntax.KeyName(doc, key) == name)
                        {
                            scope = open;
                            return Fixture(doc, name, depth);
                        }
                    }

                    continue;
                }

                if (!doc.IsName(p, name))
                {
                    continue;
                }

                scope = open;
                if (doc.Is(p + 1, ":") && doc.IsName(p + 2) && FindClass(doc, doc[p + 2].Text, depth + 1) is { } type)
                {
                    return Instance(type);
                }

                return CallSites(doc, paren, index, name, depth);
            }
        }

        return null;
    }

    /// <summary>When <paramref name="open"/> is a function body (or an arrow body's enclosing bracket), the <c>(</c> of its parameters; else -1.</summary>
    private static int ParameterList(JsDocument doc, int open)
    {
        if (!doc.Is(open, "{"))
        {
            return -1;
        }

        var p = open - 1;
        if (doc.Is(p, "=>"))
        {
            p--;
        }
        else
        {
            // skip a return type annotation `): Promise<void> {`
            var q = p;
            while (q > 0 && !doc.Is(q, ")") && doc.LineOfToken(q) == doc.LineOfToken(open) && !doc.Is(q, ";") && !doc.Is(q, "{") && !doc.Is(q, "}"))
            {
                q--;
            }

            p = q;
        }

        return doc.Is(p, ")") ? doc.Match(p) : -1;
    }

    /// <summary>A Playwright fixture destructured from the test's argument: a page object when a class of that name (capitalized) exists.</summary>
    private JsValue Fixture(JsDocument doc, string name, int depth)
    {
        var className = char.ToUpperInvariant(name[0]) + name[1..];
        var cls = FindClass(doc, className, depth + 1) ?? FindClassAnywhere(className);
        return cls is null ? JsValue.Opaque($"fixture '{name}'") : Instance(cls.Value);
    }

    /// <summary>The literal every call of the function passes for parameter <paramref name="index"/>; manual when callers disagree.</summary>
    private JsValue CallSites(JsDocument doc, int paren, int index, string parameter, int depth)
    {
        var function = FunctionName(doc, paren);
        if (function is null)
        {
            return JsValue.Opaque($"parameter '{parameter}'");
        }

        var sites = new List<LiteralSite>();
        var values = new List<JsValue>();
        foreach (var path in Repository.Files(Extensions))
        {
            var source = Repository.Read(path);
            if (source is null || !source.Text.Contains(function, StringComparison.Ordinal))
            {
                continue;
            }

            var other = Document(path);
            if (other is null)
            {
                continue;
            }

            for (var i = 0; i < other.Count; i++)
            {
                if (!other.IsName(i, function) || !other.Is(i + 1, "(") || other.IsName(i - 1, "function") || ReferenceEquals(other, doc) && i + 1 == paren
                    || other.Match(i + 1) + 1 < other.Count && (other.Is(other.Match(i + 1) + 1, "{") || other.Is(other.Match(i + 1) + 1, ":")))
                {
                    continue;
                }

                var args = JsSyntax.Arguments(other, i + 1);
                if (index >= args.Count)
                {
                    return JsValue.Manual($"parameter '{parameter}' of {function}(): the call at {other.Where(i)} does not pass it");
                }

                var value = Resolve(other, args[index].First, args[index].Last, depth + 1);
                values.Add(value);
                if (value.Kind == JsValueKind.Literal)
                {
                    sites.Add(value.Site!);
                }
                else
                {
                    return JsValue.Manual($"parameter '{parameter}' of {function}(): the call at {other.Where(i)} passes a value that is not a literal");
                }
            }
        }

        if (sites.Count == 0)
        {
            return JsValue.Opaque($"parameter '{parameter}' of {function}() with no call site");
        }

        if (sites.Select(s => (s.Kind, s.Value)).Distinct().Count() > 1)
        {
            return JsValue.Manual($"parameter '{parameter}' of {function}(): callers pass different values ({string.Join(", ", sites.Select(s => $"{s.Raw} at {s.Document.Path}:{s.Line}"))})");
        }

        return values[0] with { MoreSites = sites.Skip(1).ToList() };
    }

    private static string? FunctionName(JsDocument doc, int paren)
    {
        var p = paren - 1;
        if (doc.IsName(p, "async"))
        {
            p--;
        }

        if (doc.IsName(p) && doc.IsName(p - 1, "function"))
        {
            return doc[p].Text;
        }

        if (doc.IsName(p) && !doc.IsName(p, "function") && (doc.Parent(p) >= 0 && doc.Is(doc.Parent(p), "{") || doc.IsName(p - 1)))
        {
            return doc[p].Text; // a method `name(...) {`
        }

        if ((doc.Is(p, "=") || doc.Is(p, ":")) && doc.IsName(p - 1))
        {
            return doc[p - 1].Text; // const name = (...) => / name: (...) =>
        }

        return null;
    }
}
