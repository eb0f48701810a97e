using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Praxi.FixEngine.Tests.Architecture;

/// <summary>
/// The namespaces of the library and every type reference between them, read by compiling the library's own syntax trees
/// with Roslyn: a namespace depends on another when any code in it (a signature, a body, an attribute, a generic argument)
/// names a type of the other — not only when a <c>using</c> says so. XML doc comments and using directives do not count.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly IReadOnlyList<SyntaxTree> _trees;
    private readonly HashSet<string> _namespaces;
    private readonly Dictionary<(string From, string To), List<string>> _edges;

    private NamespaceGraph(IReadOnlyList<SyntaxTree> trees, HashSet<string> namespaces, Dictionary<(string From, string To), List<string>> edges)
    {
        _trees = trees;
        _namespaces = namespaces;
        _edges = edges;
    }

    /// <summary>The library's root namespace.</summary>
    public const string Root = "Praxi.FixEngine";

    /// <summary>Every namespace that declares a type.</summary>
    public IReadOnlySet<string> Namespaces => _namespaces;

    /// <summary>Every dependency, with up to a few places (file:line type) that make it.</summary>
    public IEnumerable<(string From, string To, IReadOnlyList<string> Where)> Edges =>
        _edges.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal).Select(e => (e.Key.From, e.Key.To, (IReadOnlyList<string>)e.Value));

    /// <summary>Reads the library under <paramref name="sourceFolder"/>.</summary>
    public static NamespaceGraph Read(string sourceFolder)
    {
        var trees = Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(sourceFolder, f)))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, path: Path.GetRelativePath(sourceFolder, f)))
            .ToList();
        var graph = new NamespaceGraph(trees, new HashSet<string>(StringComparer.Ordinal), []);
        graph.Add(Compile(trees), trees);
        return graph;
    }

    /// <summary>This graph with <paramref name="sources"/> (file name → text) compiled into the library and read too.</summary>
    public NamespaceGraph With(IReadOnlyDictionary<string, string> sources)
    {
        var added = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, ParseOptions, path: s.Key)).ToList();
        var trees = _trees.Concat(added).ToList();
        var graph = new NamespaceGraph(trees, new HashSet<string>(Namespaces, StringComparer.Ordinal), _edges.ToDictionary(e => e.Key, e => e.Value.ToList()));
        graph.Add(Compile(trees), added);
        return graph;
    }

    private static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview);

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Praxi.FixEngine.ArchitectureProbe",
        trees,
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private void Add(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var declaration in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration)?.ContainingNamespace?.ToDisplayString() is { } ns)
                {
                    _namespaces.Add(ns);
                }
            }

            foreach (var node in root.DescendantNodes(descendIntoTrivia: false))
            {
                if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or InvocationExpressionSyntax)
                    || node.Ancestors().Any(a => a is UsingDirectiveSyntax || (a is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(node.Span))))
                {
                    continue;
                }

                var from = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
                if (from is null)
                {
                    continue;
                }

                foreach (var to in ReferencedNamespaces(model, node).Where(n => n != from && IsLibrary(n)))
                {
                    if (!_edges.TryGetValue((from, to), out var where))
                    {
                        _edges[(from, to)] = where = [];
                    }

                    var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                    var place = $"{tree.FilePath}:{line}";
                    if (where.Count < 5 && !where.Any(w => w.StartsWith(place + " ", StringComparison.Ordinal)))
                    {
                        where.Add($"{place} {node}");
                    }
                }
            }
        }
    }

    /// <summary>The namespaces that lie on a cycle, one list per strongly connected component of more than one namespace.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's strongly connected components over the namespace graph.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<IReadOnlyList<string>>();
        var nodes = Namespaces.Concat(_edges.Keys.SelectMany(k => new[] { k.From, k.To })).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in _edges.Keys.Where(k => k.From == v).Select(k => k.To))
            {
                if (!index.TryGetValue(w, out var wIndex))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    components.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var v in nodes.Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return components;
    }

    private static bool IsLibrary(string ns) => ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal);

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is [var first, ..] && first is "bin" or "obj";

    private static IEnumerable<string> ReferencedNamespaces(SemanticModel model, SyntaxNode node)
    {
        var symbol = model.GetSymbolInfo(node).Symbol;
        var types = new List<ITypeSymbol>();
        if (symbol is ITypeSymbol type)
        {
            types.Add(type);
        }
        else if (symbol?.ContainingType is { } containing)
        {
            types.Add(containing);
        }

        if (model.GetTypeInfo(node).Type is { } typeOfNode)
        {
            types.Add(typeOfNode);
        }

        return types.SelectMany(NamespacesOf).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> NamespacesOf(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                foreach (var n in NamespacesOf(array.ElementType))
                {
                    yield return n;
                }

                break;
            case INamedTypeSymbol named:
                if (named.ContainingNamespace is { IsGlobalNamespace: false } ns)
                {
                    yield return ns.ToDisplayString();
                }

                foreach (var n in named.TypeArguments.SelectMany(NamespacesOf))
                {
                    yield return n;
                }

                break;
        }
    }

    private static readonly Lazy<List<MetadataReference>> References = new(ReadReferences);

    private static List<MetadataReference> ReadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var names = platform.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // The packages the library references sit beside the test binary; the library itself is compiled from source.
        var packages = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(d => !names.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).StartsWith("Praxi.", StringComparison.Ordinal));
        return [.. platform.Concat(packages).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
