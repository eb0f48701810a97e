namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// Where else a followed declaration is used (textual, on tokens): a variable's name in its file and in the
/// files that import it; a member's <c>.name</c> accesses in the class's file and in files that mention the class.
/// </summary>
internal static class JsUsages
{
    public static IReadOnlyList<string> Find(JsResolver resolver, SymbolRef? symbol, string failingFile, int failingLine)
    {
        if (symbol is null)
        {
            return [];
        }

        var result = new SortedSet<string>(StringComparer.Ordinal);
        var definition = $"{symbol.Document.Path}:{symbol.Document.LineOfToken(symbol.NameToken)}";
        foreach (var path in resolver.Repository.Files(JsResolver.Extensions))
        {
            var source = resolver.Repository.Read(path);
            if (source is null || !source.Text.Contains(symbol.Name, StringComparison.Ordinal))
            {
                continue;
            }

            var doc = resolver.Document(path);
            if (doc is null)
            {
                continue;
            }

            var same = path == symbol.Document.Path;
            if (symbol.ClassName is null)
            {
                if (!same && !Imports(resolver, doc, symbol))
                {
                    continue;
                }

                for (var i = 0; i < doc.Count; i++)
                {
                    if (doc.IsName(i, symbol.Name) && !JsSyntax.AfterDot(doc, i) && !doc.Is(i + 1, ":") && !InImport(doc, i) && !(same && i == symbol.NameToken))
                    {
                        result.Add(doc.Where(i));
                    }
                }
            }
            else
            {
                if (!same && !doc.Tokens.Any(t => t.IsName(symbol.ClassName)) && !MentionsInstance(doc, symbol.ClassName))
                {
                    continue;
                }

                for (var i = 0; i < doc.Count; i++)
                {
                    if (doc.IsName(i, symbol.Name) && JsSyntax.AfterDot(doc, i))
                    {
                        result.Add(doc.Where(i));
                    }
                }
            }
        }

        result.Remove($"{failingFile}:{failingLine}");
        result.Remove(definition);
        return [.. result];
    }

    private static bool Imports(JsResolver resolver, JsDocument doc, SymbolRef symbol) =>
        JsResolver.FindImport(doc, symbol.Name) is { } import && resolver.ResolveModule(doc.Path, import.Module) == symbol.Document.Path;

    private static bool InImport(JsDocument doc, int i)
    {
        for (var j = i; j >= 0 && doc.LineOfToken(j) >= doc.LineOfToken(i) - 20; j--)
        {
            if (doc.Is(j, ";"))
            {
                return false;
            }

            if (doc.IsName(j, "import") && !JsSyntax.AfterDot(doc, j))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A fixture named after the class (<c>loginPage</c> for <c>LoginPage</c>).</summary>
    private static bool MentionsInstance(JsDocument doc, string className)
    {
        var fixture = char.ToLowerInvariant(className[0]) + className[1..];
        return doc.Tokens.Any(t => t.IsName(fixture));
    }
}
