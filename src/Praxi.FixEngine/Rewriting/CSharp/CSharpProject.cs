using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// The C# sources of one test project (every <c>.cs</c> file under the folder of the nearest <c>*.csproj</c> above a file):
/// syntax trees parsed on demand, and an ad hoc compilation for the semantic model, built only when a value has to be
/// followed. Framework assemblies come from the running runtime so <c>System</c> symbols bind; packages such as
/// Microsoft.Playwright or Selenium stay unresolved, which is fine: their calls are recognised by syntax.
/// </summary>
internal sealed class CSharpProject
{
    private const int MaxFiles = 5_000;

    private static readonly ConditionalWeakTable<SourceRepository, Dictionary<string, CSharpProject>> Cache = new();

    private static readonly ConditionalWeakTable<SourceRepository, HashSet<string>> ProjectFolders = new();

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>Implicit usings of an SDK-style test project, so <c>Thread</c>, <c>Task</c>, <c>TimeSpan</c> bind without them written.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private readonly SourceRepository _repository;
    private readonly Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<SyntaxTree, string> _paths = [];
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
    private readonly Lock _gate = new();
    private CSharpCompilation? _compilation;

    private CSharpProject(SourceRepository repository, string folder, IReadOnlyList<string> files)
    {
        _repository = repository;
        Folder = folder;
        Files = files;
    }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview, DocumentationMode.None);

    /// <summary>Repository-relative folder of the project ("" for the root).</summary>
    public string Folder { get; }

    /// <summary>Repository-relative paths of the project's <c>.cs</c> files.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The project that holds <paramref name="file"/> (cached per repository).</summary>
    public static CSharpProject For(SourceRepository repository, string file)
    {
        var byFolder = Cache.GetValue(repository, _ => new Dictionary<string, CSharpProject>(StringComparer.Ordinal));
        lock (byFolder)
        {
            var folder = ProjectFolder(repository, file);
            if (!byFolder.TryGetValue(folder, out var project))
            {
                var prefix = folder.Length == 0 ? string.Empty : folder + "/";
                var files = repository.Files(".cs")
                    .Where(f => f.StartsWith(prefix, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Take(MaxFiles)
                    .ToList();
                project = new CSharpProject(repository, folder, files);
                byFolder[folder] = project;
            }

            return project;
        }
    }

    /// <summary>The parsed file, or null when it cannot be read.</summary>
    public SyntaxTree? Tree(string file)
    {
        lock (_gate)
        {
            if (_trees.TryGetValue(file, out var tree))
            {
                return tree;
            }

            var source = _repository.Read(file);
            if (source is null)
            {
                return null;
            }

            tree = CSharpSyntaxTree.ParseText(source.Text, ParseOptions, path: file);
            _trees[file] = tree;
            _paths[tree] = file;
            return tree;
        }
    }

    /// <summary>Repository-relative path of a tree of this project.</summary>
    public string PathOf(SyntaxTree tree)
    {
        lock (_gate)
        {
            return _paths.TryGetValue(tree, out var path) ? path : tree.FilePath;
        }
    }

    /// <summary>"file:line" (1-based) of a position in a tree.</summary>
    public string Where(SyntaxTree tree, int position) =>
        $"{PathOf(tree)}:{tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition.Line + 1}";

    /// <summary>The ad hoc compilation of every file of the project (built once).</summary>
    public CSharpCompilation Compilation(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_compilation is not null)
            {
                return _compilation;
            }
        }

        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "<implicit-usings>.cs", cancellationToken: cancellationToken) };
        foreach (var file in Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Tree(file) is { } tree)
            {
                trees.Add(tree);
            }
        }

        var compilation = CSharpCompilation.Create(
            "praxi-adhoc",
            trees,
            FrameworkReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        lock (_gate)
        {
            _compilation ??= compilation;
            return _compilation;
        }
    }

    /// <summary>The semantic model of a tree of this project.</summary>
    public SemanticModel Model(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var compilation = Compilation(cancellationToken);
        lock (_gate)
        {
            // One model per tree: a model caches what it bound, and finding usages binds many nodes of the same tree.
            if (!_models.TryGetValue(tree, out var model))
            {
                model = compilation.GetSemanticModel(tree, ignoreAccessibility: true);
                _models[tree] = model;
            }

            return model;
        }
    }

    /// <summary>Every tree of the project (parses what is not parsed yet).</summary>
    public IEnumerable<SyntaxTree> Trees()
    {
        foreach (var file in Files)
        {
            if (Tree(file) is { } tree)
            {
                yield return tree;
            }
        }
    }

    /// <summary>True when the project folder holds a <c>.resx</c> file named <paramref name="baseName"/> (any culture).</summary>
    public bool HasResx(string baseName) =>
        _repository.Files(".resx").Any(f =>
            f.StartsWith(Folder.Length == 0 ? string.Empty : Folder + "/", StringComparison.Ordinal)
            && Path.GetFileName(f).StartsWith(baseName + ".", StringComparison.OrdinalIgnoreCase));

    private static string ProjectFolder(SourceRepository repository, string file)
    {
        var projects = ProjectFolders.GetValue(repository, r =>
            r.Files(".csproj").Select(p => p.Contains('/', StringComparison.Ordinal) ? p[..p.LastIndexOf('/')] : string.Empty).ToHashSet(StringComparer.Ordinal));
        var dir = file.Contains('/', StringComparison.Ordinal) ? file[..file.LastIndexOf('/')] : string.Empty;
        while (true)
        {
            if (projects.Contains(dir))
            {
                return dir;
            }

            if (dir.Length == 0)
            {
                // No project file above it: the whole repository (capped) is the scope.
                return string.Empty;
            }

            dir = dir.Contains('/', StringComparison.Ordinal) ? dir[..dir.LastIndexOf('/')] : string.Empty;
        }
    }

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
        var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        return
        [
            .. tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDir, StringComparison.Ordinal))
                .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll"))
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
        ];
    }
}
