namespace Praxi.FixEngine.Rewriting.JavaScript;

internal sealed partial class JsResolver
{
    private static readonly string[] ModuleSuffixes =
        ["", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.tsx", "/index.js", "/index.mjs"];

    /// <summary>
    /// The import that binds <paramref name="local"/>: (module specifier, imported name — <c>default</c>, <c>*</c>
    /// or the exported name), or null.
    /// </summary>
    public static (string Module, string Imported, int Token)? FindImport(JsDocument doc, string local)
    {
        for (var i = 0; i < doc.Count; i++)
        {
            if (!doc.IsName(i, "import") || JsSyntax.AfterDot(doc, i) || doc.Is(i + 1, "(") || doc.Is(i + 1, "."))
            {
                continue;
            }

            var from = i + 1;
            while (from < doc.Count && !doc.IsName(from, "from") && !doc.Is(from, ";") && doc[from].Kind != JsTokenKind.String)
            {
                from = doc.Is(from, "{") ? doc.Match(from) + 1 : from + 1;
            }

            if (!doc.IsName(from, "from") || from + 1 >= doc.Count || doc[from + 1].Kind != JsTokenKind.String)
            {
                continue;
            }

            var module = doc[from + 1].Value;
            for (var j = i + 1; j < from; j++)
            {
                if (!doc.IsName(j, local))
                {
                    continue;
                }

                if (doc.IsName(j - 1, "as"))
                {
                    return doc.Is(j - 2, "*") ? (module, "*", j) : (module, doc[j - 2].Value, j);
                }

                if (doc.Parent(j) >= 0 && doc.Is(doc.Parent(j), "{"))
                {
                    return (module, local, j);
                }

                return (module, "default", j);
            }
        }

        return null;
    }

    private JsValue? Import(JsDocument doc, string name, int depth)
    {
        var import = FindImport(doc, name);
        if (import is null)
        {
            return null;
        }

        var path = ResolveModule(doc.Path, import.Value.Module);
        if (path is null)
        {
            return JsValue.Manual($"'{name}' is imported from '{import.Value.Module}', which is not a relative path in this repository");
        }

        var module = Document(path);
        if (module is null)
        {
            return JsValue.Opaque("module " + import.Value.Module);
        }

        return import.Value.Imported == "*"
            ? new JsValue { Kind = JsValueKind.Module, Document = module, Reason = import.Value.Module }
            : Export(module, import.Value.Imported, depth + 1);
    }

    /// <summary>The repository-relative file a relative import names (<c>.ts</c> for a <c>.js</c> specifier, index files), or null.</summary>
    public string? ResolveModule(string fromPath, string specifier)
    {
        if (!specifier.StartsWith("./", StringComparison.Ordinal) && !specifier.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        var dir = fromPath.Contains('/', StringComparison.Ordinal) ? fromPath[..fromPath.LastIndexOf('/')] : string.Empty;
        var parts = new List<string>(dir.Length == 0 ? [] : dir.Split('/'));
        foreach (var segment in specifier.Split('/'))
        {
            if (segment is "." or "")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        var basePath = string.Join('/', parts);
        var candidates = ModuleSuffixes.Select(s => basePath + s).ToList();
        foreach (var js in new[] { ".js", ".mjs", ".cjs", ".jsx" })
        {
            if (basePath.EndsWith(js, StringComparison.Ordinal))
            {
                var stem = basePath[..^js.Length];
                candidates.AddRange([stem + ".ts", stem + ".tsx", stem + ".mts", stem + ".cts"]);
            }
        }

        foreach (var candidate in candidates)
        {
            if (Repository.Resolve(candidate) is { } full && File.Exists(full))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>What module <paramref name="module"/> exports as <paramref name="name"/> (<c>default</c> for the default export).</summary>
    private JsValue Export(JsDocument module, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return JsValue.Manual("too many indirections");
        }

        for (var i = 0; i < module.Count; i++)
        {
            if (module.Parent(i) != -1)
            {
                continue;
            }

            if (name != "default" && (module.IsName(i, "const") || module.IsName(i, "let") || module.IsName(i, "var")) && module.IsName(i + 1, name))
            {
                return Identifier(module, i + 1, depth + 1) with { };
            }

            if (module.IsName(i, "class") && (module.IsName(i + 1, name) || name == "default" && module.IsName(i - 1, "default")))
            {
                return Classes(module).FirstOrDefault(c => c.NameToken == i + 1 || c.Body > i) is { Body: > 0 } cls ? Instance(cls) : JsValue.Opaque("class");
            }

            if (name == "default" && module.IsName(i, "export") && module.IsName(i + 1, "default") && module.IsName(i + 2) && !module.IsName(i + 2, "class"))
            {
                return Identifier(module, i + 2, depth + 1);
            }

            // export { a as name } [from './x'];  export * from './x'
            if (module.IsName(i, "export") && module.Is(i + 1, "{"))
            {
                var close = module.Match(i + 1);
                var from = module.IsName(close + 1, "from") && module[close + 2].Kind == JsTokenKind.String ? module[close + 2].Value : null;
                for (var j = i + 2; j < close; j++)
                {
                    var exported = module.IsName(j + 1, "as") ? module[j + 2].Text : module[j].Text;
                    if (!module.IsName(j) || exported != name || module.IsName(j - 1, "as"))
                    {
                        continue;
                    }

                    if (from is null)
                    {
                        return Identifier(module, j, depth + 1);
                    }

                    var path = ResolveModule(module.Path, from);
                    return path is not null && Document(path) is { } target
                        ? Export(target, module[j].Text, depth + 1)
                        : JsValue.Manual($"'{name}' is re-exported from '{from}', which is not a relative path in this repository");
                }
            }

            if (module.IsName(i, "export") && module.Is(i + 1, "*") && module.IsName(i + 2, "from") && module[i + 3].Kind == JsTokenKind.String)
            {
                var path = ResolveModule(module.Path, module[i + 3].Value);
                if (path is not null && Document(path) is { } target)
                {
                    var value = Export(target, name, depth + 1);
                    if (value.Kind != JsValueKind.Opaque)
                    {
                        return value;
                    }
                }
            }
        }

        return JsValue.Opaque($"export '{name}'");
    }

    /// <summary>The class a name refers to from <paramref name="doc"/>: declared there or imported by relative path.</summary>
    public ClassInfo? FindClass(JsDocument doc, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        foreach (var cls in Classes(doc))
        {
            if (cls.NameToken >= 0 && cls.Name == name)
            {
                return cls;
            }
        }

        var import = FindImport(doc, name);
        if (import is null || ResolveModule(doc.Path, import.Value.Module) is not { } path || Document(path) is not { } module)
        {
            return null;
        }

        var value = Export(module, import.Value.Imported, depth + 1);
        return value.Kind == JsValueKind.Instance ? Classes(value.Document!).First(c => c.Body == value.Open) : null;
    }

    /// <summary>A class of that name anywhere in the repository (for fixtures, whose types live in a fixture file).</summary>
    public ClassInfo? FindClassAnywhere(string name)
    {
        foreach (var path in Repository.Files(Extensions))
        {
            var source = Repository.Read(path);
            if (source is null || !source.Text.Contains("class " + name, StringComparison.Ordinal))
            {
                continue;
            }

            if (Document(path) is { } doc && Classes(doc).FirstOrDefault(c => c.NameToken >= 0 && c.Name == name) is { Body: > 0 } cls)
            {
                return cls;
            }
        }

        return null;
    }
}
