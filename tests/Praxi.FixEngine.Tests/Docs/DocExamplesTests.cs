using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Tests.Docs;

/// <summary>
/// Every C# example in the documentation compiles against the library's public API, so a page cannot show a call that
/// does not exist. An example is compiled as a top-level program that imports every public namespace of the library; it
/// may use, without declaring them, the names a page's prose introduces: see <see cref="Givens"/>.
/// </summary>
public sealed class DocExamplesTests
{
    /// <summary>The names examples may use without declaring them, and their types.</summary>
    private static readonly (string Name, string Type)[] Givens =
    [
        ("repo", "string"), ("repoRoot", "string"), ("artifacts", "string"), ("json", "string"), ("folders", "IEnumerable<string>"),
        ("report", "Praxi.FixEngine.Contracts.AnalysisReport"), ("analysis", "Praxi.FixEngine.Contracts.AnalysisReport"),
        ("config", "Praxi.FixEngine.Configuration.PraxiConfig"), ("agent", "Praxi.FixEngine.Pipeline.FixAgent"), ("ct", "CancellationToken"),
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var names = platform.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var library = typeof(HealLoop).Assembly.Location;
        var packages = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(d => !names.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).StartsWith("Praxi.", StringComparison.Ordinal));
        return [.. platform.Concat(packages).Append(library).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static TheoryData<DocExample> Examples() => [.. DocExample.All(RepositoryRoot.Path)];

    [Fact]
    public void Documentation_HasExamples_OnThePagesAndInTheApi()
    {
        var sut = DocExample.All(RepositoryRoot.Path);

        sut.Should().Contain(e => e.Where.StartsWith("docs/embedding.md", StringComparison.Ordinal));
        sut.Should().Contain(e => e.Where.StartsWith("src/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_Compiles_AgainstThePublicApi(DocExample example)
    {
        var errors = Compile(example.Code);

        errors.Should().BeEmpty($"the example at {example.Where} must compile:\n{example.Code}");
    }

    [Fact]
    public void Compile_ACallThatDoesNotExist_IsAnError()
    {
        var errors = Compile("var report = new FailureAnalyzer().Analyze(\"artifacts\");");

        errors.Should().ContainSingle().Which.Should().Contain("CS1061", "the synchronous twin is internal");
    }

    private static List<string> Compile(string code)
    {
        var library = typeof(HealLoop).Assembly;
        var namespaces = library.GetExportedTypes().Select(t => t.Namespace!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var usings = string.Concat(new[] { "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks" }
            .Concat(namespaces).Select(n => $"using {n};\n"));
        var snippet = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview, kind: SourceCodeKind.Regular)).GetRoot();
        var declared = snippet.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText)
            .Concat(snippet.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(v => v.Identifier.ValueText))
            .Concat(snippet.DescendantNodes().OfType<ForEachStatementSyntax>().Select(f => f.Identifier.ValueText))
            .ToHashSet(StringComparer.Ordinal);
        var used = snippet.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        var givens = string.Concat(Givens.Where(g => used.Contains(g.Name) && !declared.Contains(g.Name)).Select(g => $"{g.Type} {g.Name} = default!;\n"));
        var program = $"{usings}#nullable enable\n#pragma warning disable CS0219, CS8321, CS1998\n{givens}#line 1\n{code}\n";
        var compilation = CSharpCompilation.Create(
            "DocExample",
            [CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(LanguageVersion.Preview))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];
    }
}
